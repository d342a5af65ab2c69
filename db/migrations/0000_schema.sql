CREATE TABLE `actions` (
	`number` integer PRIMARY KEY NOT NULL,
	`section` text NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`section`) REFERENCES `sections`(`number`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "actions_number_range" CHECK("actions"."number" BETWEEN 1 AND 48)
);
--> statement-breakpoint
CREATE TABLE `answers` (
	`year` integer NOT NULL,
	`state` text NOT NULL,
	`indicator` text NOT NULL,
	`answer` text NOT NULL,
	`source` text,
	`note` text,
	PRIMARY KEY(`year`, `state`, `indicator`),
	FOREIGN KEY (`state`) REFERENCES `states`(`iso3`) ON UPDATE cascade ON DELETE no action,
	FOREIGN KEY (`indicator`) REFERENCES `indicators`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "answers_year" CHECK("answers"."year" BETWEEN 2025 AND 2029),
	CONSTRAINT "answers_answer" CHECK("answers"."answer" IN ('yes','no','blank'))
);
--> statement-breakpoint
CREATE TABLE `figures` (
	`year` integer NOT NULL,
	`indicator` text NOT NULL,
	`value` real NOT NULL,
	`denominator` real,
	PRIMARY KEY(`year`, `indicator`),
	FOREIGN KEY (`indicator`) REFERENCES `indicators`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "figures_year" CHECK("figures"."year" BETWEEN 2025 AND 2029),
	CONSTRAINT "figures_denominator" CHECK("figures"."denominator" IS NULL OR "figures"."denominator" >= 0)
);
--> statement-breakpoint
CREATE TABLE `indicators` (
	`code` text PRIMARY KEY NOT NULL,
	`action` integer NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	`kind` text NOT NULL,
	`population` text,
	`population_of` text,
	`direction` text NOT NULL,
	`provenance` text,
	`derived_from` text,
	`edited_at` text,
	FOREIGN KEY (`action`) REFERENCES `actions`(`number`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`population`) REFERENCES `populations`(`key`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`population_of`) REFERENCES `indicators`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "indicators_kind" CHECK("indicators"."kind" IN ('share','count','figure','ratio')),
	CONSTRAINT "indicators_direction" CHECK("indicators"."direction" IN ('up','down','neutral')),
	CONSTRAINT "indicators_population_by_kind" CHECK(("indicators"."kind" IN ('share','count')) = ("indicators"."population" IS NOT NULL)),
	CONSTRAINT "indicators_population_of" CHECK(("indicators"."population" = 'yes') = ("indicators"."population_of" IS NOT NULL)),
	CONSTRAINT "indicators_derived_from" CHECK("indicators"."derived_from" IS NULL OR ("indicators"."derived_from" IN ('report_on_time','report_reporting_guide') AND "indicators"."kind" = 'share'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicators_action_position_unique` ON `indicators` (`action`,`position`);--> statement-breakpoint
CREATE TABLE `mechanism_actions` (
	`mechanism` text NOT NULL,
	`action` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`mechanism`, `action`),
	FOREIGN KEY (`mechanism`) REFERENCES `mechanisms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`action`) REFERENCES `actions`(`number`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "mechanism_actions_role" CHECK("mechanism_actions"."role" IN ('lead','contributing'))
);
--> statement-breakpoint
CREATE TABLE `mechanisms` (
	`id` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`mandate` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mechanisms_position_unique` ON `mechanisms` (`position`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `population_memberships` (
	`year` integer NOT NULL,
	`state` text NOT NULL,
	`population` text NOT NULL,
	PRIMARY KEY(`year`, `state`, `population`),
	FOREIGN KEY (`state`) REFERENCES `states`(`iso3`) ON UPDATE cascade ON DELETE no action,
	FOREIGN KEY (`population`) REFERENCES `populations`(`key`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "population_memberships_year" CHECK("population_memberships"."year" BETWEEN 2025 AND 2029)
);
--> statement-breakpoint
CREATE TABLE `populations` (
	`key` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`derivation` text NOT NULL,
	CONSTRAINT "populations_derivation" CHECK("populations"."derivation" IN ('registry','entered','union','answers'))
);
--> statement-breakpoint
CREATE TABLE `publications` (
	`year` integer PRIMARY KEY NOT NULL,
	`published` integer NOT NULL,
	`published_at` text,
	CONSTRAINT "publications_year" CHECK("publications"."year" BETWEEN 2025 AND 2029),
	CONSTRAINT "publications_published_at" CHECK(("publications"."published" = 1) = ("publications"."published_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE `reports` (
	`year` integer NOT NULL,
	`state` text NOT NULL,
	`received_on` text NOT NULL,
	`used_reporting_guide` integer NOT NULL,
	PRIMARY KEY(`year`, `state`),
	FOREIGN KEY (`state`) REFERENCES `states`(`iso3`) ON UPDATE cascade ON DELETE no action,
	CONSTRAINT "reports_year" CHECK("reports"."year" BETWEEN 2025 AND 2029),
	CONSTRAINT "reports_received_on_date" CHECK(received_on IS NULL OR (received_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(received_on) IS received_on))
);
--> statement-breakpoint
CREATE TABLE `sections` (
	`number` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`introduction` text DEFAULT '[]' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sections_position_unique` ON `sections` (`position`);--> statement-breakpoint
CREATE TABLE `states` (
	`iso3` text PRIMARY KEY NOT NULL,
	`name_fr` text NOT NULL,
	`name_en` text NOT NULL,
	`party` integer NOT NULL,
	`party_from` text,
	`party_until` text,
	`edited_at` text,
	CONSTRAINT "states_iso3" CHECK(length("states"."iso3") = 3 AND "states"."iso3" GLOB '[A-Z][A-Z][A-Z]'),
	CONSTRAINT "states_party_from_date" CHECK(party_from IS NULL OR (party_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(party_from) IS party_from)),
	CONSTRAINT "states_party_until_date" CHECK(party_until IS NULL OR (party_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(party_until) IS party_until)),
	CONSTRAINT "states_party_dates_order" CHECK("states"."party_from" IS NULL OR "states"."party_until" IS NULL OR "states"."party_from" < "states"."party_until")
);
