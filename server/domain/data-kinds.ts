import type { answers, auditEntries, figures, populationMemberships, reports } from '../../db/schema';
import { type IndicatorKind, type PopulationDerivation } from '../../db/codes';
import { isPartyInYear, type RegistryState } from './registry';
import { parsePopulationRef } from './population';
import {
  NOTE_MAX,
  SOURCE_MAX,
  isBlank,
  partyDatesProblem,
  readAmount,
  readAnswer,
  readBoolean,
  readBoundedText,
  readDenominator,
  readIndicatorCode,
  readIso3,
  readName,
  readOptionalDate,
  readReceivedOn,
  readYear,
  receivedOnProblem,
  type Cell,
} from './exchange/values';
import type { Said } from './exchange/problems';

/**
 * The five kinds of exchanged data — States, populations, reports, answers, figures — each
 * described once (docs/architecture.md#where-a-change-goes): its table, key, columns with their
 * readers and bounds, words for people, column documentation and audit entity. Validation of an
 * import, applying it, export, the engine's rows, the release's rows, the journal's wording, the
 * open-data column docs and the audit triggers are all driven by these descriptors, so a new column
 * is the schema, its migration and one line here.
 */

export const EXCHANGE_KINDS = ['states', 'populations', 'reports', 'answers', 'figures'] as const;
export type ExchangeKind = (typeof EXCHANGE_KINDS)[number];

/** The row of each kind, as the schema types it (`editedAt` is the seed's marker, not data). */
export interface KindRows {
  states: RegistryState;
  populations: typeof populationMemberships.$inferSelect;
  reports: typeof reports.$inferSelect;
  answers: typeof answers.$inferSelect;
  figures: typeof figures.$inferSelect;
}
export type KindRow<K extends ExchangeKind> = KindRows[K];

/** The property holding each kind's rows in EngineData, ReleaseData and ExchangeData. */
export interface DataKeys {
  states: 'states';
  populations: 'memberships';
  reports: 'reports';
  answers: 'answers';
  figures: 'figures';
}

export type AuditEntity = (typeof auditEntries.$inferSelect)['entity'];

/** What the rules of a value may look up: the registry and catalogue as the call leaves them, and today. */
export interface RuleContext {
  /** The registry as it stands before the call: what an absent column keeps. */
  stored: ReadonlyMap<string, RegistryState>;
  /** The registry as the call's States files leave it so far (they are read first). */
  registry: Map<string, RegistryState>;
  /** States the call's States files name, valid or not: not « unknown » elsewhere in the call. */
  named: Set<string>;
  /** States whose row in the call is invalid: their party status after the call is unknown. */
  uncertain: Set<string>;
  indicators: ReadonlyMap<string, { kind: IndicatorKind; derivedFrom: string | null }>;
  /** In the catalogue's order. */
  populations: ReadonlyMap<string, { derivation: PopulationDerivation }>;
  /** YYYY-MM-DD. */
  today: string;
}

/** How the journal shows a recorded value (server/presenters/audit-view.ts formats each). */
export type ShownAs = 'text' | 'boolean' | 'date' | 'number' | 'answer' | 'population';

/**
 * What the open-data page says of a column, as message keys (`columns.…`, docs/i18n.md) that the
 * presenter words in the reader's language, so that one descriptor documents the column in every
 * language. `values` may instead list codes (the catalogue's entered populations), which need no words.
 */
export interface ColumnDocText {
  meaning: string;
  values: string | ((context: { enteredPopulations: readonly string[] }) => string);
}

export interface ColumnDef {
  /** Header of the exchange file and name of the table's column; the row's property is its camelCase. */
  name: string;
  /** A file may leave it out: `kept` keeps the stored value, `blank` means empty. */
  optional?: 'kept' | 'blank';
  /** The single rule for a value of this column (docs/architecture.md#one-rule-per-value). */
  read: (raw: string, context: RuleContext) => Cell<unknown>;
  /** The cell export writes; the value itself by default. */
  write?: (value: unknown) => string | number | boolean | null;
  /** The journal's name for the column: a message key (docs/i18n.md). */
  labelKey: string;
  shownAs: ShownAs;
  doc: ColumnDocText;
}

