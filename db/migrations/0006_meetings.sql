CREATE TABLE `meeting_items` (
	`meeting_id` integer NOT NULL,
	`item` integer NOT NULL,
	`other_interventions` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`meeting_id`, `item`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "meeting_items_other_interventions" CHECK("meeting_items"."other_interventions" BETWEEN 0 AND 200)
);
--> statement-breakpoint
CREATE TABLE `meeting_speakers` (
	`meeting_id` integer NOT NULL,
	`group_key` text NOT NULL,
	`state` text NOT NULL,
	`position` integer NOT NULL,
	`absent` integer DEFAULT false NOT NULL,
	`added` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`meeting_id`, `group_key`, `state`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`state`) REFERENCES `states`(`iso3`) ON UPDATE cascade ON DELETE no action,
	CONSTRAINT "meeting_speakers_position" CHECK("meeting_speakers"."position" >= 1)
);
--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`place` text NOT NULL,
	`year` integer NOT NULL,
	`agenda` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer,
	`updated_at` text NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meetings_kind" CHECK("meetings"."kind" IN ('intersessional','msp','coordination')),
	CONSTRAINT "meetings_starts_on" CHECK(starts_on IS NULL OR (starts_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(starts_on) IS starts_on)),
	CONSTRAINT "meetings_ends_on" CHECK(ends_on IS NULL OR (ends_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(ends_on) IS ends_on)),
	CONSTRAINT "meetings_dates_order" CHECK("meetings"."ends_on" >= "meetings"."starts_on"),
	CONSTRAINT "meetings_year" CHECK("meetings"."year" BETWEEN 2025 AND 2029)
);
--> statement-breakpoint
CREATE INDEX `meetings_starts_on` ON `meetings` (`starts_on`);