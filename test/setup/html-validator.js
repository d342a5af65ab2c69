/**
 * The pages' HTML checker, one per jest worker (test/setup/environment.js hands it to every test
 * file; test/helpers/html.ts is what tests call). Loaded under jest's per-file module registry, as it
 * was, each of the 36 files that validate pages loaded html-validate again, compiled its rule and
 * element schemas again and ran its code cold: about 37 of a whole run's 260 CPU-seconds of jest
 * workers. Here it is loaded once per worker, on the first page checked, and stays warm
 * (docs/performance.md). It keeps no state between two pages, so one file's pages cannot change
 * another's result.
 */
let validator = null;

const configuration = {
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
};

/** The html-validate messages for a page, as « line:col rule: message » strings (empty when valid). */
async function htmlProblems(html) {
  if (!validator) {
    const { HtmlValidate } = require('html-validate');
    validator = new HtmlValidate(configuration);
  }
  const report = await validator.validateString(html);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
}

module.exports = { htmlProblems };