export interface KindDef<K extends ExchangeKind = ExchangeKind> {
  kind: K;
  /** The table's name in the database. */
  table: string;
  /** The file name export writes and messages refer to. */
  fileName: string;
  /** Property of EngineData, ReleaseData and ExchangeData holding these rows. */
  dataKey: DataKeys[K];
  /** Every column, in the order of docs/architecture.md#the-exchange-format: the header export writes. */
  columns: readonly ColumnDef[];
  /** Columns that identify a row; sorted by them (indicator codes in numeric order). */
  key: readonly string[];
  /** The rows' name in the import's summary: a message key; and whether it is feminine in French (for agreement). */
  label: string;
  feminine: boolean;
  /** What the open-data page says of the file: a message key (`columns.files.…`). */
  description: string;
  audit: {
    entity: AuditEntity;
    /** Which columns fill the entry's year, State and indicator; the others are recorded as JSON. */
    year: string | null;
    state: string | null;
    indicator: string | null;
  };
  /** An import marks a row it writes as edited by a user (`edited_at`), so the seed leaves it alone. */
  marksEdited: boolean;
  /** Rules across the columns of one row; `problem` names the column at fault. */
  check?: (row: Partial<KindRow<K>>, context: RuleContext, problem: (column: string, message: Said) => void) => void;
  /** Bookkeeping once a row is read: what later rows of the call may rely on. */
  settle?: (row: Partial<KindRow<K>>, valid: boolean, context: RuleContext) => void;
}

const ok = <T>(value: T): Cell<T> => ({ ok: true, value });
const fail = <T>(code: Said['code'], params?: Said['params']): Cell<T> => ({ ok: false, problem: params ? { code, params } : { code } });

/** `received_on` → `receivedOn`: a row's property for a column. */
export const fieldOf = (column: string): string => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

const year: ColumnDef = {
  name: 'year',
  read: readYear,
  labelKey: 'workspace.journal.year',
  shownAs: 'number',
  doc: { meaning: 'columns.exchange.year', values: 'columns.values.years' },
};

/** A State the registry knows, or that a States file of the call adds. */
const state: ColumnDef = {
  name: 'state',
  read: (raw, context) => {
    const cell = readIso3(raw);
    if (cell.ok && !context.registry.has(cell.value) && !context.named.has(cell.value)) {
      return fail('stateUnknown', { value: cell.value });
    }
    return cell;
  },
  labelKey: 'workspace.journal.state',
  shownAs: 'text',
  doc: { meaning: 'columns.exchange.state', values: 'columns.values.iso3' },
};

function knownIndicator(raw: string, context: RuleContext) {
  const cell = readIndicatorCode(raw);
  if (!cell.ok) return cell;
  const indicator = context.indicators.get(cell.value);
  return indicator ? ok({ code: cell.value, ...indicator }) : fail<never>('indicatorUnknown', { value: cell.value });
}

/** Only populations entered per year take members (docs/method.md#entered-populations). */
function readEnteredPopulation(raw: string, context: RuleContext): Cell<string> {
  const key = raw.trim().toLowerCase();
  if (key === '') return fail('populationMissing');
  // Listed only in the messages: not built for every good row.
  const entered = () => [...context.populations].filter(([, p]) => p.derivation === 'entered').map(([k]) => k);
  const population = context.populations.get(key);
  const derivedYes = population === undefined && parsePopulationRef(key)?.key === 'yes';
  if (population === undefined && !derivedYes) {
    return fail('populationUnknown', { value: raw.trim(), entered: entered().join(', ') });
  }
  if (derivedYes || population?.derivation !== 'entered') {
    const code = (
      {
        registry: 'populationFromRegistry',
        union: 'populationUnion',
        answers: 'populationFromAnswers',
        entered: 'populationFromAnswers',
      } as const
    )[derivedYes ? 'answers' : (population?.derivation ?? 'answers')];
    return fail(code, { key, entered: entered().join(', ') });
  }
  return ok(key);
}

