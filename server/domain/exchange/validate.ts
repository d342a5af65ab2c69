import { parsePopulationRef } from '../population';
import { isPartyInYear, type RegistryState } from '../registry';
import type { ExchangeContext } from './context';
import type { CsvTable } from './csv';
import { KINDS, type DetectedKind, type ExchangeKind } from './kinds';
import type { ProblemSink } from './problems';
import { RowReader } from './row-reader';
import {
  isBlank,
  readAnswer,
  readBoolean,
  readDate,
  readIndicatorCode,
  readIso3,
  readNumber,
  readOptionalText,
  readRequiredText,
  readYear,
  type AnswerValue,
  type Cell,
} from './values';

/** A State row. An undefined date means the column was absent: the registry's date is kept. */
export interface StateRow {
  iso3: string;
  nameFr: string;
  nameEn: string;
  party: boolean;
  partyFrom?: string | null;
  partyUntil?: string | null;
}
export interface MembershipRow {
  year: number;
  state: string;
  population: string;
}
export interface ReportRow {
  year: number;
  state: string;
  receivedOn: string;
  usedReportingGuide: boolean;
}
/** An answer row. An undefined source or note means the column was absent: the stored one is kept. */
export interface AnswerRow {
  year: number;
  state: string;
  indicator: string;
  answer: AnswerValue;
  source?: string | null;
  note?: string | null;
}
export interface FigureRow {
  year: number;
  indicator: string;
  value: number;
  denominator: number | null;
}

export type ValidFile =
  | { file: string; kind: 'states'; rows: StateRow[] }
  | { file: string; kind: 'populations'; rows: MembershipRow[] }
  | { file: string; kind: 'reports'; rows: ReportRow[] }
  | { file: string; kind: 'answers'; rows: AnswerRow[] }
  | { file: string; kind: 'figures'; rows: FigureRow[] };

export interface DetectedTable extends DetectedKind {
  table: CsvTable;
}

/**
 * Turns the records of the call's files into typed rows, checking each value and the rules that
 * span rows and files: known States and indicators, entered populations only, membership only for
 * States party that year, no key twice in the call. States files are read first, so the other files
 * can name the States they add and party status is judged on the registry as it will be.
 */
