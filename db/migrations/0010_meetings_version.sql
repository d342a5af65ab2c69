-- Every write to the meetings, their agenda items and their speakers' lists moves `meetings_version` in
-- `meta`, whichever connection or process makes it: signed-in pages that show meetings are kept until it
-- moves (server/private-render-cache.ts, docs/architecture.md#data-version-and-caches). Meetings are not
-- audited, so the data version does not see them; a counter read by key costs one lookup per request,
-- where a scan of every meeting's version cost one per meeting.
INSERT INTO `meta` (`key`, `value`) VALUES ('meetings_version', '0') ON CONFLICT (`key`) DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER `meetings_version_meetings_insert` AFTER INSERT ON `meetings`
BEGIN
  INSERT INTO `meta` (`key`, `value`) VALUES ('meetings_version', '1')
    ON CONFLICT (`key`) DO UPDATE SET `value` = CAST(`value` AS INTEGER) + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `meetings_version_meetings_update` AFTER UPDATE ON `meetings`
BEGIN
  INSERT INTO `meta` (`key`, `value`) VALUES ('meetings_version', '1')
    ON CONFLICT (`key`) DO UPDATE SET `value` = CAST(`value` AS INTEGER) + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `meetings_version_meetings_delete` AFTER DELETE ON `meetings`
BEGIN
  INSERT INTO `meta` (`key`, `value`) VALUES ('meetings_version', '1')
    ON CONFLICT (`key`) DO UPDATE SET `value` = CAST(`value` AS INTEGER) + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `meetings_version_meeting_items_insert` AFTER INSERT ON `meeting_items`
BEGIN
  INSERT INTO `meta` (`key`, `value`) VALUES ('meetings_version', '1')
    ON CONFLICT (`key`) DO UPDATE SET `value` = CAST(`value` AS INTEGER) + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `meetings_version_meeting_items_update` AFTER UPDATE ON `meeting_items`
BEGIN
  INSERT INTO `meta` (`key`, `value`) VALUES ('meetings_version', '1')
    ON CONFLICT (`key`) DO UPDATE SET `value` = CAST(`value` AS INTEGER) + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `meetings_version_meeting_items_delete` AFTER DELETE ON `meeting_items`
BEGIN
  INSERT INTO `meta` (`key`, `value`) VALUES ('meetings_version', '1')
    ON CONFLICT (`key`) DO UPDATE SET `value` = CAST(`value` AS INTEGER) + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `meetings_version_meeting_speakers_insert` AFTER INSERT ON `meeting_speakers`
BEGIN
  INSERT INTO `meta` (`key`, `value`) VALUES ('meetings_version', '1')
    ON CONFLICT (`key`) DO UPDATE SET `value` = CAST(`value` AS INTEGER) + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `meetings_version_meeting_speakers_update` AFTER UPDATE ON `meeting_speakers`
BEGIN
  INSERT INTO `meta` (`key`, `value`) VALUES ('meetings_version', '1')
    ON CONFLICT (`key`) DO UPDATE SET `value` = CAST(`value` AS INTEGER) + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `meetings_version_meeting_speakers_delete` AFTER DELETE ON `meeting_speakers`
BEGIN
  INSERT INTO `meta` (`key`, `value`) VALUES ('meetings_version', '1')
    ON CONFLICT (`key`) DO UPDATE SET `value` = CAST(`value` AS INTEGER) + 1;
END;
