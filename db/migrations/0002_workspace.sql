CREATE TABLE `audit_context` (
	`id` integer PRIMARY KEY NOT NULL,
	`user_id` integer,
	`actor` text NOT NULL,
	`origin` text NOT NULL,
	`reason` text,
	`at` text NOT NULL,
	CONSTRAINT "audit_context_single_row" CHECK("audit_context"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `audit_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`actor` text NOT NULL,
	`origin` text NOT NULL,
	`entity` text NOT NULL,
	`operation` text NOT NULL,
	`year` integer,
	`state` text,
	`indicator` text,
	`before` text,
	`after` text,
	`reason` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_entries_year_state` ON `audit_entries` (`year`,`state`);--> statement-breakpoint
CREATE INDEX `audit_entries_indicator` ON `audit_entries` (`indicator`);--> statement-breakpoint
CREATE INDEX `audit_entries_entity_year` ON `audit_entries` (`entity`,`year`);--> statement-breakpoint
CREATE TABLE `pending_uploads` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`files` text NOT NULL,
	`audit_mark` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`sid` text PRIMARY KEY NOT NULL,
	`user_id` integer,
	`data` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_expires_at` ON `sessions` (`expires_at`);--> statement-breakpoint
CREATE INDEX `sessions_user_id` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `user_mechanisms` (
	`user_id` integer NOT NULL,
	`mechanism` text NOT NULL,
	PRIMARY KEY(`user_id`, `mechanism`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mechanism`) REFERENCES `mechanisms`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`disabled_at` text,
	CONSTRAINT "users_role" CHECK("users"."role" IN ('admin','member','observer')),
	CONSTRAINT "users_email_lower" CHECK("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `validations` (
	`year` integer NOT NULL,
	`state` text NOT NULL,
	`validated_by` integer,
	`validated_at` text NOT NULL,
	PRIMARY KEY(`year`, `state`),
	FOREIGN KEY (`state`) REFERENCES `states`(`iso3`) ON UPDATE cascade ON DELETE no action,
	FOREIGN KEY (`validated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "validations_year" CHECK("validations"."year" BETWEEN 2025 AND 2029)
);
