CREATE TABLE `releases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`revision` integer NOT NULL,
	`published_at` text NOT NULL,
	`published_by` integer,
	`note` text,
	`data` text,
	`indicator_values` text,
	`changes` text,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "releases_year" CHECK("releases"."year" BETWEEN 2025 AND 2029)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `releases_year_revision` ON `releases` (`year`,`revision`);--> statement-breakpoint
-- Years published before releases existed become revision 1; the next start freezes their data.
INSERT INTO `releases` (`year`, `revision`, `published_at`) SELECT `year`, 1, `published_at` FROM `publications` WHERE `published` = 1;
--> statement-breakpoint
-- A release is never changed once its data is frozen: what the public saw stays on record.
CREATE TRIGGER `releases_frozen` BEFORE UPDATE ON `releases`
WHEN OLD.`data` IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'Une publication ne se modifie pas : publiez une nouvelle révision.');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_releases_insert` AFTER INSERT ON `releases`
BEGIN
  INSERT INTO `audit_entries` (`at`, `user_id`, `actor`, `origin`, `entity`, `operation`, `year`, `state`, `indicator`, `before`, `after`, `reason`)
  SELECT coalesce(c.`at`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), c.`user_id`, coalesce(c.`actor`, 'inconnu'), coalesce(c.`origin`, 'inconnue'),
    'publication', 'insert', NEW.`year`, NULL, NULL, NULL, json_object('revision', NEW.`revision`, 'published_at', NEW.`published_at`, 'note', NEW.`note`), c.`reason`
  FROM (SELECT 1) LEFT JOIN `audit_context` c ON c.`id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_releases_delete` AFTER DELETE ON `releases`
BEGIN
  INSERT INTO `audit_entries` (`at`, `user_id`, `actor`, `origin`, `entity`, `operation`, `year`, `state`, `indicator`, `before`, `after`, `reason`)
  SELECT coalesce(c.`at`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), c.`user_id`, coalesce(c.`actor`, 'inconnu'), coalesce(c.`origin`, 'inconnue'),
    'publication', 'delete', OLD.`year`, NULL, NULL, json_object('revision', OLD.`revision`, 'published_at', OLD.`published_at`, 'note', OLD.`note`), NULL, c.`reason`
  FROM (SELECT 1) LEFT JOIN `audit_context` c ON c.`id` = 1;
END;
