import { sql, type SQL } from 'drizzle-orm';
import {
  ANSWER_VALUES,
  AUDIT_ENTITIES,
  BASELINE_YEAR,
  CATALOGUE_TEXT_ENTITIES,
  CATALOGUE_TEXT_FIELDS,
  DERIVED_FROM,
  DIRECTIONS,
  INDICATOR_KINDS,
  POPULATION_DERIVATIONS,
  TARGET_YEAR,
  TRANSLATED_LOCALES,
  TRANSLATION_STATUSES,
} from './codes';
import {
  type AnySQLiteColumn,
  blob,
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

/** `column IN ('a','b')`: a CHECK on one of the lists of db/codes.ts. */
const oneOf = (column: AnySQLiteColumn, values: readonly string[]): SQL =>
  sql`${column} IN ${sql.raw(`(${values.map((v) => `'${v}'`).join(',')})`)}`;

/** The reporting years of the plan (db/codes.ts). */
const yearCheck = (name: string, column: AnySQLiteColumn) =>
  check(name, sql`${column} BETWEEN ${sql.raw(String(BASELINE_YEAR))} AND ${sql.raw(String(TARGET_YEAR))}`);

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
    section: text('section')
      .notNull()
      .references(() => sections.number),
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
    derivation: text('derivation', { enum: POPULATION_DERIVATIONS }).notNull(),
  },
  (t) => [check('populations_derivation', oneOf(t.derivation, POPULATION_DERIVATIONS))],
);

export const indicators = sqliteTable(
  'indicators',
  {
    code: text('code').primaryKey(),
    action: integer('action')
      .notNull()
      .references(() => actions.number),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    kind: text('kind', { enum: INDICATOR_KINDS }).notNull(),
    /** Population key; null for figures and ratios, which are recorded rather than counted over States. */
    population: text('population').references(() => populations.key),
    /** For the `yes` population: the indicator whose yes-answers form it. */
    populationOf: text('population_of').references((): AnySQLiteColumn => indicators.code),
    direction: text('direction', { enum: DIRECTIONS }).notNull(),
    provenance: text('provenance'),
    /** For indicators read from the report itself rather than from an answer (8.1, 8.2). */
    derivedFrom: text('derived_from', { enum: DERIVED_FROM }),
    /** Set when a user changes kind, population or direction: the seed then leaves those fields alone. */
    editedAt: text('edited_at'),
  },
  (t) => [
    uniqueIndex('indicators_action_position_unique').on(t.action, t.position),
    check('indicators_kind', oneOf(t.kind, INDICATOR_KINDS)),
    check('indicators_direction', oneOf(t.direction, DIRECTIONS)),
    check('indicators_population_by_kind', sql`(${t.kind} IN ('share','count')) = (${t.population} IS NOT NULL)`),
    check('indicators_population_of', sql`(${t.population} = 'yes') = (${t.populationOf} IS NOT NULL)`),
    check('indicators_derived_from', sql`${t.derivedFrom} IS NULL OR (${oneOf(t.derivedFrom, DERIVED_FROM)} AND ${t.kind} = 'share')`),
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
  (t) => [primaryKey({ columns: [t.mechanism, t.action] }), check('mechanism_actions_role', sql`${t.role} IN ('lead','contributing')`)],
);

/**
 * A translation of the catalogue (seed/data/catalogue.LANG.json, docs/i18n.md): its language and
 * whether it is the official text of the Action Plan or the project's own.
 */
export const catalogueTranslations = sqliteTable(
  'catalogue_translations',
  {
    locale: text('locale', { enum: TRANSLATED_LOCALES }).primaryKey(),
    translation: text('translation', { enum: TRANSLATION_STATUSES }).notNull(),
    /** Where the text comes from, as the file says. */
    source: text('source').notNull(),
  },
  (t) => [
    check('catalogue_translations_locale', oneOf(t.locale, TRANSLATED_LOCALES)),
    check('catalogue_translations_translation', oneOf(t.translation, TRANSLATION_STATUSES)),
  ],
);

/** One translated text of the catalogue: a field of a section, action, indicator, mechanism or population. */
export const catalogueTexts = sqliteTable(
  'catalogue_texts',
  {
    locale: text('locale', { enum: TRANSLATED_LOCALES })
      .notNull()
      .references(() => catalogueTranslations.locale),
    entity: text('entity', { enum: CATALOGUE_TEXT_ENTITIES }).notNull(),
    /** The entity's code in the French catalogue: section number, action number, indicator code, mechanism id, population key. */
    key: text('key').notNull(),
    field: text('field', { enum: CATALOGUE_TEXT_FIELDS }).notNull(),
    /** The text; a section's introduction is a JSON array of paragraphs, as in `sections`. */
    text: text('text').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.locale, t.entity, t.key, t.field] }),
    check('catalogue_texts_entity', oneOf(t.entity, CATALOGUE_TEXT_ENTITIES)),
    check('catalogue_texts_field', oneOf(t.field, CATALOGUE_TEXT_FIELDS)),
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
    check('states_party_dates_order', sql`${t.partyFrom} IS NULL OR ${t.partyUntil} IS NULL OR ${t.partyFrom} < ${t.partyUntil}`),
  ],
);

