import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../db/client';
import { readKindData } from '../stored-data';
import { compareCodes } from '../compare';
import { DATA_KINDS, EXCHANGE_KINDS, fieldOf, sortByKey, type ExchangeKind, type KindData } from '../data-kinds';
import { toCsv, type Cell } from './csv-write';

export interface ExportFile {
  kind: ExchangeKind;
  /** states.csv, populations.csv… */
  name: string;
  /** Comma-separated, LF line ends, no BOM, header as in docs/architecture.md#the-exchange-format; formulas neutralised as `toCsv` says. */
  content: string;
  /** Data rows, header excluded. */
  rows: number;
}

/**
 * What the five files are written from: the rows of the data tables (the live database for
 * `npm run export`, the latest releases for the public download). Extra fields are ignored.
 */
export type ExchangeData = KindData;

/**
 * The five exchange files (docs/architecture.md#the-exchange-format) for everything the database
 * holds, in a form `importFiles` reads back unchanged. Rows are sorted so that two exports of the
 * same data are byte-identical.
 */
export function exportFiles(db: Db): ExportFile[] {
  return exchangeFiles(readKindData(db));
}

/** The five exchange files for the given rows, sorted by key; what `exportFiles` and the open-data downloads write. */
export function exchangeFiles(data: ExchangeData): ExportFile[] {
  return EXCHANGE_KINDS.map((kind) => {
    const def = DATA_KINDS[kind];
    const rows = sortByKey(kind, data[def.dataKey] as object[], compareCodes).map((row) =>
      def.columns.map((column): Cell => {
        const value = (row as Record<string, unknown>)[fieldOf(column.name)] as Cell;
        return column.write ? column.write(value) : (value ?? null);
      }),
    );
    return { kind, name: def.fileName, content: toCsv([def.columns.map((c) => c.name), ...rows]), rows: rows.length };
  });
}

/** Writes the five files into `dir`, creating it if needed; returns what was written. */
export function exportToDirectory(db: Db, dir: string): (ExportFile & { path: string })[] {
  fs.mkdirSync(dir, { recursive: true });
  return exportFiles(db).map((file) => {
    const target = path.join(dir, file.name);
    fs.writeFileSync(target, file.content, 'utf8');
    return { ...file, path: target };
  });
}