const STATES: KindDef<'states'> = {
  kind: 'states',
  table: 'states',
  fileName: 'states.csv',
  dataKey: 'states',
  columns: [
    {
      name: 'iso3',
      read: readIso3,
      labelKey: 'workspace.journal.state',
      shownAs: 'text',
      doc: { meaning: 'columns.exchange.iso3', values: 'columns.values.iso3' },
    },
    {
      name: 'name_fr',
      read: readName('nameFrMissing'),
      labelKey: 'audit.column.nameFr',
      shownAs: 'text',
      doc: { meaning: 'columns.exchange.nameFr', values: 'columns.values.text' },
    },
    {
      name: 'name_en',
      read: readName('nameEnMissing'),
      labelKey: 'audit.column.nameEn',
      shownAs: 'text',
      doc: { meaning: 'columns.exchange.nameEn', values: 'columns.values.text' },
    },
    {
      name: 'party',
      read: readBoolean,
      labelKey: 'audit.column.party',
      shownAs: 'boolean',
      doc: { meaning: 'columns.exchange.party', values: 'columns.values.yesNo' },
    },
    {
      name: 'party_from',
      optional: 'kept',
      read: readOptionalDate,
      labelKey: 'audit.column.partyFrom',
      shownAs: 'date',
      doc: { meaning: 'columns.exchange.partyFrom', values: 'columns.values.dateOrUnknown' },
    },
    {
      name: 'party_until',
      optional: 'kept',
      read: readOptionalDate,
      labelKey: 'audit.column.partyUntil',
      shownAs: 'date',
      doc: { meaning: 'columns.exchange.partyUntil', values: 'columns.values.dateOrNoWithdrawal' },
    },
  ],
  key: ['iso3'],
  label: 'csv.kinds.states',
  feminine: false,
  description: 'columns.files.states',
  audit: { entity: 'state', year: null, state: 'iso3', indicator: null },
  marksEdited: true,
  check: (row, context, problem) => {
    const current = row.iso3 === undefined ? undefined : context.stored.get(row.iso3);
    const from = row.partyFrom === undefined ? (current?.partyFrom ?? null) : row.partyFrom;
    const until = row.partyUntil === undefined ? (current?.partyUntil ?? null) : row.partyUntil;
    const order = partyDatesProblem(from, until);
    if (order) problem('party_until', order);
  },
  // Later files judge party status on the registry as this call leaves it.
  settle: (row, valid, context) => {
    if (row.iso3 === undefined) return;
    context.named.add(row.iso3);
    if (!valid || row.nameFr === undefined || row.nameEn === undefined || row.party === undefined) {
      context.uncertain.add(row.iso3);
      return;
    }
    const current = context.stored.get(row.iso3);
    context.registry.set(row.iso3, {
      iso3: row.iso3,
      nameFr: row.nameFr,
      nameEn: row.nameEn,
      party: row.party,
      partyFrom: row.partyFrom === undefined ? (current?.partyFrom ?? null) : row.partyFrom,
      partyUntil: row.partyUntil === undefined ? (current?.partyUntil ?? null) : row.partyUntil,
    });
  },
};