export function validateTables(
  tables: DetectedTable[],
  context: ExchangeContext,
  problems: ProblemSink,
): ValidFile[] {
  const seenKeys = new Map<ExchangeKind, Map<string, { file: string; line: number }>>();
  const checkDuplicate = (row: RowReader, kind: ExchangeKind, key: (string | number)[]) => {
    const seen = seenKeys.get(kind) ?? new Map<string, { file: string; line: number }>();
    seenKeys.set(kind, seen);
    const id = JSON.stringify(key);
    const first = seen.get(id);
    if (first) {
      row.problem(
        KINDS[kind].key.join(','),
        `doublon : la clé « ${key.join(', ')} » figure déjà à ${first.file}:${first.line}`,
      );
    } else {
      seen.set(id, { file: row.file, line: row.line });
    }
  };

  const registry = new Map(context.states);
  const statesInCall = new Set<string>();
  // States whose row in this call is invalid: their party status after the call is unknown.
  const uncertain = new Set<string>();
  const byTable = new Map<DetectedTable, ValidFile>();

  for (const t of tables.filter((t) => t.kind === 'states')) {
    const rows: StateRow[] = [];
    for (const record of t.table.records) {
      const row = new RowReader(t, record, problems);
      const iso3 = row.read('iso3', readIso3);
      const nameFr = row.read('name_fr', (raw) => readRequiredText(raw, 'nom français'));
      const nameEn = row.read('name_en', (raw) => readRequiredText(raw, 'nom anglais'));
      const party = row.read('party', readBoolean);
      const partyFrom = row.has('party_from') ? row.read('party_from', readOptionalDate) : undefined;
      const partyUntil = row.has('party_until') ? row.read('party_until', readOptionalDate) : undefined;
      if (iso3 !== undefined) {
        statesInCall.add(iso3);
        checkDuplicate(row, 'states', [iso3]);
      }
      if (iso3 === undefined || nameFr === undefined || nameEn === undefined || party === undefined) {
        if (iso3 !== undefined) uncertain.add(iso3);
        continue;
      }
      const current = context.states.get(iso3);
      const from = partyFrom === undefined ? (current?.partyFrom ?? null) : partyFrom;
      const until = partyUntil === undefined ? (current?.partyUntil ?? null) : partyUntil;
      if (from !== null && until !== null && from >= until) {
        row.problem('party_until', `la date de retrait (${until}) doit suivre la date d’entrée en vigueur (${from})`);
      }
      if (!row.valid) {
        uncertain.add(iso3);
        continue;
      }
      rows.push({ iso3, nameFr, nameEn, party, partyFrom, partyUntil });
      registry.set(iso3, { iso3, nameFr, nameEn, party, partyFrom: from, partyUntil: until });
    }
    byTable.set(t, { file: t.table.file, kind: 'states', rows });
  }

  const readKnownState = (row: RowReader): string | undefined => {
    const iso3 = row.read('state', readIso3);
    if (iso3 === undefined) return undefined;
    if (!registry.has(iso3) && !statesInCall.has(iso3)) {
      row.problem('state', `État inconnu « ${iso3} » (code ISO 3166 alpha-3 attendu)`);
      return undefined;
    }
    return iso3;
  };
  const readKnownIndicator = (row: RowReader) => {
    const code = row.read('indicator', readIndicatorCode);
    if (code === undefined) return undefined;
    const indicator = context.indicators.get(code);
    if (!indicator) {
      row.problem('indicator', `indicateur inconnu « ${code} »`);
      return undefined;
    }
    return { code, ...indicator };
  };

  for (const t of tables) {
    switch (t.kind) {
      case 'states':
        break;
      case 'populations': {
        const rows: MembershipRow[] = [];
        for (const record of t.table.records) {
          const row = new RowReader(t, record, problems);
          const year = row.read('year', readYear);
          const state = readKnownState(row);
          const population = row.read('population', (raw) => readEnteredPopulation(raw, context));
          if (year !== undefined && state !== undefined && population !== undefined) {
            const entry: RegistryState | undefined = registry.get(state);
            if (entry && !uncertain.has(state) && !isPartyInYear(entry, year)) {
              row.problem(
                'state',
                `l’État « ${state} » n’est pas partie à la Convention en ${year} (au 30 avril) : il ne peut appartenir à la population « ${population} »`,
              );
            }
            checkDuplicate(row, 'populations', [year, state, population]);
            if (row.valid) rows.push({ year, state, population });
          }
        }
        byTable.set(t, { file: t.table.file, kind: 'populations', rows });
        break;
      }
      case 'reports': {
        const rows: ReportRow[] = [];
        for (const record of t.table.records) {
          const row = new RowReader(t, record, problems);
          const year = row.read('year', readYear);
          const state = readKnownState(row);
          const receivedOn = row.read('received_on', (raw) =>
            isBlank(raw) ? { ok: false, message: 'date de réception manquante' } : readDate(raw),
          );
          const usedReportingGuide = row.read('used_reporting_guide', readBoolean);
          if (year !== undefined && state !== undefined) checkDuplicate(row, 'reports', [year, state]);
          if (
            row.valid &&
            year !== undefined &&
            state !== undefined &&
            receivedOn !== undefined &&
            usedReportingGuide !== undefined
          ) {
            rows.push({ year, state, receivedOn, usedReportingGuide });
          }
        }
        byTable.set(t, { file: t.table.file, kind: 'reports', rows });
        break;
      }
      case 'answers': {
        const rows: AnswerRow[] = [];
        for (const record of t.table.records) {
          const row = new RowReader(t, record, problems);
          const year = row.read('year', readYear);
          const state = readKnownState(row);
          const indicator = readKnownIndicator(row);
          if (indicator && (indicator.kind === 'figure' || indicator.kind === 'ratio')) {
            const what = indicator.kind === 'figure' ? 'un chiffre' : 'un ratio';
            row.problem(
              'indicator',
              `l’indicateur ${indicator.code} est ${what} : sa valeur se saisit dans figures.csv, pas comme réponse`,
            );
          } else if (indicator?.derivedFrom) {
            row.problem(
              'indicator',
              `l’indicateur ${indicator.code} est calculé à partir des rapports (reports.csv) : il ne se saisit pas comme réponse`,
            );
          }
          const answer = row.read('answer', readAnswer);
          const source = row.has('source') ? readOptionalText(row.raw('source')) : undefined;
          const note = row.has('note') ? readOptionalText(row.raw('note')) : undefined;
          if (year !== undefined && state !== undefined && indicator !== undefined) {
            checkDuplicate(row, 'answers', [year, state, indicator.code]);
          }
          if (row.valid && year !== undefined && state !== undefined && indicator && answer !== undefined) {
            rows.push({ year, state, indicator: indicator.code, answer, source, note });
          }
        }
        byTable.set(t, { file: t.table.file, kind: 'answers', rows });
        break;
      }
      case 'figures': {
        const rows: FigureRow[] = [];
        for (const record of t.table.records) {
          const row = new RowReader(t, record, problems);
          const year = row.read('year', readYear);
          const indicator = readKnownIndicator(row);
          if (indicator && indicator.kind !== 'figure' && indicator.kind !== 'ratio') {
            const from = indicator.derivedFrom ? 'des rapports (reports.csv)' : 'des réponses des États (answers.csv)';
            row.problem(
              'indicator',
              `l’indicateur ${indicator.code} se calcule à partir ${from} : il n’a pas de valeur dans figures.csv`,
            );
          }
          const value = row.read('value', readNumber);
          const denominator = isBlank(row.raw('denominator'))
            ? null
            : row.read('denominator', readDenominator);
          if (indicator?.kind === 'ratio' && denominator === null) {
            row.problem('denominator', `dénominateur manquant : l’indicateur ${indicator.code} est un ratio`);
          }
          if (indicator?.kind === 'figure' && denominator !== null) {
            row.problem(
              'denominator',
              `l’indicateur ${indicator.code} est un chiffre, sans dénominateur : laissez cette colonne vide`,
            );
          }
          if (year !== undefined && indicator !== undefined) checkDuplicate(row, 'figures', [year, indicator.code]);
          if (row.valid && year !== undefined && indicator && value !== undefined && denominator !== undefined) {
            rows.push({ year, indicator: indicator.code, value, denominator });
          }
        }
        byTable.set(t, { file: t.table.file, kind: 'figures', rows });
        break;
      }
    }
  }

  const files = tables.map((t) => byTable.get(t)).filter((f): f is ValidFile => f !== undefined);
  return files;
}

