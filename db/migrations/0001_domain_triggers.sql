-- Rules that span tables, which CHECK constraints cannot express: the database itself refuses
-- what the domain forbids (docs/method.md#entered-populations, #answers, #recorded-figures),
-- whatever program writes to it.
CREATE TRIGGER `population_memberships_entered_only_insert` BEFORE INSERT ON `population_memberships`
WHEN (SELECT `derivation` FROM `populations` WHERE `key` = NEW.`population`) IS NOT 'entered'
BEGIN SELECT RAISE(ABORT, 'population_memberships: seules les populations saisies peuvent recevoir des membres'); END;
--> statement-breakpoint
CREATE TRIGGER `population_memberships_entered_only_update` BEFORE UPDATE ON `population_memberships`
WHEN (SELECT `derivation` FROM `populations` WHERE `key` = NEW.`population`) IS NOT 'entered'
BEGIN SELECT RAISE(ABORT, 'population_memberships: seules les populations saisies peuvent recevoir des membres'); END;
--> statement-breakpoint
CREATE TRIGGER `population_memberships_party_only_insert` BEFORE INSERT ON `population_memberships`
WHEN NOT EXISTS (
  SELECT 1 FROM `states` s WHERE s.`iso3` = NEW.`state` AND s.`party` = 1
    AND (s.`party_from` IS NULL OR s.`party_from` <= NEW.`year` || '-04-30')
    AND (s.`party_until` IS NULL OR s.`party_until` > NEW.`year` || '-04-30'))
BEGIN SELECT RAISE(ABORT, 'population_memberships: l''État n''est pas partie cette année-là'); END;
--> statement-breakpoint
CREATE TRIGGER `population_memberships_party_only_update` BEFORE UPDATE ON `population_memberships`
WHEN NOT EXISTS (
  SELECT 1 FROM `states` s WHERE s.`iso3` = NEW.`state` AND s.`party` = 1
    AND (s.`party_from` IS NULL OR s.`party_from` <= NEW.`year` || '-04-30')
    AND (s.`party_until` IS NULL OR s.`party_until` > NEW.`year` || '-04-30'))
BEGIN SELECT RAISE(ABORT, 'population_memberships: l''État n''est pas partie cette année-là'); END;
--> statement-breakpoint
CREATE TRIGGER `answers_answerable_insert` BEFORE INSERT ON `answers`
WHEN NOT EXISTS (SELECT 1 FROM `indicators` i WHERE i.`code` = NEW.`indicator`
  AND i.`kind` IN ('share','count') AND i.`derived_from` IS NULL)
BEGIN SELECT RAISE(ABORT, 'answers: cet indicateur ne se renseigne pas par une réponse'); END;
--> statement-breakpoint
CREATE TRIGGER `answers_answerable_update` BEFORE UPDATE ON `answers`
WHEN NOT EXISTS (SELECT 1 FROM `indicators` i WHERE i.`code` = NEW.`indicator`
  AND i.`kind` IN ('share','count') AND i.`derived_from` IS NULL)
BEGIN SELECT RAISE(ABORT, 'answers: cet indicateur ne se renseigne pas par une réponse'); END;
--> statement-breakpoint
CREATE TRIGGER `figures_recorded_kinds_insert` BEFORE INSERT ON `figures`
WHEN NOT EXISTS (SELECT 1 FROM `indicators` i WHERE i.`code` = NEW.`indicator`
  AND ((i.`kind` = 'figure' AND NEW.`denominator` IS NULL) OR (i.`kind` = 'ratio' AND NEW.`denominator` IS NOT NULL)))
BEGIN SELECT RAISE(ABORT, 'figures: un chiffre n''a pas de dénominateur, un ratio en a un, les autres indicateurs ne s''enregistrent pas ici'); END;
--> statement-breakpoint
CREATE TRIGGER `figures_recorded_kinds_update` BEFORE UPDATE ON `figures`
WHEN NOT EXISTS (SELECT 1 FROM `indicators` i WHERE i.`code` = NEW.`indicator`
  AND ((i.`kind` = 'figure' AND NEW.`denominator` IS NULL) OR (i.`kind` = 'ratio' AND NEW.`denominator` IS NOT NULL)))
BEGIN SELECT RAISE(ABORT, 'figures: un chiffre n''a pas de dénominateur, un ratio en a un, les autres indicateurs ne s''enregistrent pas ici'); END;
