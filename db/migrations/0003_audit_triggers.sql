-- The audit trail (issue 5): every insert, update and delete of the data writes an entry, with
-- who and why taken from `audit_context` (set by the application for the length of a transaction).
-- In triggers rather than in the application so that no program can change the data unrecorded.
-- An update that changes none of the recorded columns (only `edited_at`, say) writes nothing.
CREATE TRIGGER `audit_answers_insert` AFTER INSERT ON `answers`
BEGIN
  INSERT INTO `audit_entries` (`at`, `user_id`, `actor`, `origin`, `entity`, `operation`, `year`, `state`, `indicator`, `before`, `after`, `reason`)
  SELECT coalesce(c.`at`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), c.`user_id`, coalesce(c.`actor`, 'inconnu'), coalesce(c.`origin`, 'inconnue'),
    'answer', 'insert', NEW.`year`, NEW.`state`, NEW.`indicator`, NULL, json_object('answer', NEW.`answer`, 'source', NEW.`source`, 'note', NEW.`note`), c.`reason`
  FROM (SELECT 1) LEFT JOIN `audit_context` c ON c.`id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_answers_update` AFTER UPDATE ON `answers`
WHEN OLD.`answer` IS NOT NEW.`answer` OR OLD.`source` IS NOT NEW.`source` OR OLD.`note` IS NOT NEW.`note` OR OLD.`year` IS NOT NEW.`year` OR OLD.`state` IS NOT NEW.`state` OR OLD.`indicator` IS NOT NEW.`indicator`
BEGIN
  INSERT INTO `audit_entries` (`at`, `user_id`, `actor`, `origin`, `entity`, `operation`, `year`, `state`, `indicator`, `before`, `after`, `reason`)
  SELECT coalesce(c.`at`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), c.`user_id`, coalesce(c.`actor`, 'inconnu'), coalesce(c.`origin`, 'inconnue'),
    'answer', 'update', NEW.`year`, NEW.`state`, NEW.`indicator`, json_object('answer', OLD.`answer`, 'source', OLD.`source`, 'note', OLD.`note`), json_object('answer', NEW.`answer`, 'source', NEW.`source`, 'note', NEW.`note`), c.`reason`
  FROM (SELECT 1) LEFT JOIN `audit_context` c ON c.`id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_answers_delete` AFTER DELETE ON `answers`
BEGIN
  INSERT INTO `audit_entries` (`at`, `user_id`, `actor`, `origin`, `entity`, `operation`, `year`, `state`, `indicator`, `before`, `after`, `reason`)
  SELECT coalesce(c.`at`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), c.`user_id`, coalesce(c.`actor`, 'inconnu'), coalesce(c.`origin`, 'inconnue'),
    'answer', 'delete', OLD.`year`, OLD.`state`, OLD.`indicator`, json_object('answer', OLD.`answer`, 'source', OLD.`source`, 'note', OLD.`note`), NULL, c.`reason`
  FROM (SELECT 1) LEFT JOIN `audit_context` c ON c.`id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_reports_insert` AFTER INSERT ON `reports`
BEGIN
  INSERT INTO `audit_entries` (`at`, `user_id`, `actor`, `origin`, `entity`, `operation`, `year`, `state`, `indicator`, `before`, `after`, `reason`)
  SELECT coalesce(c.`at`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), c.`user_id`, coalesce(c.`actor`, 'inconnu'), coalesce(c.`origin`, 'inconnue'),
    'report', 'insert', NEW.`year`, NEW.`state`, NULL, NULL, json_object('received_on', NEW.`received_on`, 'used_reporting_guide', NEW.`used_reporting_guide`), c.`reason`
  FROM (SELECT 1) LEFT JOIN `audit_context` c ON c.`id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_reports_update` AFTER UPDATE ON `reports`
WHEN OLD.`received_on` IS NOT NEW.`received_on` OR OLD.`used_reporting_guide` IS NOT NEW.`used_reporting_guide` OR OLD.`year` IS NOT NEW.`year` OR OLD.`state` IS NOT NEW.`state`
BEGIN
  INSERT INTO `audit_entries` (`at`, `user_id`, `actor`, `origin`, `entity`, `operation`, `year`, `state`, `indicator`, `before`, `after`, `reason`)
  SELECT coalesce(c.`at`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), c.`user_id`, coalesce(c.`actor`, 'inconnu'), coalesce(c.`origin`, 'inconnue'),
    'report', 'update', NEW.`year`, NEW.`state`, NULL, json_object('received_on', OLD.`received_on`, 'used_reporting_guide', OLD.`used_reporting_guide`), json_object('received_on', NEW.`received_on`, 'used_reporting_guide', NEW.`used_reporting_guide`), c.`reason`
  FROM (SELECT 1) LEFT JOIN `audit_context` c ON c.`id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_reports_delete` AFTER DELETE ON `reports`
