-- Hand-edited: drizzle-kit proposed rebuilding `tasks`, which would copy columns that do not exist
-- yet and, with foreign keys on inside the migration's transaction, fail on the rows that point at
-- tasks. Adding the columns in place gives the same schema.
ALTER TABLE `tasks` ADD `completion_note` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `completed_on` text CONSTRAINT "tasks_completed_on_check" CHECK("completed_on" IS NULL OR (length("completed_on") = 10 AND "completed_on" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'));--> statement-breakpoint
-- Tasks completed before this column existed: the day of their last change in Asia/Shanghai
-- (UTC+8, no daylight saving), the zone of every plan so far; SQLite cannot convert by zone name.
UPDATE `tasks` SET `completed_on` = date(`updated_at` / 1000, 'unixepoch', '+8 hours') WHERE `status` = 'completed';--> statement-breakpoint
ALTER TABLE `indicators` ADD `version` integer DEFAULT 1 NOT NULL;