function readOptionalDate(raw: string): Cell<string | null> {
  return isBlank(raw) ? { ok: true, value: null } : readDate(raw);
}

function readDenominator(raw: string): Cell<number> {
  const cell = readNumber(raw);
  if (cell.ok && cell.value < 0) return { ok: false, message: `dénominateur négatif « ${raw.trim()} »` };
  return cell;
}

/**
 * Only populations entered per year take members; the others are computed
 * (docs/method.md#entered-populations).
 */
function readEnteredPopulation(raw: string, context: ExchangeContext): Cell<string> {
  const key = raw.trim().toLowerCase();
  if (key === '') return { ok: false, message: 'population manquante' };
  const entered = [...context.populations].filter(([, p]) => p.derivation === 'entered').map(([k]) => k);
  const population = context.populations.get(key);
  const derivedYes = population === undefined && parsePopulationRef(key)?.key === 'yes';
  if (population === undefined && !derivedYes) {
    return { ok: false, message: `population inconnue « ${raw.trim()} » (populations saisies : ${entered.join(', ')})` };
  }
  if (derivedYes || population?.derivation !== 'entered') {
    const how = {
      registry: 'à partir du registre des États',
      union: 'comme réunion d’autres populations',
      answers: 'à partir des réponses « oui » à un indicateur',
      entered: '',
    }[derivedYes ? 'answers' : (population?.derivation ?? 'answers')];
    return {
      ok: false,
      message: `la population « ${key} » est calculée ${how} : elle ne se saisit pas (populations saisies : ${entered.join(', ')})`,
    };
  }
  return { ok: true, value: key };
}