BEGIN
  INSERT INTO `audit_entries` (`at`, `user_id`, `actor`, `origin`, `entity`, `operation`, `year`, `state`, `indicator`, `before`, `after`, `reason`)
  SELECT coalesce(c.`at`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), c.`user_id`, coalesce(c.`actor`, 'inconnu'), coalesce(c.`origin`, 'inconnue'),
    'report', 'delete', OLD.`year`, OLD.`state`, NULL, json_object('received_on', OLD.`received_on`, 'used_reporting_guide', OLD.`used_reporting_guide`), NULL, c.`reason`
  FROM (SELECT 1) LEFT JOIN `audit_context` c ON c.`id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_population_memberships_insert` AFTER INSERT ON `population_memberships`
BEGIN
  INSERT INTO `audit_entries` (`at`, `user_id`, `actor`, `origin`, `entity`, `operation`, `year`, `state`, `indicator`, `before`, `after`, `reason`)
  SELECT coalesce(c.`at`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), c.`user_id`, coalesce(c.`actor`, 'inconnu'), coalesce(c.`origin`, 'inconnue'),
    'membership', 'insert', NEW.`year`, NEW.`state`, NULL, NULL, json_object('population', NEW.`population`), c.`reason`
  FROM (SELECT 1) LEFT JOIN `audit_context` c ON c.`id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_population_memberships_update` AFTER UPDATE ON `population_memberships`
WHEN OLD.`population` IS NOT NEW.`population` OR OLD.`year` IS NOT NEW.`year` OR OLD.`state` IS NOT NEW.`state`
BEGIN
  INSERT INTO `audit_entries` (`at`, `user_id`, `actor`, `origin`, `entity`, `operation`, `year`, `state`, `indicator`, `before`, `after`, `reason`)
  SELECT coalesce(c.`at`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), c.`user_id`, coalesce(c.`actor`, 'inconnu'), coalesce(c.`origin`, 'inconnue'),
    'membership', 'update', NEW.`year`, NEW.`state`, NULL, json_object('population', OLD.`population`), json_object('population', NEW.`population`), c.`reason`
  FROM (SELECT 1) LEFT JOIN `audit_context` c ON c.`id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_population_memberships_delete` AFTER DELETE ON `population_memberships`
BEGIN
  INSERT INTO `audit_entries` (`at`, `user_id`, `actor`, `origin`, `entity`, `operation`, `year`, `state`, `indicator`, `before`, `after`, `reason`)
  SELECT coalesce(c.`at`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), c.`user_id`, coalesce(c.`actor`, 'inconnu'), coalesce(c.`origin`, 'inconnue'),
    'membership', 'delete', OLD.`year`, OLD.`state`, NULL, json_object('population', OLD.`population`), NULL, c.`reason`
  FROM (SELECT 1) LEFT JOIN `audit_context` c ON c.`id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_figures_insert` AFTER INSERT ON `figures`
BEGIN
  INSERT INTO `audit_entries` (`at`, `user_id`, `actor`, `origin`, `entity`, `operation`, `year`, `state`, `indicator`, `before`, `after`, `reason`)
  SELECT coalesce(c.`at`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), c.`user_id`, coalesce(c.`actor`, 'inconnu'), coalesce(c.`origin`, 'inconnue'),
    'figure', 'insert', NEW.`year`, NULL, NEW.`indicator`, NULL, json_object('value', NEW.`value`, 'denominator', NEW.`denominator`), c.`reason`
  FROM (SELECT 1) LEFT JOIN `audit_context` c ON c.`id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_figures_update` AFTER UPDATE ON `figures`