const POPULATIONS: KindDef<'populations'> = {
  kind: 'populations',
  table: 'population_memberships',
  fileName: 'populations.csv',
  dataKey: 'memberships',
  columns: [
    year,
    state,
    {
      name: 'population',
      read: readEnteredPopulation,
      labelKey: 'audit.column.population',
      shownAs: 'population',
      doc: {
        meaning: 'columns.exchange.population',
        values: ({ enteredPopulations }) => enteredPopulations.join(', '),
      },
    },
  ],
  key: ['year', 'state', 'population'],
  label: 'csv.kinds.populations',
  feminine: true,
  description: 'columns.files.populations',
  audit: { entity: 'membership', year: 'year', state: 'state', indicator: null },
  marksEdited: false,
  check: (row, context, problem) => {
    if (row.year === undefined || row.state === undefined || row.population === undefined) return;
    const entry = context.registry.get(row.state);
    if (entry && !context.uncertain.has(row.state) && !isPartyInYear(entry, row.year)) {
      problem('state', { code: 'notPartyMember', params: { state: row.state, year: row.year, population: row.population } });
    }
  },
};

const REPORTS: KindDef<'reports'> = {
  kind: 'reports',
  table: 'reports',
  fileName: 'reports.csv',
  dataKey: 'reports',
  columns: [
    year,
    state,
    {
      name: 'received_on',
      read: readReceivedOn,
      labelKey: 'audit.column.receivedOn',
      shownAs: 'date',
      doc: { meaning: 'columns.exchange.receivedOn', values: 'columns.values.date' },
    },
    {
      name: 'used_reporting_guide',
      read: readBoolean,
      labelKey: 'audit.column.usedReportingGuide',
      shownAs: 'boolean',
      doc: { meaning: 'columns.exchange.usedReportingGuide', values: 'columns.values.yesNo' },
    },
  ],
  key: ['year', 'state'],
  label: 'csv.kinds.reports',
  feminine: false,
  description: 'columns.files.reports',
  audit: { entity: 'report', year: 'year', state: 'state', indicator: null },
  marksEdited: false,
  check: (row, context, problem) => {
    if (row.receivedOn === undefined) return;
    const bounds = receivedOnProblem(row.receivedOn, row.year, context.today);
    if (bounds) problem('received_on', bounds);
  },
};

const ANSWERS: KindDef<'answers'> = {
  kind: 'answers',
  table: 'answers',
  fileName: 'answers.csv',
  dataKey: 'answers',
  columns: [
    year,
    state,
    {
      name: 'indicator',
      // Only shares and counts are answered, and not 8.1 and 8.2, which come from the report.
      read: (raw, context) => {
        const cell = knownIndicator(raw, context);
        if (!cell.ok) return cell;
        const indicator = cell.value;
        if (indicator.kind === 'figure' || indicator.kind === 'ratio') {
          return fail(indicator.kind === 'figure' ? 'answerIsFigure' : 'answerIsRatio', { code: indicator.code });
        }
        if (indicator.derivedFrom) {
          return fail('answerIsDerived', { code: indicator.code });
        }
        return ok(indicator.code);
      },
      labelKey: 'workspace.journal.indicatorLabel',
      shownAs: 'text',
      doc: { meaning: 'columns.exchange.indicator', values: 'columns.values.text' },
    },
    {
      name: 'answer',
      read: readAnswer,
      // A blank answer is written as an empty cell, as docs/architecture.md#the-exchange-format has it.
      write: (value) => (value === 'blank' ? null : (value as string)),
      labelKey: 'audit.column.answer',
      shownAs: 'answer',
      doc: { meaning: 'columns.exchange.answer', values: 'columns.values.answer' },
    },
    {
      name: 'source',
      optional: 'kept',
      read: readBoundedText(SOURCE_MAX),
      labelKey: 'audit.column.source',
      shownAs: 'text',
      doc: { meaning: 'columns.exchange.source', values: 'columns.values.textOrUnspecified' },
    },
    {
      name: 'note',
      optional: 'kept',
      read: readBoundedText(NOTE_MAX),
      labelKey: 'audit.column.note',
      shownAs: 'text',
      doc: { meaning: 'columns.exchange.note', values: 'columns.values.textOrNone' },
    },
  ],
  key: ['year', 'state', 'indicator'],
  label: 'csv.kinds.answers',
  feminine: true,
  description: 'columns.files.answers',
  audit: { entity: 'answer', year: 'year', state: 'state', indicator: 'indicator' },
  marksEdited: false,
};

