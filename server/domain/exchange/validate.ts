import { DATA_KINDS, fieldOf, kindDef, type ExchangeKind, type KindRow, type RuleContext } from '../data-kinds';
import type { ExchangeContext } from './context';
import type { CsvTable } from './csv';
import type { DetectedKind } from './kinds';
import type { ProblemSink } from './problems';
import { RowReader } from './row-reader';

/**
 * A valid row of a file. A property left undefined is a column the file left out (optional and
 * kept): the stored value stays.
 */
export type ImportRow<K extends ExchangeKind> = Partial<KindRow<K>>;

export type ValidFile = { [K in ExchangeKind]: { file: string; kind: K; rows: ImportRow<K>[] } }[ExchangeKind];

export interface DetectedTable extends DetectedKind {
  table: CsvTable;
}

/**
 * Turns the records of the call's files into typed rows, checking each value with its column's rule
 * (../data-kinds.ts) and the rules that span rows and files: known States and indicators, entered
 * populations only, membership only for States party that year, no key twice in the call. States
 * files are read first, so the other files can name the States they add and party status is judged
 * on the registry as it will be.
 */
export function validateTables(
  tables: DetectedTable[],
  context: ExchangeContext,
  problems: ProblemSink,
  /** YYYY-MM-DD, Geneva's day (todayInGeneva). */
  today: string,
): ValidFile[] {
  const rules: RuleContext = {
    stored: context.states,
    registry: new Map(context.states),
    named: new Set(),
    uncertain: new Set(),
    indicators: context.indicators,
    populations: context.populations,
    today,
  };
  const seenKeys = new Map<ExchangeKind, Map<string, { file: string; line: number }>>();
  const byTable = new Map<DetectedTable, ValidFile>();
  for (const t of [...tables.filter((t) => t.kind === 'states'), ...tables.filter((t) => t.kind !== 'states')]) {
    const def = kindDef(t.kind);
    const seen = seenKeys.get(t.kind) ?? new Map<string, { file: string; line: number }>();
    seenKeys.set(t.kind, seen);
    const rows: Record<string, unknown>[] = [];
    for (const record of t.table.records) {
      const row = new RowReader(t, record, problems);
      const values: Record<string, unknown> = {};
      for (const column of def.columns) {
        if (column.optional === 'kept' && !row.has(column.name)) continue;
        const value = row.read(column.name, (raw) => column.read(raw, rules));
        if (value !== undefined) values[fieldOf(column.name)] = value;
      }
      def.check?.(values, rules, (column, message) => row.problem(column, message));
      const key = def.key.map((k) => values[fieldOf(k)]);
      if (key.every((k) => k !== undefined)) {
        const id = JSON.stringify(key);
        const first = seen.get(id);
        if (first) {
          row.problem(DATA_KINDS[t.kind].key.join(','), {
            code: 'duplicateKey',
            params: { key: key.map(String).join(', '), file: first.file, line: first.line },
          });
        } else {
          seen.set(id, { file: row.file, line: row.line });
        }
      }
      def.settle?.(values, row.valid, rules);
      if (row.valid) rows.push(values);
    }
    byTable.set(t, { file: t.table.file, kind: t.kind, rows });
  }
  return tables.map((t) => byTable.get(t)).filter((f): f is ValidFile => f !== undefined);
}
