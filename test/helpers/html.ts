import type { HtmlValidate } from 'html-validate';

let validator: HtmlValidate | null = null;

/**
 * html-validate, loaded and configured on the first page checked: it takes about 0.3 s of a test
 * file's start under jest, and several files import this module for textOf and fragment only.
 */
function htmlValidator(): HtmlValidate {
  if (validator) return validator;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy import; `import()` would change nothing here but add a promise
  const { HtmlValidate: Validator } = require('html-validate') as typeof import('html-validate');
  validator = new Validator({
    extends: ['html-validate:recommended'],
    rules: {
      // French typography: « » and the typographic apostrophe are intended.
      'no-raw-characters': 'off',
      // Whitespace left by template blocks and long page titles are not errors for a reader.
      'no-trailing-whitespace': 'off',
      'long-title': 'off',
      // HTML allows any id without spaces; indicator codes contain dots (#indicateur-15.2).
      'valid-id': ['error', { relaxed: true }],
    },
  });
  return validator;
}

/** The html-validate messages for a page, as « line:col rule: message » strings (empty when valid). */
export async function htmlProblems(html: string): Promise<string[]> {
  const report = await htmlValidator().validateString(html);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
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