/**
 * Membership of a State in an entered population (affected, victims…) for a reporting year. Derived
 * populations are never stored; triggers (migration 0002) refuse them and States not party that year.
 */
export const populationMemberships = sqliteTable(
  'population_memberships',
  {
    year: integer('year').notNull(),
    state: text('state')
      .notNull()
      .references(() => states.iso3, { onUpdate: 'cascade' }),
    population: text('population')
      .notNull()
      .references(() => populations.key),
  },
  (t) => [primaryKey({ columns: [t.year, t.state, t.population] }), yearCheck('population_memberships_year', t.year)],
);

/** An Article 7 report (or a voluntary report from a State not party) for a reporting year. */
export const reports = sqliteTable(
  'reports',
  {
    year: integer('year').notNull(),
    state: text('state')
      .notNull()
      .references(() => states.iso3, { onUpdate: 'cascade' }),
    receivedOn: text('received_on').notNull(),
    usedReportingGuide: integer('used_reporting_guide', { mode: 'boolean' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.state] }),
    yearCheck('reports_year', t.year),
    check('reports_received_on_date', isoDateCheck('received_on')),
  ],
);

/** What a State said (or was found to have done) on an indicator in a year. */
export const answers = sqliteTable(
  'answers',
  {
    year: integer('year').notNull(),
    state: text('state')
      .notNull()
      .references(() => states.iso3, { onUpdate: 'cascade' }),
    indicator: text('indicator')
      .notNull()
      .references(() => indicators.code),
    answer: text('answer', { enum: ANSWER_VALUES }).notNull(),
    source: text('source'),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.state, t.indicator] }),
    yearCheck('answers_year', t.year),
    check('answers_answer', oneOf(t.answer, ANSWER_VALUES)),
  ],
);

/** A number recorded for a year: the value of a figure, or a ratio's numerator and denominator. */
export const figures = sqliteTable(
  'figures',
  {
    year: integer('year').notNull(),
    indicator: text('indicator')
      .notNull()
      .references(() => indicators.code),
    value: real('value').notNull(),
    denominator: real('denominator'),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.indicator] }),
    yearCheck('figures_year', t.year),
    check('figures_denominator', sql`${t.denominator} IS NULL OR ${t.denominator} >= 0`),
  ],
);

/**
 * A release: what the public sees of a reporting year, frozen when it was published. Publishing a
 * year again after a correction adds a revision; a release is never changed afterwards, so public
 * pages, the API and downloads stay the same between two releases. A year is published when it
 * has a release.
 */
export const releases = sqliteTable(
  'releases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year').notNull(),
    /** 1 for the first publication of the year, then 2, 3… */
    revision: integer('revision').notNull(),
    publishedAt: text('published_at').notNull(),
    /** Null when published by the command line or the demonstration data. */
    publishedBy: integer('published_by').references(() => users.id),
    note: text('note'),
    /**
     * JSON of the year's data as published (ReleaseData). Null only for a year published before
     * releases existed, until the next start freezes it (migration 0004).
     */
    data: text('data'),
    /** JSON of the indicator values computed at publication (ReleaseValue[]). */
    indicatorValues: text('indicator_values'),
    /** JSON of what changed since the previous revision (ReleaseChanges); null for revision 1. */
    changes: text('changes'),
  },
  (t) => [uniqueIndex('releases_year_revision').on(t.year, t.revision), yearCheck('releases_year', t.year)],
);

