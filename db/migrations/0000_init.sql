CREATE TABLE `units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "units_type_check" CHECK("units"."type" IN ('department', 'community', 'other'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_name_unique` ON `units` (`name`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`title` text,
	`unit_id` integer NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_role_check" CHECK("users"."role" IN ('admin', 'leader', 'cadre')),
	CONSTRAINT "users_username_check" CHECK("users"."username" = lower(trim("users"."username")) AND length("users"."username") BETWEEN 1 AND 64)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE INDEX `users_unit_idx` ON `users` (`unit_id`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`title` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`reporting_day` integer DEFAULT 25 NOT NULL,
	`green_max_gap` real DEFAULT 10 NOT NULL,
	`yellow_max_gap` real DEFAULT 30 NOT NULL,
	`time_zone` text DEFAULT 'Asia/Shanghai' NOT NULL,
	`is_current` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "plans_start_date_check" CHECK("plans"."start_date" IS NULL OR (length("plans"."start_date") = 10 AND "plans"."start_date" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')),
	CONSTRAINT "plans_end_date_check" CHECK("plans"."end_date" IS NULL OR (length("plans"."end_date") = 10 AND "plans"."end_date" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')),
	CONSTRAINT "plans_period_check" CHECK("plans"."start_date" <= "plans"."end_date"),
	CONSTRAINT "plans_reporting_day_check" CHECK("plans"."reporting_day" BETWEEN 1 AND 28),
	CONSTRAINT "plans_gaps_check" CHECK(0 <= "plans"."green_max_gap" AND "plans"."green_max_gap" <= "plans"."yellow_max_gap")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_current_unique` ON `plans` (`is_current`) WHERE "plans"."is_current" = 1;--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`lead_leader_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_leader_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `projects_plan_idx` ON `projects` (`plan_id`,`position`);--> statement-breakpoint
CREATE TABLE `task_co_units` (
	`task_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	PRIMARY KEY(`task_id`, `unit_id`),
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `task_co_units_unit_idx` ON `task_co_units` (`unit_id`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`owner_id` integer NOT NULL,
	`lead_unit_id` integer NOT NULL,
	`start_date` text NOT NULL,
	`due_date` text NOT NULL,
	`status` text DEFAULT 'not_started' NOT NULL,
	`blocked_reason` text,
	`weight` real DEFAULT 1 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "tasks_status_check" CHECK("tasks"."status" IN ('not_started', 'in_progress', 'blocked', 'completed')),
	CONSTRAINT "tasks_start_date_check" CHECK("tasks"."start_date" IS NULL OR (length("tasks"."start_date") = 10 AND "tasks"."start_date" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')),
	CONSTRAINT "tasks_due_date_check" CHECK("tasks"."due_date" IS NULL OR (length("tasks"."due_date") = 10 AND "tasks"."due_date" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')),
	CONSTRAINT "tasks_period_check" CHECK("tasks"."start_date" <= "tasks"."due_date"),
	CONSTRAINT "tasks_weight_check" CHECK("tasks"."weight" > 0)
);
--> statement-breakpoint
CREATE INDEX `tasks_project_idx` ON `tasks` (`project_id`,`position`);--> statement-breakpoint
CREATE INDEX `tasks_owner_idx` ON `tasks` (`owner_id`);--> statement-breakpoint
CREATE INDEX `tasks_lead_unit_idx` ON `tasks` (`lead_unit_id`);--> statement-breakpoint
CREATE TABLE `indicators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`name` text NOT NULL,
	`measure_unit` text NOT NULL,
	`baseline` real DEFAULT 0 NOT NULL,
	`target` real NOT NULL,
	`direction` text DEFAULT 'increase' NOT NULL,
	`decimals` integer DEFAULT 0 NOT NULL,
	`weight` real DEFAULT 1 NOT NULL,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "indicators_direction_check" CHECK("indicators"."direction" IN ('increase', 'decrease')),
	CONSTRAINT "indicators_decimals_check" CHECK("indicators"."decimals" BETWEEN 0 AND 4),
	CONSTRAINT "indicators_weight_check" CHECK("indicators"."weight" > 0),
	CONSTRAINT "indicators_target_check" CHECK("indicators"."target" <> "indicators"."baseline")
);
--> statement-breakpoint
CREATE INDEX `indicators_task_idx` ON `indicators` (`task_id`);--> statement-breakpoint
CREATE TABLE `indicator_readings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	`value` real NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`entry_id`) REFERENCES `progress_entries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_readings_entry_indicator_unique` ON `indicator_readings` (`entry_id`,`indicator_id`);--> statement-breakpoint
CREATE INDEX `indicator_readings_indicator_idx` ON `indicator_readings` (`indicator_id`);--> statement-breakpoint
CREATE TABLE `progress_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`entry_date` text NOT NULL,
	`percent` real,
	`note` text NOT NULL,
	`problems` text DEFAULT '' NOT NULL,
	`next_steps` text DEFAULT '' NOT NULL,
	`review_status` text DEFAULT 'pending' NOT NULL,
	`review_reason` text,
	`reviewed_by_id` integer,
	`reviewed_at` integer,
	`withdrawn_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "progress_entries_date_check" CHECK("progress_entries"."entry_date" IS NULL OR (length("progress_entries"."entry_date") = 10 AND "progress_entries"."entry_date" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')),
	CONSTRAINT "progress_entries_review_check" CHECK("progress_entries"."review_status" IN ('pending', 'approved', 'returned')),
	CONSTRAINT "progress_entries_percent_check" CHECK("progress_entries"."percent" IS NULL OR ("progress_entries"."percent" >= 0 AND "progress_entries"."percent" <= 100))
);
--> statement-breakpoint
CREATE INDEX `progress_entries_task_date_idx` ON `progress_entries` (`task_id`,`entry_date`);--> statement-breakpoint
CREATE INDEX `progress_entries_review_idx` ON `progress_entries` (`review_status`);--> statement-breakpoint
CREATE TABLE `instructions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`text` text NOT NULL,
	`acknowledged_at` integer,
	`acknowledged_by_id` integer,
	`reply` text,
	`replied_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`acknowledged_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `instructions_task_idx` ON `instructions` (`task_id`);--> statement-breakpoint
CREATE TABLE `urges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`recipient_id` integer NOT NULL,
	`message` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recipient_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `urges_task_idx` ON `urges` (`task_id`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`task_id` integer,
	`ref_id` integer,
	`body` text DEFAULT '' NOT NULL,
	`read_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "notifications_kind_check" CHECK("notifications"."kind" IN ('instruction_received', 'entry_returned', 'urged', 'task_due_soon', 'entry_missing'))
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`read_at`);--> statement-breakpoint
CREATE TABLE `month_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`month` text NOT NULL,
	`content` text NOT NULL,
	`narrative` text DEFAULT '' NOT NULL,
	`published_by_id` integer NOT NULL,
	`published_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "month_snapshots_month_check" CHECK("month_snapshots"."month" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `month_snapshots_plan_month_unique` ON `month_snapshots` (`plan_id`,`month`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_id` integer,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer,
	`before` text,
	`after` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity_type`,`entity_id`);