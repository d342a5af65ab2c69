import fs from 'node:fs';
import path from 'node:path';
import { LOCALES, type Locale } from '../../../server/i18n/locale';
import { MESSAGES, t } from '../../../server/i18n/translate';

/**
 * The message files (docs/i18n.md): the same keys in every language, every plural form each
 * language's CLDR rules ask for, no key the code never names and no key named in code that a file
 * lacks. A key is « named » when it is written in full, in quotes, in server/ or views/: dynamic keys
 * are listed in full in a constant, so that this test sees them.
 */

const ROOT = path.join(__dirname, '..', '..', '..');
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(messages: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(messages)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (typeof value === 'string') out.set(key, value);
    else if (value && typeof value === 'object') for (const [k, v] of flatten(value as Record<string, unknown>, key)) out.set(k, v);
    else throw new Error(`${key}: ni texte ni groupe`);
  }
  return out;
}

const flat = Object.fromEntries(LOCALES.map((l) => [l, flatten(MESSAGES[l])])) as Record<Locale, Map<string, string>>;
const baseKey = (key: string) => key.replace(PLURAL, '');
const bases = (locale: Locale) => new Set([...flat[locale].keys()].map(baseKey));
const pluralBases = (locale: Locale) => new Set([...flat[locale].keys()].filter((k) => PLURAL.test(k)).map(baseKey));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'messages' ? [] : sourceFiles(rel);
    return /\.(ts|hbs)$/.test(entry.name) ? [rel] : [];
  });
}

const areas = new Set(Object.keys(MESSAGES.fr));
/** Every quoted string in server/ and views/ that looks like a key of one of the files' areas. */
const named = new Set(
  ['server', 'views']
    .flatMap(sourceFiles)
    .flatMap((file) =>
      [...fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(/['"`]([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_]+)+)['"`]/g)]
        .map((m) => m[1]!)
        .filter((key) => areas.has(key.split('.')[0]!)),
    ),
);

/** The plural categories a language uses for whole counts from 0 to 1000 (French and Spanish « many » is for millions). */
function categories(locale: Locale): string[] {
  const rules = new Intl.PluralRules(locale);
  return [...new Set(Array.from({ length: 1001 }, (_, n) => rules.select(n)))].sort();
}

describe('message files', () => {
  test.each(LOCALES.filter((l) => l !== 'fr'))('%s has exactly the keys of the French source', (locale) => {
    expect([...bases(locale)].sort()).toEqual([...bases('fr')].sort());
  });

  test.each(LOCALES)('%s has every plural form its rules ask for, for every plural message', (locale) => {
    const missing = [...pluralBases(locale)].flatMap((key) =>
      categories(locale)
        .filter((c) => !flat[locale].has(`${key}_${c}`))
        .map((c) => `${key}_${c}`),
    );
    expect(missing).toEqual([]);
  });

  test.each(LOCALES)('%s has no empty message and keeps the French variables', (locale) => {
    const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
    for (const [key, text] of flat[locale]) {
      expect(text.trim()).not.toBe('');
      const source = flat.fr.get(key) ?? flat.fr.get(`${baseKey(key)}_other`) ?? '';
      expect({ key, variables: variables(text).filter((v) => v !== 'count') }).toEqual({
        key,
        variables: variables(source).filter((v) => v !== 'count'),
      });
    }
  });

  test('every key the code names is in the files', () => {
    expect([...named].filter((key) => !bases('fr').has(key)).sort()).toEqual([]);
  });

  test('every key in the files is named by the code', () => {
    expect([...bases('fr')].filter((key) => !named.has(key)).sort()).toEqual([]);
  });

  test('plurals follow each language’s rules', () => {
    expect(t('fr', 'header.drafts', { count: 1 })).toBe('1 rapport en brouillon (non validé)');
    expect(t('fr', 'header.drafts', { count: 3 })).toBe('3 rapports en brouillon (non validés)');
    expect(t('en', 'header.drafts', { count: 1 })).toBe('1 draft report (not validated)');
    expect(t('es', 'header.drafts', { count: 2 })).toBe('2 informes en borrador (no validados)');
  });
});
