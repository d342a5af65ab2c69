import type { Problem } from './problems';

import { DATA_KINDS, EXCHANGE_KINDS, headerOf, optionalColumns, type ExchangeKind } from '../data-kinds';

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
    const columns = headerOf(kind);
    return {
      kind,
      missing: columns.filter((c) => !optionalColumns(kind).includes(c) && !names.includes(c)),
      unknown: names.filter((n) => !columns.includes(n)),
      common: names.filter((n) => columns.includes(n)).length,
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
    const expected = EXCHANGE_KINDS.map((k) => `${DATA_KINDS[k].fileName} : ${headerOf(k).join(',')}`).join(' ; ');
    return fail(`en-tête non reconnu « ${abridged(names)} » (attendu l’un de : ${expected})`);
  }
  const details = [
    closest.missing.length ? `colonne(s) manquante(s) : ${closest.missing.join(', ')}` : '',
    closest.unknown.length ? `colonne(s) inconnue(s) : ${abridged(closest.unknown, ', ')}` : '',
  ].filter(Boolean);
  return fail(
    `en-tête non reconnu : ${details.join(' ; ')} (en-tête de ${DATA_KINDS[closest.kind].fileName} : ${headerOf(closest.kind).join(',')})`,
  );
}

/** The first names of a list, then how many more: a message stays readable whatever the header. */
function abridged(names: string[], separator = ',', shown = 10): string {
  const more = names.length - shown;
  return names.slice(0, shown).join(separator) + (more > 0 ? `${separator}… (${more} de plus)` : '');
}
