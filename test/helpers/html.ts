import { HtmlValidate } from 'html-validate';

const validator = new HtmlValidate({
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

/** The html-validate messages for a page, as « line:col rule: message » strings (empty when valid). */
export async function htmlProblems(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
}
