import type { Problem } from './problems';

export const EXCHANGE_KINDS = ['states', 'populations', 'reports', 'answers', 'figures'] as const;
export type ExchangeKind = (typeof EXCHANGE_KINDS)[number];

export interface KindDefinition {
  /** The file name export writes and messages refer to. */
  fileName: string;
  /** Every column, in the order of docs/architecture.md#the-exchange-format: the header export writes. */
  columns: readonly string[];
  /** Columns a file may leave out (absent: existing values are kept). */
  optional: readonly string[];
  /** Columns that identify a row: two rows with the same key in one call are a duplicate. */
  key: readonly string[];
  /** French name of the rows, for the summary, and whether it is feminine (for agreement). */
  label: string;
  feminine: boolean;
}

/** The five exchange files (docs/architecture.md#the-exchange-format). */
export const KINDS: Record<ExchangeKind, KindDefinition> = {
  states: {
    fileName: 'states.csv',
    columns: ['iso3', 'name_fr', 'name_en', 'party', 'party_from', 'party_until'],
    optional: ['party_from', 'party_until'],
    key: ['iso3'],
    label: 'États',
    feminine: false,
  },
  populations: {
    fileName: 'populations.csv',
    columns: ['year', 'state', 'population'],
    optional: [],
    key: ['year', 'state', 'population'],
    label: 'populations',
    feminine: true,
  },
  reports: {
    fileName: 'reports.csv',
    columns: ['year', 'state', 'received_on', 'used_reporting_guide'],
    optional: [],
    key: ['year', 'state'],
    label: 'rapports',
    feminine: false,
  },
  answers: {
    fileName: 'answers.csv',
    columns: ['year', 'state', 'indicator', 'answer', 'source', 'note'],
    optional: ['source', 'note'],
    key: ['year', 'state', 'indicator'],
    label: 'réponses',
    feminine: true,
  },
  figures: {
    fileName: 'figures.csv',
    columns: ['year', 'indicator', 'value', 'denominator'],
    optional: ['denominator'],
    key: ['year', 'indicator'],
    label: 'chiffres',
    feminine: false,
  },
};

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
