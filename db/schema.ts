import { sql } from 'drizzle-orm';
import { type AnySQLiteColumn, check, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A text column holding an ISO date (YYYY-MM-DD) that SQLite itself accepts as a real calendar day. */
const isoDateCheck = (column: string) =>
  sql.raw(`${column} IS NULL OR (${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(${column}) IS ${column})`);

export const sections = sqliteTable(
  'sections',
  {
    number: text('number').primaryKey(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    /** JSON array of the section's introductory paragraphs, verbatim from the source. */
    introduction: text('introduction').notNull().default('[]'),
  },
  (t) => [uniqueIndex('sections_position_unique').on(t.position)],
);

export const actions = sqliteTable(
  'actions',
  {
    number: integer('number').primaryKey(),
    section: text('section').notNull().references(() => sections.number),
    text: text('text').notNull(),
  },
  (t) => [check('actions_number_range', sql`${t.number} BETWEEN 1 AND 48`)],
);

export const populations = sqliteTable(
  'populations',
  {
    key: text('key').primaryKey(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    /** How membership is known: from the registry, entered per year, as a union, or from answers. */
    derivation: text('derivation', { enum: ['registry', 'entered', 'union', 'answers'] }).notNull(),
  },
  (t) => [check('populations_derivation', sql`${t.derivation} IN ('registry','entered','union','answers')`)],
);

export const indicators = sqliteTable(
  'indicators',
  {
    code: text('code').primaryKey(),
    action: integer('action').notNull().references(() => actions.number),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    kind: text('kind', { enum: ['share', 'count', 'figure', 'ratio'] }).notNull(),
    /** Population key; null for figures and ratios, which are recorded rather than counted over States. */
    population: text('population').references(() => populations.key),
    /** For the `yes` population: the indicator whose yes-answers form it. */
    populationOf: text('population_of').references((): AnySQLiteColumn => indicators.code),
    direction: text('direction', { enum: ['up', 'down', 'neutral'] }).notNull(),
    provenance: text('provenance'),
    /** Set when a user changes kind, population or direction: the seed then leaves those fields alone. */
    editedAt: text('edited_at'),
  },
  (t) => [
    uniqueIndex('indicators_action_position_unique').on(t.action, t.position),
    check('indicators_kind', sql`${t.kind} IN ('share','count','figure','ratio')`),
    check('indicators_direction', sql`${t.direction} IN ('up','down','neutral')`),
    check(
      'indicators_population_by_kind',
      sql`(${t.kind} IN ('share','count')) = (${t.population} IS NOT NULL)`,
    ),
    check('indicators_population_of', sql`(${t.population} = 'yes') = (${t.populationOf} IS NOT NULL)`),
  ],
);

export const mechanisms = sqliteTable(
  'mechanisms',
  {
    id: text('id').primaryKey(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    mandate: text('mandate').notNull(),
  },
  (t) => [uniqueIndex('mechanisms_position_unique').on(t.position)],
);

export const mechanismActions = sqliteTable(
  'mechanism_actions',
  {
    mechanism: text('mechanism')
      .notNull()
      .references(() => mechanisms.id),
    action: integer('action')
      .notNull()
      .references(() => actions.number),
    role: text('role', { enum: ['lead', 'contributing'] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.mechanism, t.action] }),
    check('mechanism_actions_role', sql`${t.role} IN ('lead','contributing')`),
  ],
);

export const states = sqliteTable(
  'states',
  {
    iso3: text('iso3').primaryKey(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    party: integer('party', { mode: 'boolean' }).notNull(),
    /** Date the Convention entered into force for the State; null: before the plan period. */
    partyFrom: text('party_from'),
    /** Date the State's withdrawal took effect; null: none. */
    partyUntil: text('party_until'),
    /** Set when a user edits the State: the seed then leaves it alone. */
    editedAt: text('edited_at'),
  },
  (t) => [
    check('states_iso3', sql`length(${t.iso3}) = 3 AND ${t.iso3} GLOB '[A-Z][A-Z][A-Z]'`),
    check('states_party_from_date', isoDateCheck('party_from')),
    check('states_party_until_date', isoDateCheck('party_until')),
    check(
      'states_party_dates_order',
      sql`${t.partyFrom} IS NULL OR ${t.partyUntil} IS NULL OR ${t.partyFrom} < ${t.partyUntil}`,
    ),
  ],
);
