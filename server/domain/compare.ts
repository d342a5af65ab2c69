/** Orders that do not depend on the machine's locale, so that two runs sort alike. */

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
