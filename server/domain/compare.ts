/** Orders that do not depend on the machine's locale, so that two runs sort alike. */

/** Plain code-point order: locale-independent, hence the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Codes whose parts are kept: the catalogue has 106, so the bound only matters for hostile input. */
const PARTS_KEPT = 1000;
const partsByCode = new Map<string, number[]>();

/**
 * A code's numeric parts, read once: the public data sorts tens of thousands of answers by
 * indicator, and splitting both codes at each comparison was most of that sort's time.
 */
function partsOf(code: string): number[] {
  let parts = partsByCode.get(code);
  if (!parts) {
    parts = code.split('.').map(Number);
    if (partsByCode.size < PARTS_KEPT) partsByCode.set(code, parts);
  }
  return parts;
}

/** Indicator codes in numeric order: 5.4 before 5.10, 8 before 11. */
export function compareCodes(a: string, b: string): number {
  const pa = partsOf(a);
  const pb = partsOf(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return compareText(a, b);
}
