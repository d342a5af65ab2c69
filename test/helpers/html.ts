/** What test/setup/environment.js puts on each test file's global object. */
type WorkerGlobal = typeof globalThis & { htmlProblemsOfWorker?: (html: string) => Promise<string[]> };

/**
 * The html-validate messages for a page, as « line:col rule: message » strings (empty when valid).
 * The checker is the jest worker's, loaded once outside the test file's modules
 * (test/setup/html-validator.js); its answer is copied into this file's own array.
 */
export async function htmlProblems(html: string): Promise<string[]> {
  const check = (globalThis as WorkerGlobal).htmlProblemsOfWorker;
  if (!check) throw new Error('htmlProblemsOfWorker manque : lancez les tests par jest (test/setup/environment.js le fournit).');
  return [...(await check(html))];
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#x27': "'",
  '#39': "'",
  '#x3D': '=',
  '#x60': '`',
  nbsp: '\u00a0',
};

/** The text of an HTML fragment: tags removed, entities decoded, runs of spaces and newlines (not no-break spaces) collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#x27|#39|#x3D|#x60|nbsp);/g, (_m, name: string) => ENTITIES[name] ?? '')
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
}

/** The HTML from the first occurrence of `start` to the next `end` after it (both included); throws when absent. */
export function fragment(html: string, start: string, end: string): string {
  const from = html.indexOf(start);
  if (from < 0) throw new Error(`« ${start} » is not in the page`);
  const to = html.indexOf(end, from + start.length);
  if (to < 0) throw new Error(`« ${end} » does not follow « ${start} »`);
  return html.slice(from, to + end.length);
}

/** The `href` values of the links in an HTML fragment, decoded. */
export function hrefsOf(html: string): string[] {
  return [...html.matchAll(/<a\s[^>]*href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&#x3D;/g, '='));
}
