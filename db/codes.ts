/**
 * The codes the data are made of, defined once: the schema's enums and CHECK constraints are built
 * from these lists, and the domain's types are taken from them (docs/architecture.md#layers). They
 * live under db/ because the database enforces them; the domain imports them from here.
 */

/** The plan's reporting years; 2025 is the baseline (docs/method.md#reporting-years). */
export const PLAN_YEARS = [2025, 2026, 2027, 2028, 2029] as const;
export const BASELINE_YEAR = PLAN_YEARS[0];
export const TARGET_YEAR = PLAN_YEARS[PLAN_YEARS.length - 1]!;

export const INDICATOR_KINDS = ['share', 'count', 'figure', 'ratio'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const DIRECTIONS = ['up', 'down', 'neutral'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const ANSWER_VALUES = ['yes', 'no', 'blank'] as const;
export type AnswerValue = (typeof ANSWER_VALUES)[number];

/** What an audit entry records a change of. */
export const AUDIT_ENTITIES = ['answer', 'report', 'membership', 'figure', 'state', 'publication', 'validation'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/** How a population's membership is known: from the registry, entered per year, as a union, or from answers. */
export const POPULATION_DERIVATIONS = ['registry', 'entered', 'union', 'answers'] as const;
export type PopulationDerivation = (typeof POPULATION_DERIVATIONS)[number];

/** Indicators read from the report itself rather than from an answer (8.1, 8.2). */
export const DERIVED_FROM = ['report_on_time', 'report_reporting_guide'] as const;
export type DerivedFrom = (typeof DERIVED_FROM)[number];

/** The catalogue's translated languages (French is the source, never stored as a translation; docs/i18n.md). */
export const TRANSLATED_LOCALES = ['en', 'es'] as const;
export type TranslatedLocale = (typeof TRANSLATED_LOCALES)[number];

/** Whether a translation of the catalogue is the official text of the Action Plan or the project's own. */
export const TRANSLATION_STATUSES = ['official', 'unofficial'] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];

/** The catalogue's translated texts: which entity, and which of its fields. */
export const CATALOGUE_TEXT_ENTITIES = ['section', 'action', 'indicator', 'mechanism', 'population'] as const;
export type CatalogueTextEntity = (typeof CATALOGUE_TEXT_ENTITIES)[number];
export const CATALOGUE_TEXT_FIELDS = ['title', 'introduction', 'text', 'provenance', 'name', 'mandate', 'description'] as const;
export type CatalogueTextField = (typeof CATALOGUE_TEXT_FIELDS)[number];
