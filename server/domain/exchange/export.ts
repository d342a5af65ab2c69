import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../db/client';
import { answers, figures, populationMemberships, reports, states } from '../../../db/schema';
import { EXCHANGE_KINDS, KINDS, type ExchangeKind } from './kinds';
import type { RegistryState } from '../registry';
import type { Answer, Figure, Membership, Report } from '../engine/types';
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
export interface ExchangeData {
  states: RegistryState[];
  memberships: Membership[];
  reports: Report[];
  answers: Answer[];
  figures: Figure[];
}

/**
 * The five exchange files (docs/architecture.md#the-exchange-format) for everything the database
 * holds, in a form `importFiles` reads back unchanged. Rows are sorted so that two exports of the
 * same data are byte-identical.
 */
export function exportFiles(db: Db): ExportFile[] {
  return exchangeFiles({
    states: db.select().from(states).all(),
    memberships: db.select().from(populationMemberships).all(),
    reports: db.select().from(reports).all(),
    answers: db.select().from(answers).all(),
    figures: db.select().from(figures).all(),
  });
}

/** The five exchange files for the given rows, sorted; what `exportFiles` and the open-data downloads write. */
export function exchangeFiles(data: ExchangeData): ExportFile[] {
  const rows: Record<ExchangeKind, Cell[][]> = {
    states: [...data.states]
      .sort((a, b) => compareText(a.iso3, b.iso3))
      .map((s) => [s.iso3, s.nameFr, s.nameEn, s.party, s.partyFrom, s.partyUntil]),
    populations: [...data.memberships]
      .sort((a, b) => a.year - b.year || compareText(a.state, b.state) || compareText(a.population, b.population))
      .map((m) => [m.year, m.state, m.population]),
    reports: [...data.reports]
      .sort((a, b) => a.year - b.year || compareText(a.state, b.state))
      .map((r) => [r.year, r.state, r.receivedOn, r.usedReportingGuide]),
    answers: [...data.answers]
      .sort((a, b) => a.year - b.year || compareText(a.state, b.state) || compareCodes(a.indicator, b.indicator))
      // A blank answer is written as an empty cell, as docs/architecture.md#the-exchange-format has it.
      .map((a) => [a.year, a.state, a.indicator, a.answer === 'blank' ? null : a.answer, a.source, a.note]),
    figures: [...data.figures]
      .sort((a, b) => a.year - b.year || compareCodes(a.indicator, b.indicator))
      .map((f) => [f.year, f.indicator, f.value, f.denominator]),
  };
  return EXCHANGE_KINDS.map((kind) => ({
    kind,
    name: KINDS[kind].fileName,
    content: toCsv([[...KINDS[kind].columns], ...rows[kind]]),
    rows: rows[kind].length,
  }));
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

/** Plain code-point order: locale-independent, hence the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Indicator codes in numeric order: 5.4 before 5.10, 8 before 11. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return compareText(a, b);
}
