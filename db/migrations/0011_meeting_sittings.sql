ALTER TABLE `meetings` ADD `sittings` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `speakers_from` text DEFAULT 'population' NOT NULL;