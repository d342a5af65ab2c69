import type { Problem, Said } from './problems';

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
  const fail = (message: Said) => ({
    ok: false as const,
    problem: { file, line: header.line, column: { place: 'header' as const }, message },
  });

  const unnamed = names.indexOf('');
  if (unnamed >= 0) {
    return fail({ code: 'headerUnnamed', params: { position: unnamed + 1 } });
  }
  // Linear: a header may be far wider than any kind before it is refused below.
  const seen = new Set<string>();
  const repeated = names.find((name) => seen.has(name) || !seen.add(name));
  if (repeated !== undefined) return fail({ code: 'headerRepeated', params: { name: repeated } });

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
    return fail({ code: 'headerUnknown', params: { names: names.slice(0, SHOWN).join(','), more: more(names), expected } });
  }
  const missing = closest.missing.join(', ');
  const unknown = closest.unknown.slice(0, SHOWN).join(', ');
  const params = {
    missing,
    unknown,
    more: more(closest.unknown, ', '),
    file: DATA_KINDS[closest.kind].fileName,
    header: headerOf(closest.kind).join(','),
  };
  return fail({
    code:
      closest.missing.length && closest.unknown.length ? 'headerMissingExtra' : closest.missing.length ? 'headerMissing' : 'headerExtra',
    params,
  });
}

/** Names a message lists before saying how many more: it stays readable whatever the header. */
const SHOWN = 10;

/** « ,… (3 de plus) » after the first SHOWN names, or nothing. */
function more(names: string[], separator = ','): Said | string {
  const count = names.length - SHOWN;
  return count > 0 ? { code: 'headerMore', params: { separator, extra: count } } : '';
}
