import { actorName } from './audit-actor';
import { toCsv } from '../domain/exchange/csv-write';
import type { AuditEntry } from '../../db/queries/audit';
import { AUDIT_ENTITIES, type AuditEntity, type AuditOperation, type JournalFilter, type JournalOrder } from '../domain/journal';
import type { DataView } from '../data-source';
import { PLAN_YEARS } from '../domain/engine/types';
import { DATA_KINDS, EXCHANGE_KINDS, auditedColumns, type ExchangeKind, type ShownAs } from '../domain/data-kinds';
import { formatDate, formatDateTime, formatExactNumber } from './format';
import { byStateName, stateName as localStateName } from '../domain/state-names';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';
import { localizeCatalogue } from '../domain/catalogue-i18n';

/** The keys of the journal's own words (origins, operations, the entities it adds), in full for the message test. */
const ORIGIN_KEYS: Record<string, string> = {
  web: 'workspace.journal.origins.web',
  upload: 'workspace.journal.origins.upload',
  'demo-upload': 'workspace.journal.origins.demoUpload',
  cli: 'workspace.journal.origins.cli',
  demo: 'workspace.journal.origins.demo',
  seed: 'workspace.journal.origins.seed',
};
const OPERATION_KEYS: Record<AuditOperation, string> = {
  insert: 'workspace.journal.operations.insert',
  update: 'workspace.journal.operations.update',
  delete: 'workspace.journal.operations.delete',
};
const SUBJECT_KEYS: Record<AuditEntity, string> = {
  answer: 'workspace.journal.subjects.answer',
  report: 'workspace.journal.subjects.report',
  membership: 'workspace.journal.subjects.membership',
  figure: 'workspace.journal.subjects.figure',
  state: 'workspace.journal.subjects.state',
  publication: 'workspace.journal.subjects.publication',
  validation: 'workspace.journal.subjects.validation',
};

/** The audit trail (journal des modifications) in French: who changed what, when, from what to what, and why. */

const EMPTY = '—';
/** The answers as the journal writes them (« Oui », « Non », « Non traité »), full keys for the message test. */
const ANSWER_VALUE_KEYS: Record<string, string> = { yes: 'audit.answer.yes', no: 'audit.answer.no', blank: 'audit.answer.blank' };

type Values = Record<string, unknown>;

interface Context {
  view: DataView;
  userEmails: Map<number, string>;
  locale?: Locale;
}

interface Field {
  key: string;
  /** The field's name: a message key (for the data's columns, their descriptor's). */
  labelKey: string;
  format: (value: unknown, context: Context) => string;
}

const localeOf = (c?: Context) => c?.locale ?? DEFAULT_LOCALE;
const text = (value: unknown) => String(value);
const yesNo = (value: unknown, c?: Context) =>
  t(localeOf(c), value === 1 || value === true || value === '1' ? 'workspace.labels.yes' : 'workspace.labels.no');
const isoDate = (value: unknown, c?: Context) =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, localeOf(c)) : String(value);
const timestamp = (value: unknown, c?: Context) =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? formatDateTime(value, localeOf(c)) : String(value);
// Recorded values, in the journal and the upload's preview: every digit, never rounded for display.
const number = (value: unknown, c?: Context) => (typeof value === 'number' ? formatExactNumber(value, localeOf(c)) : String(value));

/** How the journal shows a value of each kind the descriptors name (../domain/data-kinds.ts). */
const SHOWN: Record<ShownAs, Field['format']> = {
  text,
  boolean: yesNo,
  date: isoDate,
  number,
  answer: (v, c) => (ANSWER_VALUE_KEYS[String(v)] ? t(localeOf(c), ANSWER_VALUE_KEYS[String(v)]!) : String(v)),
  population: (v, c) => populationName(c.view, String(v), c.locale),
};

type KindEntity = (typeof DATA_KINDS)[ExchangeKind]['audit']['entity'];

/** The recorded columns of each kind of entry (the JSON keys the triggers write), in reading order. */
const FIELDS: Record<AuditEntity, Field[]> = {
  ...(Object.fromEntries(
    EXCHANGE_KINDS.map((kind) => [
      DATA_KINDS[kind].audit.entity,
      auditedColumns(kind).map((c) => ({ key: c.name, labelKey: c.labelKey, format: SHOWN[c.shownAs] })),
    ]),
  ) as Record<KindEntity, Field[]>),
  // Entries written before releases existed carry `published`; later ones a revision and a note.
  publication: [
    { key: 'published', labelKey: 'audit.field.published', format: yesNo },
    { key: 'revision', labelKey: 'audit.field.revision', format: number },
    { key: 'published_at', labelKey: 'audit.field.publishedAt', format: timestamp },
    { key: 'note', labelKey: 'audit.field.note', format: text },
  ],
  validation: [
    {
      key: 'validated_by',
      labelKey: 'audit.field.validatedBy',
      format: (v, c) => (typeof v === 'number' ? (c.userEmails.get(v) ?? t(localeOf(c), 'audit.userNumber', { id: v })) : String(v)),
    },
    { key: 'validated_at', labelKey: 'audit.field.validatedAt', format: timestamp },
  ],
};