const FIGURES: KindDef<'figures'> = {
  kind: 'figures',
  table: 'figures',
  fileName: 'figures.csv',
  dataKey: 'figures',
  columns: [
    year,
    {
      name: 'indicator',
      // Only figures and ratios are recorded; the others are computed from answers or reports.
      read: (raw, context) => {
        const cell = knownIndicator(raw, context);
        if (!cell.ok) return cell;
        const indicator = cell.value;
        if (indicator.kind !== 'figure' && indicator.kind !== 'ratio') {
          return fail(indicator.derivedFrom ? 'figureFromReports' : 'figureFromAnswers', { code: indicator.code });
        }
        return ok(indicator.code);
      },
      labelKey: 'workspace.journal.indicatorLabel',
      shownAs: 'text',
      doc: { meaning: 'columns.exchange.figureIndicator', values: 'columns.values.text' },
    },
    {
      name: 'value',
      read: readAmount,
      labelKey: 'audit.column.value',
      shownAs: 'number',
      doc: { meaning: 'columns.exchange.value', values: 'columns.values.nonNegative' },
    },
    {
      name: 'denominator',
      optional: 'blank',
      read: (raw) => (isBlank(raw) ? ok(null) : readDenominator(raw)),
      labelKey: 'audit.column.denominator',
      shownAs: 'number',
      doc: { meaning: 'columns.exchange.denominator', values: 'columns.values.denominator' },
    },
  ],
  key: ['year', 'indicator'],
  label: 'csv.kinds.figures',
  feminine: false,
  description: 'columns.files.figures',
  audit: { entity: 'figure', year: 'year', state: null, indicator: 'indicator' },
  marksEdited: false,
  check: (row, context, problem) => {
    const kind = row.indicator === undefined ? undefined : context.indicators.get(row.indicator)?.kind;
    if (kind === 'ratio' && row.denominator === null) {
      problem('denominator', { code: 'denominatorMissing', params: { indicator: row.indicator! } });
    }
    if (kind === 'figure' && row.denominator !== null && row.denominator !== undefined) {
      problem('denominator', { code: 'denominatorForbidden', params: { indicator: row.indicator! } });
    }
  },
};

/** The five kinds (docs/architecture.md#the-exchange-format), in the order export writes them. */
export const DATA_KINDS: { [K in ExchangeKind]: KindDef<K> } = {
  states: STATES,
  populations: POPULATIONS,
  reports: REPORTS,
  answers: ANSWERS,
  figures: FIGURES,
};

/** A kind's descriptor, loosely typed: for code that handles every kind alike. */
export const kindDef = (kind: ExchangeKind): KindDef => DATA_KINDS[kind] as unknown as KindDef;

/** The rows of one kind in data shaped like EngineData / ReleaseData. */
export type KindData = { [K in ExchangeKind as DataKeys[K]]: KindRow<K>[] };

/** The row property of each column, by kind, worked out once. */
const FIELDS = Object.fromEntries(EXCHANGE_KINDS.map((kind) => [kind, DATA_KINDS[kind].columns.map((c) => fieldOf(c.name))])) as Record<
  ExchangeKind,
  string[]
>;
const HEADERS = Object.fromEntries(EXCHANGE_KINDS.map((kind) => [kind, DATA_KINDS[kind].columns.map((c) => c.name)])) as Record<
  ExchangeKind,
  string[]
>;
const OPTIONAL = Object.fromEntries(
  EXCHANGE_KINDS.map((kind) => [kind, DATA_KINDS[kind].columns.filter((c) => c.optional).map((c) => c.name)]),
) as Record<ExchangeKind, string[]>;

