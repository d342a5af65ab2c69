import type { RegistryState } from '../registry';
import type { Answer, AnswerValue, EngineData, Figure, Membership, Report } from '../engine/types';

/**
 * The data as it stood at a past moment, rebuilt from the data as it stands now by undoing, newest
 * first, every change the audit trail recorded after that moment. The trail is written by database
 * triggers (migration 0003), so every change to the data is in it, whatever program made it.
 */

/** What an audit entry says of one change, as `audit_entries` stores it (`before`/`after`: JSON with snake_case keys). */
export interface DataChange {
  id: number;
  /** ISO timestamp. */
  at: string;
  entity: 'answer' | 'report' | 'membership' | 'figure' | 'state' | 'publication' | 'validation';
  operation: 'insert' | 'update' | 'delete';
  year: number | null;
  state: string | null;
  indicator: string | null;
  before: string | null;
  after: string | null;
}

type Values = Record<string, unknown>;

const parse = (json: string | null): Values | null => {
  if (json === null) return null;
  const value: unknown = JSON.parse(json);
  return value !== null && typeof value === 'object' ? (value as Values) : null;
};

/** SQLite's json_object writes booleans as 0 and 1. */
const bool = (v: unknown): boolean => v === true || v === 1 || v === '1';
const textOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const numberOrNull = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));
const ANSWER_VALUES: readonly string[] = ['yes', 'no', 'blank'];

/** One table of the engine's data, by primary key, keeping the rows' order. */
class Rows<T> {
  private readonly rows: Map<string, T>;

  constructor(
    rows: readonly T[],
    private readonly keyOf: (row: T) => string,
  ) {
    this.rows = new Map(rows.map((row) => [keyOf(row), row]));
  }

  remove(key: string): void {
    this.rows.delete(key);
  }

  put(row: T): void {
    this.rows.set(this.keyOf(row), row);
  }

  list(): T[] {
    return [...this.rows.values()];
  }
}

const answerKey = (r: Pick<Answer, 'year' | 'state' | 'indicator'>) => `${r.year}:${r.state}:${r.indicator}`;
const reportKey = (r: Pick<Report, 'year' | 'state'>) => `${r.year}:${r.state}`;
const membershipKey = (r: Membership) => `${r.year}:${r.state}:${r.population}`;
const figureKey = (r: Pick<Figure, 'year' | 'indicator'>) => `${r.year}:${r.indicator}`;
const stateKey = (r: Pick<RegistryState, 'iso3'>) => r.iso3;

/**
 * Undoes one change: an insert is removed, an update or a delete puts back the row as `before`
 * recorded it. The row's key (year, State, indicator) is the entry's own columns, which the
 * triggers take from the new row (the old one for a delete). A change of a row's key (an ISO
 * code renamed, say) cannot be undone: its old key is not recorded; the row keeps its new key.
 */
function undo(change: DataChange, tables: Tables): void {
  const { year, state, indicator } = change;
  const before = parse(change.before);
  const after = parse(change.after);
  const restore = change.operation !== 'insert' && before !== null;
  switch (change.entity) {
    case 'answer': {
      if (year === null || state === null || indicator === null) return;
      const key = answerKey({ year, state, indicator });
      tables.answers.remove(key);
      if (restore && ANSWER_VALUES.includes(String(before.answer))) {
        tables.answers.put({
          year,
          state,
          indicator,
          answer: before.answer as AnswerValue,
          source: textOrNull(before.source),
          note: textOrNull(before.note),
        });
      }
      return;
    }
    case 'report': {
      if (year === null || state === null) return;
      tables.reports.remove(reportKey({ year, state }));
      if (restore && typeof before.received_on === 'string') {
        tables.reports.put({ year, state, receivedOn: before.received_on, usedReportingGuide: bool(before.used_reporting_guide) });
      }
      return;
    }
    case 'membership': {
      if (year === null || state === null) return;
      // The population is part of the key: an update replaces the new population by the old one.
      if (change.operation !== 'delete' && after !== null) tables.memberships.remove(membershipKey({ year, state, population: String(after.population) }));
      if (restore && typeof before.population === 'string') tables.memberships.put({ year, state, population: before.population });
      return;
    }
    case 'figure': {
      if (year === null || indicator === null) return;
      tables.figures.remove(figureKey({ year, indicator }));
      const value = restore ? numberOrNull(before.value) : null;
      if (restore && value !== null) tables.figures.put({ year, indicator, value, denominator: numberOrNull(before.denominator) });
      return;
    }
    case 'state': {
      if (state === null) return;
      tables.states.remove(state);
      if (restore && typeof before.name_fr === 'string') {
        tables.states.put({
          iso3: state,
          nameFr: before.name_fr,
          nameEn: String(before.name_en ?? before.name_fr),
          party: bool(before.party),
          partyFrom: textOrNull(before.party_from),
          partyUntil: textOrNull(before.party_until),
        });
      }
      return;
    }
    // Validations and publications are not data the engine reads.
    default:
      return;
  }
}

interface Tables {
  answers: Rows<Answer>;
  reports: Rows<Report>;
  memberships: Rows<Membership>;
  figures: Rows<Figure>;
  states: Rows<RegistryState>;
}

/**
 * The engine's data as it stood before the changes `entriesAfter` records (the audit entries
 * after a moment), given the data as it stands now. Changes are undone newest first (by entry id:
 * the order in which they were committed). Pure: `current` is left as it was.
 */
export function dataAt(current: EngineData, entriesAfter: readonly DataChange[]): EngineData {
  if (entriesAfter.length === 0) return current;
  const tables: Tables = {
    answers: new Rows(current.answers, answerKey),
    reports: new Rows(current.reports, reportKey),
    memberships: new Rows(current.memberships, membershipKey),
    figures: new Rows(current.figures, figureKey),
    states: new Rows(current.states, stateKey),
  };
  for (const change of [...entriesAfter].sort((a, b) => b.id - a.id)) undo(change, tables);
  return {
    ...current,
    answers: tables.answers.list(),
    reports: tables.reports.list(),
    memberships: tables.memberships.list(),
    figures: tables.figures.list(),
    // The registry is read in ISO code order; a State put back keeps that order.
    states: tables.states.list().sort((a, b) => (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0)),
  };
}

/** The entries at or after a moment (ISO timestamp): what `dataAt` undoes to see the data of that moment. */
export const entriesFrom = <T extends Pick<DataChange, 'at'>>(entries: readonly T[], moment: string): T[] =>
  entries.filter((e) => e.at >= moment);