WHEN OLD.`value` IS NOT NEW.`value` OR OLD.`denominator` IS NOT NEW.`denominator` OR OLD.`year` IS NOT NEW.`year` OR OLD.`indicator` IS NOT NEW.`indicator`
BEGIN
  INSERT INTO `audit_entries` (`at`, `user_id`, `actor`, `origin`, `entity`, `operation`, `year`, `state`, `indicator`, `before`, `after`, `reason`)
  SELECT coalesce(c.`at`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), c.`user_id`, coalesce(c.`actor`, 'inconnu'), coalesce(c.`origin`, 'inconnue'),
    'figure', 'update', NEW.`year`, NULL, NEW.`indicator`, json_object('value', OLD.`value`, 'denominator', OLD.`denominator`), json_object('value', NEW.`value`, 'denominator', NEW.`denominator`), c.`reason`
  FROM (SELECT 1) LEFT JOIN `audit_context` c ON c.`id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_figures_delete` AFTER DELETE ON `figures`
BEGIN
  INSERT INTO `audit_entries` (`at`, `user_id`, `actor`, `origin`, `entity`, `operation`, `year`, `state`, `indicator`, `before`, `after`, `reason`)
  SELECT coalesce(c.`at`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), c.`user_id`, coalesce(c.`actor`, 'inconnu'), coalesce(c.`origin`, 'inconnue'),
    'figure', 'delete', OLD.`year`, NULL, OLD.`indicator`, json_object('value', OLD.`value`, 'denominator', OLD.`denominator`), NULL, c.`reason`
  FROM (SELECT 1) LEFT JOIN `audit_context` c ON c.`id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_states_insert` AFTER INSERT ON `states`
BEGIN
  INSERT INTO `audit_entries` (`at`, `user_id`, `actor`, `origin`, `entity`, `operation`, `year`, `state`, `indicator`, `before`, `after`, `reason`)
  SELECT coalesce(c.`at`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), c.`user_id`, coalesce(c.`actor`, 'inconnu'), coalesce(c.`origin`, 'inconnue'),
    'state', 'insert', NULL, NEW.`iso3`, NULL, NULL, json_object('name_fr', NEW.`name_fr`, 'name_en', NEW.`name_en`, 'party', NEW.`party`, 'party_from', NEW.`party_from`, 'party_until', NEW.`party_until`), c.`reason`
  FROM (SELECT 1) LEFT JOIN `audit_context` c ON c.`id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_states_update` AFTER UPDATE ON `states`
WHEN OLD.`name_fr` IS NOT NEW.`name_fr` OR OLD.`name_en` IS NOT NEW.`name_en` OR OLD.`party` IS NOT NEW.`party` OR OLD.`party_from` IS NOT NEW.`party_from` OR OLD.`party_until` IS NOT NEW.`party_until` OR OLD.`iso3` IS NOT NEW.`iso3`
BEGIN
  INSERT INTO `audit_entries` (`at`, `user_id`, `actor`, `origin`, `entity`, `operation`, `year`, `state`, `indicator`, `before`, `after`, `reason`)
  SELECT coalesce(c.`at`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), c.`user_id`, coalesce(c.`actor`, 'inconnu'), coalesce(c.`origin`, 'inconnue'),
    'state', 'update', NULL, NEW.`iso3`, NULL, json_object('name_fr', OLD.`name_fr`, 'name_en', OLD.`name_en`, 'party', OLD.`party`, 'party_from', OLD.`party_from`, 'party_until', OLD.`party_until`), json_object('name_fr', NEW.`name_fr`, 'name_en', NEW.`name_en`, 'party', NEW.`party`, 'party_from', NEW.`party_from`, 'party_until', NEW.`party_until`), c.`reason`
  FROM (SELECT 1) LEFT JOIN `audit_context` c ON c.`id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_states_delete` AFTER DELETE ON `states`
BEGIN
  INSERT INTO `audit_entries` (`at`, `user_id`, `actor`, `origin`, `entity`, `operation`, `year`, `state`, `indicator`, `before`, `after`, `reason`)
  SELECT coalesce(c.`at`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), c.`user_id`, coalesce(c.`actor`, 'inconnu'), coalesce(c.`origin`, 'inconnue'),
    'state', 'delete', NULL, OLD.`iso3`, NULL, json_object('name_fr', OLD.`name_fr`, 'name_en', OLD.`name_en`, 'party', OLD.`party`, 'party_from', OLD.`party_from`, 'party_until', OLD.`party_until`), NULL, c.`reason`
  FROM (SELECT 1) LEFT JOIN `audit_context` c ON c.`id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_publications_insert` AFTER INSERT ON `publications`
