import type { Problem } from './problems';

import { DATA_KINDS, EXCHANGE_KINDS, type ExchangeKind } from '../data-kinds';

export { EXCHANGE_KINDS, type ExchangeKind };

export interface KindDefinition {
  /** The file name export writes and messages refer to. */
  fileName: string;
  /** Every column, in the order of docs/architecture.md#the-exchange-format: the header export writes. */
  columns: readonly string[];
  /** Columns a file may leave out. */
  optional: readonly string[];
  /** Columns that identify a row: two rows with the same key in one call are a duplicate. */
  key: readonly string[];
  /** French name of the rows, for the summary, and whether it is feminine (for agreement). */
  label: string;
  feminine: boolean;
}

/** The five exchange files (docs/architecture.md#the-exchange-format), as their descriptors (../data-kinds.ts) say. */
export const KINDS = Object.fromEntries(
  EXCHANGE_KINDS.map((kind) => {
    const { fileName, columns, key, label, feminine } = DATA_KINDS[kind];
    return [
      kind,
      {
        fileName,
        columns: columns.map((c) => c.name),
        optional: columns.filter((c) => c.optional).map((c) => c.name),
        key,
        label,
        feminine,
      },
    ];
  }),
) as unknown as Record<ExchangeKind, KindDefinition>;

/**
 * The columns of free text of each kind (a State's names, source, note): an XLSX cell in one of them
 * is read as the spreadsheet shows it, not as the number or date it stores (xlsx.ts). Codes (key
 * columns: iso3, state, indicator) keep the stored value: « 1.2 », not « 1,2 ».
 */
export const TEXT_COLUMNS = Object.fromEntries(
  EXCHANGE_KINDS.map((kind) => [
    kind,
    DATA_KINDS[kind].columns.filter((c) => c.shownAs === 'text' && !DATA_KINDS[kind].key.includes(c.name)).map((c) => c.name),
  ]),
) as unknown as Record<ExchangeKind, readonly string[]>;

export interface DetectedKind {
  kind: ExchangeKind;
  /** Position of each column of the kind in the file; absent optional columns are missing. */
  positions: Partial<Record<string, number>>;
}

/**
 * Knows the kind of a file from its header: names trimmed and case-insensitive, in any order. A
 * kind matches when the header holds all its required columns and nothing else; each kind has a
 * column no other kind has, so at most one matches.
 */
export function detectKind(
  file: string,
  header: { line: number; values: string[] },
): { ok: true; detected: DetectedKind } | { ok: false; problem: Problem } {
  const names = header.values.map((name) => name.trim().toLowerCase());
  const fail = (message: string) => ({
    ok: false as const,
    problem: { file, line: header.line, column: 'en-tête', message },
  });

  const unnamed = names.indexOf('');
  if (unnamed >= 0) {
    return fail(`la colonne n° ${unnamed + 1} de l’en-tête n’a pas de nom : nommez-la ou supprimez-la`);
  }
  // Linear: a header may be far wider than any kind before it is refused below.
  const seen = new Set<string>();
  const repeated = names.find((name) => seen.has(name) || !seen.add(name));
  if (repeated !== undefined) return fail(`colonne « ${repeated} » présente deux fois`);

  const fit = EXCHANGE_KINDS.map((kind) => {
    const def = KINDS[kind];
    return {
      kind,
      missing: def.columns.filter((c) => !def.optional.includes(c) && !names.includes(c)),
      unknown: names.filter((n) => !def.columns.includes(n)),
      common: names.filter((n) => def.columns.includes(n)).length,
    };
  });
  const match = fit.find((f) => f.missing.length === 0 && f.unknown.length === 0);
  if (match) {
    const positions: Partial<Record<string, number>> = {};
    names.forEach((name, i) => (positions[name] = i));
    return { ok: true, detected: { kind: match.kind, positions } };
  }

  // Name the closest kind, so that a typo in one column reads as such rather than as a riddle.
  const closest = [...fit].sort((a, b) => b.common - a.common)[0];
  if (!closest || closest.common === 0) {
    const expected = EXCHANGE_KINDS.map((k) => `${KINDS[k].fileName} : ${KINDS[k].columns.join(',')}`).join(' ; ');
    return fail(`en-tête non reconnu « ${abridged(names)} » (attendu l’un de : ${expected})`);
  }
  const details = [
    closest.missing.length ? `colonne(s) manquante(s) : ${closest.missing.join(', ')}` : '',
    closest.unknown.length ? `colonne(s) inconnue(s) : ${abridged(closest.unknown, ', ')}` : '',
  ].filter(Boolean);
  const def = KINDS[closest.kind];
  return fail(
    `en-tête non reconnu : ${details.join(' ; ')} (en-tête de ${def.fileName} : ${def.columns.join(',')})`,
  );
}

/** The first names of a list, then how many more: a message stays readable whatever the header. */
function abridged(names: string[], separator = ',', shown = 10): string {
  const more = names.length - shown;
  return names.slice(0, shown).join(separator) + (more > 0 ? `${separator}… (${more} de plus)` : '');
}