const TEXT = Object.fromEntries(
  EXCHANGE_KINDS.map((kind) => [
    kind,
    DATA_KINDS[kind].columns.filter((c) => c.shownAs === 'text' && !DATA_KINDS[kind].key.includes(c.name)).map((c) => c.name),
  ]),
) as Record<ExchangeKind, string[]>;

/**
 * The columns of free text of a kind (a State's names, source, note): an XLSX cell in one of them
 * is read as the spreadsheet shows it, not as the number or date it stores (exchange/xlsx.ts).
 * Codes (key columns: iso3, state, indicator) keep the stored value: « 1.2 », not « 1,2 ».
 */
export const textColumns = (kind: ExchangeKind): readonly string[] => TEXT[kind];

/** A kind's columns by name, in the order export writes them: the file's header. */
export const headerOf = (kind: ExchangeKind): readonly string[] => HEADERS[kind];
/** The columns a file of the kind may leave out. */
export const optionalColumns = (kind: ExchangeKind): readonly string[] => OPTIONAL[kind];

const KEY_FIELDS = Object.fromEntries(EXCHANGE_KINDS.map((kind) => [kind, DATA_KINDS[kind].key.map(fieldOf)])) as Record<
  ExchangeKind,
  string[]
>;

type Compare = (a: Record<string, unknown>, b: Record<string, unknown>) => number;

/** Sorted by key, a new array: text in code-point order, numbers as numbers, indicator codes as `compareIndicator` says. */
export function sortByKey<T>(kind: ExchangeKind, rows: readonly T[], compareIndicator: (a: string, b: string) => number): T[] {
  // One comparison per key column, chosen once: the release sorts thousands of rows.
  const comparisons = DATA_KINDS[kind].key.map((name): Compare => {
    const field = fieldOf(name);
    const column = DATA_KINDS[kind].columns.find((c) => c.name === name);
    if (column?.shownAs === 'number') return (a, b) => (a[field] as number) - (b[field] as number);
    if (field === 'indicator') return (a, b) => compareIndicator(a[field] as string, b[field] as string);
    return (a, b) => ((a[field] as string) < (b[field] as string) ? -1 : (a[field] as string) > (b[field] as string) ? 1 : 0);
  });
  const [first, second, third] = comparisons;
  const compare: Compare =
    comparisons.length === 1
      ? first!
      : comparisons.length === 2
        ? (a, b) => first!(a, b) || second!(a, b)
        : (a, b) => first!(a, b) || second!(a, b) || third!(a, b) || comparisons.slice(3).reduce((d, c) => d || c(a, b), 0);
  return ([...rows] as Record<string, unknown>[]).sort(compare) as T[];
}

/** Only the descriptor's columns of a row, in its order: what export, the release and the engine keep. */
export function pickColumns<K extends ExchangeKind>(kind: K, row: KindRow<K>): KindRow<K> {
  const source = row as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const field of FIELDS[kind]) picked[field] = source[field];
  return picked as KindRow<K>;
}

/** The key of a row as one string (the year left out when `withoutYear`). */
export function rowKey(kind: ExchangeKind, row: object, withoutYear = false): string {
  const source = row as Record<string, unknown>;
  return KEY_FIELDS[kind]
    .filter((k) => !(withoutYear && k === 'year'))
    .map((k) => String(source[k]))
    .join(':');
}

/** The columns an audit entry records as JSON (the others fill its year, State and indicator). */
export function auditedColumns(kind: ExchangeKind): ColumnDef[] {
  const { audit, columns } = kindDef(kind);
  const slots = [audit.year, audit.state, audit.indicator];
  return columns.filter((c) => !slots.includes(c.name));
}

/** The kind whose changes an audit entity records, if it is one of the five. */
export const kindOfEntity = (entity: string): ExchangeKind | undefined =>
  EXCHANGE_KINDS.find((kind) => DATA_KINDS[kind].audit.entity === entity);