export interface ChangeView {
  field: string;
  before: string;
  after: string;
}

export interface JournalEntryView {
  id: number;
  /** « 23 novembre 2026 à 14:05 ». */
  when: string;
  /** The ISO timestamp, for a <time> element. */
  at: string;
  actor: string;
  origin: string;
  subject: string;
  operation: string;
  /** For an update, only the fields that changed; for an insert or a delete, the fields that hold a value. */
  changes: ChangeView[];
  reason: string | null;
}

function parseValues(json: string | null): Values | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' ? (value as Values) : null;
  } catch {
    return null;
  }
}

const isBlank = (value: unknown) => value === null || value === undefined || value === '';

function populationName(view: DataView, key: string, locale: Locale = DEFAULT_LOCALE): string {
  return localizeCatalogue(view.catalogue, locale).populations.find((p) => p.key === key)?.name ?? key;
}

function stateName(view: DataView, iso3: string | null, values?: Values | null, locale: Locale = DEFAULT_LOCALE): string {
  if (iso3 === null) return t(locale, 'workspace.journal.unknownState');
  const state = view.engine.state(iso3);
  // A State no longer in the registry keeps the French name its entry recorded.
  const named = state ? localStateName(state, locale).name : values?.name_fr;
  return typeof named === 'string' && named !== '' ? named : iso3;
}

/**
 * What an entry is about, in `locale`: « Colombie — réponse à l’indicateur 1.1 (2026) »… The State
 * comes first, on its own, because French country names take articles (« du Cambodge », « des
 * Fidji ») that the registry does not hold.
 */
export function entrySubject(entry: AuditEntry, view: DataView, locale: Locale = DEFAULT_LOCALE): string {
  const before = parseValues(entry.before);
  const after = parseValues(entry.after);
  const year = entry.year ?? '?';
  const state = stateName(view, entry.state, after ?? before, locale);
  const key = (after ?? before)?.population;
  return t(locale, SUBJECT_KEYS[entry.entity], {
    state,
    year,
    indicator: entry.indicator ?? '?',
    population: populationName(view, typeof key === 'string' ? key : '?', locale),
  });
}

function changesOf(entry: AuditEntry, context: Context): ChangeView[] {
  const before = parseValues(entry.before);
  const after = parseValues(entry.after);
  const shown = (values: Values | null, field: Field) => {
    const value = values?.[field.key];
    return isBlank(value) ? EMPTY : field.format(value, context);
  };
  return FIELDS[entry.entity]
    .filter((field) => {
      const b = before?.[field.key];
      const a = after?.[field.key];
      if (entry.operation === 'update') return JSON.stringify(b ?? null) !== JSON.stringify(a ?? null);
      return !isBlank(entry.operation === 'insert' ? a : b);
    })
    .map((field) => ({
      field: t(localeOf(context), field.labelKey),
      before: shown(before, field),
      after: shown(after, field),
    }));
}

export function journalEntryView(
  entry: AuditEntry,
  view: DataView,
  userEmails: Map<number, string>,
  locale: Locale = DEFAULT_LOCALE,
): JournalEntryView {
  const originKey = ORIGIN_KEYS[entry.origin];
  return {
    id: entry.id,
    when: timestamp(entry.at, { view, userEmails, locale }),
    at: entry.at,
    actor: actorName(entry, locale),
    origin: originKey ? t(locale, originKey) : entry.origin,
    subject: entrySubject(entry, view, locale),
    operation: t(locale, OPERATION_KEYS[entry.operation]),
    changes: changesOf(entry, { view, userEmails, locale }),
    reason: entry.reason,
  };
}

/** « Journal — Colombie, 2026 »; « Journal des modifications » when nothing is filtered. */
export function journalTitle(filter: JournalFilter, view: DataView, locale: Locale = DEFAULT_LOCALE): string {
  const parts = [
    filter.state === undefined ? null : stateName(view, filter.state, null, locale),
    filter.indicator === undefined ? null : t(locale, 'workspace.journal.indicator', { code: filter.indicator }),
    filter.entity === undefined ? null : entityLabel(filter.entity, locale),
    filter.year === undefined ? null : String(filter.year),
  ].filter((p): p is string => p !== null);
  return parts.length ? t(locale, 'workspace.journal.titleFiltered', { parts: parts.join(', ') }) : t(locale, 'workspace.journal.title');
}

