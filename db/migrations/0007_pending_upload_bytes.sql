CREATE TABLE `pending_upload_files` (
	`upload_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`content` blob NOT NULL,
	PRIMARY KEY(`upload_id`, `position`),
	FOREIGN KEY (`upload_id`) REFERENCES `pending_uploads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `pending_uploads` DROP COLUMN `files`;