BEGIN
  INSERT INTO `audit_entries` (`at`, `user_id`, `actor`, `origin`, `entity`, `operation`, `year`, `state`, `indicator`, `before`, `after`, `reason`)
  SELECT coalesce(c.`at`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), c.`user_id`, coalesce(c.`actor`, 'inconnu'), coalesce(c.`origin`, 'inconnue'),
    'publication', 'insert', NEW.`year`, NULL, NULL, NULL, json_object('published', NEW.`published`, 'published_at', NEW.`published_at`), c.`reason`
  FROM (SELECT 1) LEFT JOIN `audit_context` c ON c.`id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_publications_update` AFTER UPDATE ON `publications`
WHEN OLD.`published` IS NOT NEW.`published` OR OLD.`published_at` IS NOT NEW.`published_at` OR OLD.`year` IS NOT NEW.`year`
BEGIN
  INSERT INTO `audit_entries` (`at`, `user_id`, `actor`, `origin`, `entity`, `operation`, `year`, `state`, `indicator`, `before`, `after`, `reason`)
  SELECT coalesce(c.`at`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), c.`user_id`, coalesce(c.`actor`, 'inconnu'), coalesce(c.`origin`, 'inconnue'),
    'publication', 'update', NEW.`year`, NULL, NULL, json_object('published', OLD.`published`, 'published_at', OLD.`published_at`), json_object('published', NEW.`published`, 'published_at', NEW.`published_at`), c.`reason`
  FROM (SELECT 1) LEFT JOIN `audit_context` c ON c.`id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_publications_delete` AFTER DELETE ON `publications`
BEGIN
  INSERT INTO `audit_entries` (`at`, `user_id`, `actor`, `origin`, `entity`, `operation`, `year`, `state`, `indicator`, `before`, `after`, `reason`)
  SELECT coalesce(c.`at`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), c.`user_id`, coalesce(c.`actor`, 'inconnu'), coalesce(c.`origin`, 'inconnue'),
    'publication', 'delete', OLD.`year`, NULL, NULL, json_object('published', OLD.`published`, 'published_at', OLD.`published_at`), NULL, c.`reason`
  FROM (SELECT 1) LEFT JOIN `audit_context` c ON c.`id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_validations_insert` AFTER INSERT ON `validations`
BEGIN
  INSERT INTO `audit_entries` (`at`, `user_id`, `actor`, `origin`, `entity`, `operation`, `year`, `state`, `indicator`, `before`, `after`, `reason`)
  SELECT coalesce(c.`at`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), c.`user_id`, coalesce(c.`actor`, 'inconnu'), coalesce(c.`origin`, 'inconnue'),
    'validation', 'insert', NEW.`year`, NEW.`state`, NULL, NULL, json_object('validated_by', NEW.`validated_by`, 'validated_at', NEW.`validated_at`), c.`reason`
  FROM (SELECT 1) LEFT JOIN `audit_context` c ON c.`id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_validations_update` AFTER UPDATE ON `validations`
WHEN OLD.`validated_by` IS NOT NEW.`validated_by` OR OLD.`validated_at` IS NOT NEW.`validated_at` OR OLD.`year` IS NOT NEW.`year` OR OLD.`state` IS NOT NEW.`state`
BEGIN
  INSERT INTO `audit_entries` (`at`, `user_id`, `actor`, `origin`, `entity`, `operation`, `year`, `state`, `indicator`, `before`, `after`, `reason`)
  SELECT coalesce(c.`at`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), c.`user_id`, coalesce(c.`actor`, 'inconnu'), coalesce(c.`origin`, 'inconnue'),
    'validation', 'update', NEW.`year`, NEW.`state`, NULL, json_object('validated_by', OLD.`validated_by`, 'validated_at', OLD.`validated_at`), json_object('validated_by', NEW.`validated_by`, 'validated_at', NEW.`validated_at`), c.`reason`
  FROM (SELECT 1) LEFT JOIN `audit_context` c ON c.`id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `audit_validations_delete` AFTER DELETE ON `validations`
BEGIN
  INSERT INTO `audit_entries` (`at`, `user_id`, `actor`, `origin`, `entity`, `operation`, `year`, `state`, `indicator`, `before`, `after`, `reason`)
  SELECT coalesce(c.`at`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), c.`user_id`, coalesce(c.`actor`, 'inconnu'), coalesce(c.`origin`, 'inconnue'),
    'validation', 'delete', OLD.`year`, OLD.`state`, NULL, json_object('validated_by', OLD.`validated_by`, 'validated_at', OLD.`validated_at`), NULL, c.`reason`
  FROM (SELECT 1) LEFT JOIN `audit_context` c ON c.`id` = 1;
END;
