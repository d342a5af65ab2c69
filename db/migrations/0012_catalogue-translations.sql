CREATE TABLE `catalogue_texts` (
	`locale` text NOT NULL,
	`entity` text NOT NULL,
	`key` text NOT NULL,
	`field` text NOT NULL,
	`text` text NOT NULL,
	PRIMARY KEY(`locale`, `entity`, `key`, `field`),
	FOREIGN KEY (`locale`) REFERENCES `catalogue_translations`(`locale`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "catalogue_texts_entity" CHECK("catalogue_texts"."entity" IN ('section','action','indicator','mechanism','population')),
	CONSTRAINT "catalogue_texts_field" CHECK("catalogue_texts"."field" IN ('title','introduction','text','provenance','name','mandate','description'))
);
--> statement-breakpoint
CREATE TABLE `catalogue_translations` (
	`locale` text PRIMARY KEY NOT NULL,
	`translation` text NOT NULL,
	`source` text NOT NULL,
	CONSTRAINT "catalogue_translations_locale" CHECK("catalogue_translations"."locale" IN ('en','es')),
	CONSTRAINT "catalogue_translations_translation" CHECK("catalogue_translations"."translation" IN ('official','unofficial'))
);
