CREATE TABLE `sign_in_throttles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`window_started_at` integer NOT NULL,
	`lock_count` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`last_failure_at` integer NOT NULL,
	CONSTRAINT "sign_in_throttles_kind_check" CHECK("sign_in_throttles"."kind" IN ('account', 'address')),
	CONSTRAINT "sign_in_throttles_counts_check" CHECK("sign_in_throttles"."failures" >= 0 AND "sign_in_throttles"."lock_count" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sign_in_throttles_subject_unique` ON `sign_in_throttles` (`kind`,`subject`);--> statement-breakpoint
CREATE INDEX `sign_in_throttles_last_failure_idx` ON `sign_in_throttles` (`last_failure_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `sessions_valid_after` integer;