import type { EngineData } from '../engine/types';
import { compareText } from '../compare';
import {
  DATA_KINDS,
  EXCHANGE_KINDS,
  fieldOf,
  kindOfEntity,
  rowKey,
  sortByKey,
  type ExchangeKind,
  type KindData,
  type ShownAs,
} from '../data-kinds';

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
const textOrNull = (v: unknown): string | null => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);
const numberOrNull = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));

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

/** A value as the audit trail's JSON holds it, read back as the row's type (SQLite writes booleans as 0 and 1). */
const COERCE: Record<ShownAs, (v: unknown) => unknown> = {
  boolean: (v) => (v === null || v === undefined ? null : bool(v)),
  number: numberOrNull,
  text: textOrNull,
  date: textOrNull,
  answer: textOrNull,
  population: textOrNull,
};

/**
 * Undoes one change: an insert is removed, an update or a delete puts back the row as `before`
 * recorded it. The row's key is made of the entry's own columns (year, State, indicator), which the
 * triggers take from the new row (the old one for a delete), and of the recorded key columns
 * (a membership's population). A change of a row's key (an ISO code renamed, say) cannot be undone:
 * its old key is not recorded; the row keeps its new key. Validations and publications are not data
 * the engine reads.
 */
function undo(change: DataChange, tables: Tables): void {
  const kind = kindOfEntity(change.entity);
  if (kind === undefined) return;
  const { audit, columns } = DATA_KINDS[kind];
  const slots: Record<string, unknown> = {};
  for (const [column, value] of [
    [audit.year, change.year],
    [audit.state, change.state],
    [audit.indicator, change.indicator],
  ] as const) {
    if (column === null) continue;
    if (value === null) return;
    slots[fieldOf(column)] = value;
  }
  const before = parse(change.before);
  const after = parse(change.after);
  const rowFrom = (values: Values): Values => {
    const row: Values = {};
    for (const column of columns) {
      const field = fieldOf(column.name);
      row[field] = field in slots ? slots[field] : COERCE[column.shownAs](values[column.name]);
    }
    return row;
  };
  const table = tables[kind];
  // The key the change left: with the recorded key columns of the row after it (or before, for a delete).
  table.remove(rowKey(kind, rowFrom((change.operation === 'delete' ? before : after) ?? before ?? {})));
  if (change.operation === 'insert' || before === null) return;
  const restored = rowFrom(before);
  // A row whose required columns the entry does not hold cannot be put back.
  if (columns.some((c) => !c.optional && (restored[fieldOf(c.name)] === null || restored[fieldOf(c.name)] === undefined))) return;
  table.put(restored);
}

type Tables = Record<ExchangeKind, Rows<object>>;

/**
 * The engine's data as it stood before the changes `entriesAfter` records (the audit entries
 * after a moment), given the data as it stands now. Changes are undone newest first (by entry id:
 * the order in which they were committed). Pure: `current` is left as it was.
 */
export function dataAt(current: EngineData, entriesAfter: readonly DataChange[]): EngineData {
  if (entriesAfter.length === 0) return current;
  const tables = Object.fromEntries(
    EXCHANGE_KINDS.map((kind) => [kind, new Rows<object>(current[DATA_KINDS[kind].dataKey], (row) => rowKey(kind, row))]),
  ) as Tables;
  for (const change of [...entriesAfter].sort((a, b) => b.id - a.id)) undo(change, tables);
  const rows = Object.fromEntries(EXCHANGE_KINDS.map((kind) => [DATA_KINDS[kind].dataKey, tables[kind].list()])) as KindData;
  // The registry is read in ISO code order; a State put back keeps that order.
  return { ...current, ...rows, states: sortByKey('states', rows.states, compareText) };
}

/** The entries at or after a moment (ISO timestamp): what `dataAt` undoes to see the data of that moment. */
export const entriesFrom = <T extends Pick<DataChange, 'at'>>(entries: readonly T[], moment: string): T[] =>
  entries.filter((e) => e.at >= moment);