/** Facts about the database itself, such as whether it holds demonstration data. */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** People who sign in to the workspace. Never deleted: disabled, so the audit trail keeps naming them. */
export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Stored lower-cased: addresses are compared without regard to case. */
    email: text('email').notNull(),
    role: text('role', { enum: ['admin', 'member', 'observer'] }).notNull(),
    /** argon2id, in the PHC string format. */
    passwordHash: text('password_hash').notNull(),
    createdAt: text('created_at').notNull(),
    disabledAt: text('disabled_at'),
    /** The language the workspace answers the user in: one of server/i18n/locale.ts's LOCALES. */
    locale: text('locale', { enum: ['fr', 'en', 'es'] })
      .notNull()
      .default('fr'),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    check('users_role', sql`${t.role} IN ('admin','member','observer')`),
    check('users_email_lower', sql`${t.email} = lower(${t.email})`),
  ],
);

/** The mechanisms (committees) a member belongs to: they edit the answers of those mechanisms' actions. */
export const userMechanisms = sqliteTable(
  'user_mechanisms',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    mechanism: text('mechanism')
      .notNull()
      .references(() => mechanisms.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.mechanism] })],
);

/** Sign-in sessions (express-session's store). */
export const sessions = sqliteTable(
  'sessions',
  {
    sid: text('sid').primaryKey(),
    /** Null until the visitor signs in (a session may only hold a CSRF token). */
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    data: text('data').notNull(),
    /** Milliseconds since the epoch. */
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_expires_at').on(t.expiresAt), index('sessions_user_id').on(t.userId)],
);

/**
 * Sign-in attempts counted per account and address, and per address (rate-limiter-flexible's
 * SQLite store, whose columns these are): kept in the database so that a restart does not reset them.
 */
export const signInAttempts = sqliteTable(
  'sign_in_attempts',
  {
    /** The limit's prefix and what it counts: `compte:email|address` or `adresse:address`. */
    key: text('key').primaryKey(),
    points: integer('points').notNull().default(0),
    /** Milliseconds since the epoch. */
    expire: integer('expire'),
  },
  (t) => [index('sign_in_attempts_expire').on(t.expire)],
);

/**
 * A (year, State) report that a member of a mechanism concerned, or an admin, has validated.
 * Without a row here, the report, its answers and populations are a draft.
 */
export const validations = sqliteTable(
  'validations',
  {
    year: integer('year').notNull(),
    state: text('state')
      .notNull()
      .references(() => states.iso3, { onUpdate: 'cascade' }),
    /** Null when validated by an import from the command line. */
    validatedBy: integer('validated_by').references(() => users.id),
    validatedAt: text('validated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.state] }), yearCheck('validations_year', t.year)],
);

/**
 * Every change to the data: written by triggers (migration 0003), so that no program can change
 * the data without leaving a trace. Who and why come from `audit_context`.
 */
export const auditEntries = sqliteTable(
  'audit_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: integer('user_id').references(() => users.id),
    /** Who, as a person reads it (an address, « import en ligne de commande »…), kept as it was then. */
    actor: text('actor').notNull(),
    origin: text('origin').notNull(),
    entity: text('entity', { enum: AUDIT_ENTITIES }).notNull(),
    operation: text('operation', { enum: ['insert', 'update', 'delete'] }).notNull(),
    year: integer('year'),
    state: text('state'),
    indicator: text('indicator'),
    /** JSON object of the row's values before the change; null for an insert. */
    before: text('before'),
    /** JSON object of the row's values after the change; null for a delete. */
    after: text('after'),
    reason: text('reason'),
  },
  (t) => [
    index('audit_entries_year_state').on(t.year, t.state),
    index('audit_entries_indicator').on(t.indicator),
    index('audit_entries_entity_year').on(t.entity, t.year),
  ],
);

/**
 * Who is writing, and why, for the length of one transaction: the audit triggers read it. At most
 * one row; written at the start of a transaction and deleted before it commits.
 */
export const auditContext = sqliteTable(
  'audit_context',
  {
    id: integer('id').primaryKey(),
    userId: integer('user_id'),
    actor: text('actor').notNull(),
    origin: text('origin').notNull(),
    reason: text('reason'),
    at: text('at').notNull(),
  },
  (t) => [check('audit_context_single_row', sql`${t.id} = 1`)],
);

/** Files uploaded in the browser and previewed, waiting for their uploader to confirm them. */
export const pendingUploads = sqliteTable('pending_uploads', {
  id: text('id').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Uploads older than UPLOAD_LIMITS.pendingMs are purged at the next upload (server/domain/workspace/upload.ts). */
  createdAt: text('created_at').notNull(),
  /** The last audit entry when the preview was made: a later one means the preview is stale. */
  auditMark: integer('audit_mark').notNull(),
});

/** The files of a pending upload, as uploaded: bytes, not base64 text (a third smaller, no copy to decode). */
export const pendingUploadFiles = sqliteTable(
  'pending_upload_files',
  {
    uploadId: text('upload_id')
      .notNull()
      .references(() => pendingUploads.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    content: blob('content', { mode: 'buffer' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.uploadId, t.position] })],
);

/**
 * A meeting the committees prepare (docs/method.md#meetings): an intersessional meeting, a Meeting of
 * the States Parties or a Coordinating Committee meeting, looking at one reporting year. Not part of
 * the indicator data: it is not audited, and `version` guards its forms against concurrent saves.
 */
export const meetings = sqliteTable(
  'meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['intersessional', 'msp', 'coordination'] }).notNull(),
    title: text('title').notNull(),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    place: text('place').notNull(),
    /** The reporting year whose data the meeting looks at. */
    year: integer('year').notNull(),
    /** The meeting's own agenda, one point per line (the intersessional items come from the guidelines). */
    agenda: text('agenda').notNull().default(''),
    /**
     * The sittings of the meeting, one per line « AAAA-MM-JJ HH:MM-HH:MM » (server/domain/meetings/sittings.ts):
     * the time the speakers' list must fit in. Empty: not entered yet.
     */
    sittings: text('sittings').notNull().default(''),
    /**
     * Who starts in the speaker groups of an intersessional meeting: every State of the group's
     * population, or only the States that asked for the floor (the groups start empty).
     */
    speakersFrom: text('speakers_from', { enum: ['population', 'requests'] })
      .notNull()
      .default('population'),
    /** Moves on every change to the meeting or its speakers' list. */
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    updatedAt: text('updated_at').notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
  },
  (t) => [
    check('meetings_kind', sql`${t.kind} IN ('intersessional','msp','coordination')`),
    check('meetings_starts_on', isoDateCheck('starts_on')),
    check('meetings_ends_on', isoDateCheck('ends_on')),
    check('meetings_dates_order', sql`${t.endsOn} >= ${t.startsOn}`),
    yearCheck('meetings_year', t.year),
    index('meetings_starts_on').on(t.startsOn),
  ],
);

/** Per agenda item of an intersessional meeting: how many 3-minute interventions of other States and organisations to plan. */
export const meetingItems = sqliteTable(
  'meeting_items',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    item: integer('item').notNull(),
    otherInterventions: integer('other_interventions').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.item] }),
    check('meeting_items_other_interventions', sql`${t.otherInterventions} BETWEEN 0 AND 200`),
  ],
);

/** The speakers' list of an intersessional meeting: one row per State in a speaker group of the guidelines. */
export const meetingSpeakers = sqliteTable(
  'meeting_speakers',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /** The group's key in seed/data/meeting-guidelines.json. */
    groupKey: text('group_key').notNull(),
    state: text('state')
      .notNull()
      .references(() => states.iso3, { onUpdate: 'cascade' }),
    /** Speaking order within the group, from 1. */
    position: integer('position').notNull(),
    absent: integer('absent', { mode: 'boolean' }).notNull().default(false),
    /** Added by a user rather than taken from the year's populations. */
    added: integer('added', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.groupKey, t.state] }), check('meeting_speakers_position', sql`${t.position} >= 1`)],
);