/** The filter as a query string (« ?etat=COL&annee=2026 »), plus `extra`; empty when there is nothing. */
export function journalQuery(filter: JournalFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filter.year !== undefined) params.set('annee', String(filter.year));
  if (filter.state !== undefined) params.set('etat', filter.state);
  if (filter.indicator !== undefined) params.set('indicateur', filter.indicator);
  if (filter.entity !== undefined) params.set('entite', filter.entity);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The raw values typed in the filter form, kept as typed so that the form shows them back. */
export interface JournalFormValues {
  annee: string;
  etat: string;
  indicateur: string;
  entite: string;
  /** « recent » (the default) or « ancien ». */
  ordre: string;
}

/** The journal's orders, by the value of the `ordre` parameter. */
export const JOURNAL_ORDERS: Record<string, JournalOrder> = { recent: 'newest', ancien: 'oldest' };

/** The entity in the plural, for the filter's list and the title (message files). */
const ENTITY_KEYS: Record<AuditEntity, string> = {
  answer: 'workspace.journal.entities.answer',
  report: 'workspace.journal.entities.report',
  membership: 'workspace.journal.entities.membership',
  figure: 'workspace.journal.entities.figure',
  state: 'workspace.journal.entities.state',
  publication: 'workspace.journal.entities.publication',
  validation: 'workspace.journal.entities.validation',
};
const entityLabel = (entity: AuditEntity, locale: Locale) => t(locale, ENTITY_KEYS[entity]);

/** The filter form: its choices, what is selected, and a message beside each invalid field, in `locale`. */
export function journalForm(
  view: DataView,
  values: JournalFormValues,
  errors: Partial<Record<keyof JournalFormValues, string>>,
  locale: Locale = DEFAULT_LOCALE,
) {
  const option = (value: string, label: string, current: string) => ({ value, label, selected: value === current });
  return {
    years: PLAN_YEARS.map((y) => option(String(y), String(y), values.annee)),
    states: [...view.engine.states()]
      .map((s) => ({ iso3: s.iso3, name: localStateName(s, locale).name }))
      .sort(byStateName(locale, (s) => s.name))
      .map((s) => option(s.iso3, `${s.name} (${s.iso3})`, values.etat.toUpperCase())),
    entities: AUDIT_ENTITIES.map((e) =>
      option(e, entityLabel(e, locale)[0]!.toUpperCase() + entityLabel(e, locale).slice(1), values.entite),
    ),
    indicator: values.indicateur,
    orders: [
      option('recent', t(locale, 'workspace.journal.newestFirst'), values.ordre || 'recent'),
      option('ancien', t(locale, 'workspace.journal.oldestFirst'), values.ordre),
    ],
    errors,
  };
}

/** The CSV download's name: « journal-COL-2026.csv », « journal-complet.csv ». */
export function journalFileName(filter: JournalFilter): string {
  const parts = [filter.state, filter.indicator, filter.entity, filter.year].filter((p) => p !== undefined);
  return `journal-${parts.length ? parts.join('-') : 'complet'}.csv`;
}

/** The CSV's columns, named in the reader's language (French: « utilisateur », « raison »…). */
const JOURNAL_CSV_COLUMNS = [
  'workspace.journal.csvColumns.id',
  'workspace.journal.csvColumns.date',
  'workspace.journal.csvColumns.user',
  'workspace.journal.csvColumns.origin',
  'workspace.journal.csvColumns.subject',
  'workspace.journal.csvColumns.operation',
  'workspace.journal.csvColumns.year',
  'workspace.journal.csvColumns.state',
  'workspace.journal.csvColumns.indicator',
  'workspace.journal.csvColumns.before',
  'workspace.journal.csvColumns.after',
  'workspace.journal.csvColumns.reason',
] as const;

/**
 * The entries as CSV: UTF-8 with a BOM (so that spreadsheets read the accents), comma separated,
 * quoted as RFC 4180 asks. `avant` and `apres` are the JSON the audit trail stores.
 */
export function journalCsv(entries: readonly AuditEntry[], view: DataView, locale: Locale): string {
  const origin = (code: string) => (ORIGIN_KEYS[code] ? t(locale, ORIGIN_KEYS[code]) : code);
  const rows = entries.map((e) => [
    e.id,
    e.at,
    actorName(e, locale),
    origin(e.origin),
    entrySubject(e, view, locale),
    t(locale, OPERATION_KEYS[e.operation]),
    e.year,
    e.state,
    e.indicator,
    e.before,
    e.after,
    e.reason,
  ]);
  return `\ufeff${toCsv([JOURNAL_CSV_COLUMNS.map((key) => t(locale, key)), ...rows])}`;
}
