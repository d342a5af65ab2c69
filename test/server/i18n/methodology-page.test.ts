import request from 'supertest';
import { testApp } from '../../helpers/context';
import { demoDatabase } from '../../helpers/pages';
import { fragment, htmlProblems, textOf } from '../../helpers/html';

/**
 * The method page in English and Spanish (docs/i18n.md#long-texts): its prose is its language's own
 * partial, no longer French marked `lang="fr"`, and every value it shows is the one the French page
 * computes, written in the page's language.
 */

const { app } = testApp(demoDatabase());
const pages = new Map<string, Promise<string>>();
const page = (path: string) => {
  if (!pages.has(path))
    pages.set(
      path,
      request(app)
        .get(path)
        .expect(200)
        .then((res) => res.text),
    );
  return pages.get(path)!;
};
const pathOf = (locale: 'fr' | 'en' | 'es') => (locale === 'fr' ? '/methodologie' : `/${locale}/methodologie`);

/** The cells of a table's body, row by row, as text. */
function cells(html: string, tableId: string): string[][] {
  const body = fragment(fragment(html, `<table class="data-table" id="${tableId}">`, '</table>'), '<tbody>', '</tbody>');
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<td>([^<]*)<\/td>/g)].map((c) => c[1]!));
}

/** Digits of a number written in any of the three languages (« 1 234,5 », “1,234.5”). */
const digits = (text: string) => text.replace(/\D/g, '');

const HEADINGS = {
  en: [
    '1. Years and sources',
    '2. Populations of States',
    '3. Formulas',
    'Like-for-like change',
    '5. Target and projection',
    'Graded progress',
    '9. Limitations',
  ],
  es: [
    '1. Los años y las fuentes',
    '2. Las poblaciones de Estados',
    '3. Las fórmulas',
    'La evolución a población constante',
    '5. La meta y la proyección',
    'El progreso graduado',
    '9. Los límites',
  ],
};

describe.each(['en', 'es'] as const)('/%s/methodologie', (locale) => {
  test('is in its language, with its headings, and no French block or notice', async () => {
    const html = await page(pathOf(locale));
    expect(html).toContain(`<html lang="${locale}">`);
    const headings = [...html.matchAll(/<h[23] id="[^"]+">([^<]+)<\/h[23]>/g)].map((m) => textOf(m[1]!));
    for (const heading of HEADINGS[locale]) expect(headings).toContain(heading);
    expect(html).not.toMatch(/<div class="untranslated"/);
    // The switcher names French in French (lang="fr"); the page's content has nothing in French.
    expect(fragment(html, '<main', '</main>')).not.toContain('lang="fr"');
    const main = textOf(fragment(html, '<main', '</main>'));
    const french = textOf(fragment(await page(pathOf('fr')), '<main', '</main>'));
    // Sentences of the French prose that must not survive in the translated page.
    for (const sentence of ['Les années et les sources', 'Un État sans rapport compte dans le dénominateur', 'Les limites'])
      expect({ french: french.includes(sentence), translated: main.includes(sentence) }).toEqual({ french: true, translated: false });
    expect(await htmlProblems(html)).toEqual([]);
  }, 60_000);

  test('shows the same computed values as the French page, in its own number format', async () => {
    const [french, translated] = await Promise.all([page(pathOf('fr')), page(pathOf(locale))]);
    for (const table of ['table-populations', 'table-populations-oui']) {
      const fr = cells(french, table);
      const other = cells(translated, table);
      expect(fr.length).toBeGreaterThan(0);
      // The descriptions are the catalogue's texts in each language; the sizes are numbers.
      expect(other.map((row) => row.slice(-2).map(digits))).toEqual(fr.map((row) => row.slice(-2).map(digits)));
    }
    const kindCounts = (html: string) =>
      [...html.matchAll(/<tr data-kind="(\w+)">\s*<th scope="row">[^<]*<\/th>\s*<td>(\d+)<\/td>/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(kindCounts(translated)).toEqual(kindCounts(french));
    expect(kindCounts(french)).toHaveLength(4);
    const alerts = (html: string) => fragment(html, '<span id="alertes-nombre">', '</span>');
    expect(alerts(translated)).toBe(alerts(french));
    const exampleValue = (html: string) => textOf(fragment(html, '<span class="indicator__value" id="exemple-valeur">', '</span>'));
    expect(digits(exampleValue(translated))).toBe(digits(exampleValue(french)));
    // The plan's indicators counted by grade in the latest published year, and the grading's thresholds.
    const gradeCounts = (html: string) => [...html.matchAll(/<span class="grade-counts__count">(\d+)<\/span>/g)].map((m) => m[1]);
    expect(gradeCounts(french).length).toBeGreaterThan(0);
    expect(gradeCounts(translated)).toEqual(gradeCounts(french));
    const thresholds = (html: string) => [...html.matchAll(/r ≥ ([\d.,]+)/g)].map((m) => m[1]!.replace(',', '.'));
    expect(thresholds(french)).toHaveLength(1);
    expect(thresholds(translated)).toEqual(thresholds(french));
    const lead = (html: string) => /<p class="lead">\D*(\d+)/.exec(html)?.[1];
    expect(lead(translated)).toBe(lead(french));
  }, 60_000);
});

test('numbers follow the page’s language: a percentage is « 45,5 % » in French, “45.5%” in English', async () => {
  const value = async (locale: 'fr' | 'en' | 'es') =>
    textOf(fragment(await page(pathOf(locale)), '<span class="indicator__value" id="exemple-valeur">', '</span>'));
  const [fr, en, es] = await Promise.all([value('fr'), value('en'), value('es')]);
  expect(fr).toMatch(/\d\u00a0%/);
  expect(en).toMatch(/\d%/);
  expect(es).toMatch(/\d\u00a0%/);
}, 60_000);
