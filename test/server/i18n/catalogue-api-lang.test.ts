import request from 'supertest';
import { eq, and } from 'drizzle-orm';
import { testApp, seededDatabase } from '../../helpers/context';
import { catalogueTexts } from '../../../db/schema';
import { readCatalogueTranslation } from '../../../seed/catalogue-translations';
import { readSeedCatalogue } from '../../../seed/catalogue';

jest.setTimeout(120_000);

/** The catalogue API in each language (docs/i18n.md#the-catalogue-in-three-languages). */
describe('GET /api/v1/catalogue?lang= and /api/v1/indicators/CODE?lang=', () => {
  const { app } = testApp();
  const french = readSeedCatalogue();
  const translations = { en: readCatalogueTranslation('en')!, es: readCatalogueTranslation('es')! };

  test('French by default: the source text, verbatim, marked as the source', async () => {
    const res = await request(app).get('/api/v1/catalogue').expect(200);
    expect(res.headers['content-language']).toBe('fr');
    expect(res.body).toMatchObject({ language: 'fr', translation: 'source', untranslated: [] });
    expect(res.body.actions[0].text).toBe(french.actions[0]!.text);
    expect(res.body.populations[0]).toEqual({ key: 'party', name: 'États parties', description: french.populations[0]!.description });
  });

  test.each(['en', 'es'] as const)('in %s: every text translated, marked unofficial, in that language', async (lang) => {
    const res = await request(app).get(`/api/v1/catalogue?lang=${lang}`).expect(200);
    const translation = translations[lang];
    expect(res.headers['content-language']).toBe(lang);
    expect(res.body).toMatchObject({ language: lang, translation: 'unofficial', untranslated: [] });
    expect(res.body.sections.map((s: { title: string }) => s.title)).toEqual(
      french.sections.map((s) => translation.sections[s.number]!.title),
    );
    for (const action of res.body.actions as { number: number; text: string; indicators: { code: string; text: string }[] }[]) {
      expect(action.text).toBe(translation.actions[String(action.number)]);
      for (const indicator of action.indicators) expect(indicator.text).toBe(translation.indicators[indicator.code]);
    }
    expect(res.body.actions[20].indicators[0].provenance).toBe(translation.provenance['21']);
    expect(res.body.mechanisms.map((m: { name: string }) => m.name)).toEqual(
      french.mechanisms.map((m) => translation.mechanisms[m.id]!.name),
    );
    // Codes, kinds and links are the French catalogue's: only the words change.
    const fr = (await request(app).get('/api/v1/catalogue').expect(200)).body;
    const shape = (body: typeof fr) =>
      body.actions.map((a: { number: number; lead: string; indicators: { code: string; kind: string }[] }) => [
        a.number,
        a.lead,
        a.indicators.map((i) => `${i.code}:${i.kind}`),
      ]);
    expect(shape(res.body)).toEqual(shape(fr));
    expect(res.body.actions[0].text).not.toBe(fr.actions[0].text);
  });

  test('the words are those of each language (a Convention term each file uses)', async () => {
    const en = (await request(app).get('/api/v1/catalogue?lang=en').expect(200)).body;
    const es = (await request(app).get('/api/v1/catalogue?lang=es').expect(200)).body;
    expect(en.actions[0].indicators[0].text).toMatch(/^Percentage of affected States Parties/);
    expect(es.actions[0].indicators[0].text).toMatch(/^Porcentaje de Estados Partes afectados/);
    expect(en.populations.find((p: { key: string }) => p.key === 'party').name).toBe('States Parties');
    expect(es.populations.find((p: { key: string }) => p.key === 'party').name).toBe('Estados Partes');
  });

  test('an indicator in Spanish carries its text, the mark and its language', async () => {
    const res = await request(app).get('/api/v1/indicators/8.1?lang=es').expect(200);
    expect(res.headers['content-language']).toBe('es');
    expect(res.body).toMatchObject({
      code: '8.1',
      text: translations.es.indicators['8.1'],
      language: 'es',
      translation: 'unofficial',
      untranslated: [],
    });
    expect(res.body.years).toHaveLength(5);
  });

  test('a language not offered is a 400 in French that names the languages; nothing is cached under it', async () => {
    for (const url of ['/api/v1/catalogue?lang=de', '/api/v1/catalogue?lang=EN', '/api/v1/indicators/1.1?lang=english']) {
      const res = await request(app).get(url).expect(400);
      expect(res.body.error.message).toMatch(/n’est pas proposée : indiquez lang=fr, lang=en, lang=es/);
      expect(res.headers['content-language']).toBeUndefined();
    }
  });

  test('each language is its own cached answer, with its own ETag', async () => {
    const en = await request(app).get('/api/v1/catalogue?lang=en').expect(200);
    const es = await request(app).get('/api/v1/catalogue?lang=es').expect(200);
    expect(en.headers.etag).not.toBe(es.headers.etag);
    const again = await request(app).get('/api/v1/catalogue?lang=en').set('If-None-Match', en.headers.etag!).expect(304);
    expect(again.headers['content-language']).toBe('en');
  });

  test('a text the translation lacks shows in French, named in « untranslated »', async () => {
    const db = seededDatabase();
    db.delete(catalogueTexts)
      .where(and(eq(catalogueTexts.locale, 'en'), eq(catalogueTexts.entity, 'indicator'), eq(catalogueTexts.key, '30.4')))
      .run();
    const { app: partial } = testApp(db);
    const body = (await request(partial).get('/api/v1/catalogue?lang=en').expect(200)).body;
    expect(body.translation).toBe('unofficial');
    expect(body.untranslated).toEqual(['indicators.30.4']);
    const indicator = body.actions[29].indicators[3];
    expect(indicator.code).toBe('30.4');
    expect(indicator.text).toBe(french.actions[29]!.indicators[3]!.text);
    const detail = (await request(partial).get('/api/v1/indicators/30.4?lang=en').expect(200)).body;
    expect(detail.untranslated).toEqual(['indicators.30.4']);
    expect((await request(partial).get('/api/v1/indicators/30.3?lang=en').expect(200)).body.untranslated).toEqual([]);
  });
});
