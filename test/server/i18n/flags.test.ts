import request from 'supertest';
import { testApp } from '../../helpers/context';
import { demoDatabase } from '../../helpers/pages';
import { textOf } from '../../helpers/html';
import { foreignPhrases } from '../../helpers/foreign-phrases';

/**
 * The early warnings (action 47) are codes with their years (server/domain/engine/flags.ts), worded in
 * the page's language by presenters/flag-view.ts: the public State and States pages say them in
 * English and Spanish, French is unchanged, and the API's `message` follows `lang` beside the code.
 */

jest.setTimeout(120_000);

const { app } = testApp(demoDatabase());
const FRENCH = 'Aucun rapport au titre de l’article 7 en 2025 ni en 2026 malgré des obligations au titre des articles 3, 4 ou 5.';
const WORDS = {
  en: 'No Article 7 report in 2025 or in 2026 despite obligations under Article 3, 4 or 5.',
  es: 'Ningún informe en virtud del artículo 7 en 2025 ni en 2026 pese a tener obligaciones en virtud de los artículos 3, 4 o 5.',
};

async function flaggedState(): Promise<string> {
  const api = (await request(app).get('/api/v1/states?year=2026&lang=en').expect(200)).body;
  const flagged = api.states.find((s: { flags: unknown[] }) => s.flags.length > 0);
  expect(flagged).toBeDefined();
  // The API says it in the language asked for (French without `lang`), beside the code and the years.
  expect(flagged.flags[0]).toEqual({ code: 'no-report-two-years', action: 47, years: [2025, 2026], message: WORDS.en });
  const french = (await request(app).get('/api/v1/states?year=2026').expect(200)).body;
  expect(french.states.find((s: { iso3: string }) => s.iso3 === flagged.iso3).flags[0].message).toBe(FRENCH);
  return flagged.iso3;
}

describe('early warnings in the page’s language', () => {
  test('a flagged State’s page and the States list say the warning in English and Spanish, in French unchanged', async () => {
    const iso3 = await flaggedState();
    const french = textOf((await request(app).get(`/states/${iso3}?year=2026`).expect(200)).text);
    expect(french).toContain(FRENCH);
    for (const locale of ['en', 'es'] as const) {
      for (const path of [`/states/${iso3}?year=2026`, '/states?year=2026']) {
        const page = textOf((await request(app).get(`/${locale}${path}`).expect(200)).text);
        expect(page).toContain(WORDS[locale]);
        expect(page).not.toContain('Aucun rapport au titre');
        expect({ path, foreign: foreignPhrases(page, locale) }).toEqual({ path, foreign: [] });
      }
    }
    expect(textOf((await request(app).get('/states?year=2026').expect(200)).text)).toContain(FRENCH);
  });
});
