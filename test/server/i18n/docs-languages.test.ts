import request from 'supertest';
import ExcelJS from 'exceljs';
import countries from 'i18n-iso-countries';
import { testApp } from '../../helpers/context';
import { demoDatabase } from '../../helpers/pages';
import { fragment, htmlProblems, textOf } from '../../helpers/html';
import { foreignPhrases } from '../../helpers/foreign-phrases';
import { readCsv } from '../../../server/domain/exchange/csv';
import { t } from '../../../server/i18n/translate';
import { releases, states } from '../../../db/schema';

jest.setTimeout(180_000);

/**
 * The API's documentation, the open-data column documentation, reponses.csv's State names, the share
 * cards and the error pages in each language (docs/i18n.md): English and Spanish with none of the French
 * file's phrases, French as it was.
 */

const { db, app } = testApp(demoDatabase());

const OTHERS = ['en', 'es'] as const;

/**
 * The words of a page, without what is data rather than words: codes (field and column names, the
 * answers' examples) and the notes the publisher typed with each release (the demonstration's are French).
 */
function wordsOf(html: string): string {
  const notes = db
    .select({ note: releases.note })
    .from(releases)
    .all()
    .flatMap((r) => (r.note ? [r.note] : []));
  let text = textOf(html.replace(/<code>[\s\S]*?<\/code>/g, ' | '));
  for (const note of notes) text = text.split(note).join(' ');
  return text;
}

/** A `lang="fr"` mark inside the page's main content (the switcher's « Français » rightly has one). */
const frenchMarks = (html: string) => fragment(html, '<main', '</main>').match(/\slang="fr"/g) ?? [];

type Described = Record<string, unknown>;

/** Every `description` of a document, at any depth. */
function descriptions(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(descriptions);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Described).flatMap(([k, v]) => (k === 'description' && typeof v === 'string' ? [v] : descriptions(v)));
}

describe('the API documentation in each language', () => {
  test.each(OTHERS)('/%s/donnees/api is wholly in its language, without lang="fr" marks or the French-only notice', async (locale) => {
    const html = (await request(app).get(`/${locale}/donnees/api`).expect(200)).text;
    expect(frenchMarks(html)).toEqual([]);
    expect(await htmlProblems(html)).toEqual([]);
    // The page is generated from the document in its language, which it links to.
    expect(html.replace(/&#x3D;/g, '=')).toContain(`href="/api/v1/openapi.json?lang=${locale}"`);
    const text = textOf(html);
    expect(foreignPhrases(wordsOf(html), locale)).toEqual([]);
    // The document's own words, the page's words about types, and the example of an error, in the language.
    expect(text).toContain(t(locale, 'openApi.field.revision'));
    expect(text).toContain(t(locale, 'openApi.info.summary'));
    expect(text).toContain(t(locale, 'apiDoc.listOf', { type: t(locale, 'apiDoc.types.string') }));
    expect(text).not.toContain(t('fr', 'openApi.field.revision'));
  });

  test('the French page keeps its French descriptions', async () => {
    const text = textOf((await request(app).get('/donnees/api').expect(200)).text);
    expect(text).toContain('Numéro de la révision de l’année (1 pour la première publication)');
    expect(text).toContain('Année de rapport (2025–2029)');
    expect(text).toContain('liste de texte');
  });

  test('openapi.json answers in the language asked for, each its own cached answer', async () => {
    const fr = await request(app).get('/api/v1/openapi.json').expect(200);
    const en = await request(app).get('/api/v1/openapi.json?lang=en').expect(200);
    const es = await request(app).get('/api/v1/openapi.json?lang=es').expect(200);
    expect([fr.headers['content-language'], en.headers['content-language'], es.headers['content-language']]).toEqual(['fr', 'en', 'es']);
    expect(new Set([fr.headers.etag, en.headers.etag, es.headers.etag]).size).toBe(3);
    const year = (body: { components: { schemas: { Indicators: { properties: { year: { description: string } } } } } }) =>
      body.components.schemas.Indicators.properties.year.description;
    expect(year(fr.body)).toBe('Année de rapport (2025–2029)');
    expect(year(en.body)).toBe('Reporting year (2025–2029)');
    expect(year(es.body)).toBe('Año de informe (2025–2029)');
    expect((en.body as { info: { title: string } }).info.title).toBe(t('en', 'openApi.info.title'));
    for (const body of [fr.body, en.body, es.body]) {
      // Every description worded: no key left as it is.
      expect(descriptions(body).filter((d) => d.startsWith('openApi.'))).toEqual([]);
    }
    expect(foreignPhrases(descriptions(en.body).join('\n'), 'en')).toEqual([]);
    expect(foreignPhrases(descriptions(es.body).join('\n'), 'es')).toEqual([]);
    // An example of an error is the message the API gives in that language.
    const example = (en.body as { paths: Record<string, { get: { responses: Record<string, Described> } }> }).paths['/indicators/{code}']!
      .get.responses['404'] as { content: { 'application/json': { example: { error: { message: string } } } } };
    expect(example.content['application/json'].example.error.message).toBe('No indicator has the code “99.9”.');
    await request(app).get('/api/v1/openapi.json?lang=de').expect(400);
  });

  test('the API’s errors are in the language asked for', async () => {
    const year = await request(app).get('/api/v1/indicators?year=2031&lang=en').expect(400);
    expect(year.body.error.message).toBe('The year “2031” is not a year of the plan: give a year from 2025 to 2029.');
    const french = await request(app).get('/api/v1/indicators?year=2031').expect(400);
    expect(french.body.error.message).toBe('L’année « 2031 » n’est pas une année du plan : indiquez une année de 2025 à 2029.');
    const code = await request(app).get('/api/v1/indicators/99.9?lang=es').expect(404);
    expect(code.body.error.message).toBe('Ningún indicador tiene el código «99.9».');
    const unknown = await request(app).get('/api/v1/nothing?lang=en').expect(404);
    expect(unknown.body.error.message).toBe('No resource of the API matches /nothing.');
  });
});

describe('the open-data page’s column documentation in each language', () => {
  test.each(OTHERS)('/%s/donnees/ documents every column in its language', async (locale) => {
    const html = (await request(app).get(`/${locale}/donnees/`).expect(200)).text;
    expect(frenchMarks(html)).toEqual([]);
    const text = textOf(html);
    expect(foreignPhrases(wordsOf(html), locale)).toEqual([]);
    // The exchange files' columns, from the data-kinds descriptors, and the indicator columns, with computed years.
    expect(text).toContain(t(locale, 'columns.exchange.partyFrom'));
    expect(text).toContain(t(locale, 'columns.files.figures'));
    expect(text).toContain(t(locale, 'columns.indicator.baseline.meaning', { baseline: 2025 }));
    expect(text).toContain(t(locale, 'columns.answer.stateNameEn.meaning'));
    expect(text).not.toContain(t('fr', 'columns.exchange.partyFrom'));
  });

  test('the French page is unchanged where nothing changed, and documents the new name columns', async () => {
    const html = (await request(app).get('/donnees/').expect(200)).text;
    const text = textOf(html);
    expect(text).toContain('Date d’entrée en vigueur de la Convention pour l’État');
    expect(text).toContain('Valeur de référence : la valeur 2025 publiée');
    expect(text).toContain('Nom de l’État en français, dans le registre publié avec l’année');
    for (const column of ['state_name_en', 'state_name_es']) expect(html).toContain(`<code>${column}</code>`);
  });
});

describe('reponses.csv', () => {
  test('gives the State’s name in French, English and Spanish, from the published registry', async () => {
    const csv = (await request(app).get('/donnees/reponses.csv').expect(200)).text;
    const read = readCsv('reponses.csv', csv);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const header = read.table.header.values;
    expect(header.slice(0, 5)).toEqual(['year', 'state', 'state_name', 'state_name_en', 'state_name_es']);
    const rows = read.table.records.map((r) => Object.fromEntries(header.map((h, i) => [h, r.values[i] ?? ''])));
    expect(rows.length).toBeGreaterThan(0);
    const registry = new Map(
      db
        .select()
        .from(states)
        .all()
        .map((s) => [s.iso3, s]),
    );
    for (const row of rows) {
      const state = registry.get(row.state!)!;
      expect([row.state, row.state_name, row.state_name_en]).toEqual([state.iso3, state.nameFr, state.nameEn]);
      expect(row.state_name_es).toBe(countries.getName(state.iso3, 'es', { select: 'official' }) ?? state.nameEn);
    }
    // A State whose names differ in the three languages.
    const germany = rows.find((r) => r.state === 'DEU');
    if (germany) expect([germany.state_name, germany.state_name_en, germany.state_name_es]).toEqual(['Allemagne', 'Germany', 'Alemania']);
    expect(rows.some((r) => r.state_name !== r.state_name_en && r.state_name_en !== r.state_name_es)).toBe(true);
    // The same bytes at every language's address.
    expect((await request(app).get('/en/donnees/reponses.csv').expect(200)).text).toBe(csv);
  });
});

describe('indicateurs.json', () => {
  test('says what it is in French, then in English and Spanish under translations', async () => {
    const json = (await request(app).get('/donnees/indicateurs.json').expect(200)).body as {
      title: string;
      citation: string;
      translations: Record<string, { title: string; source: string; citation: string }>;
    };
    expect(json.title).toBe('Valeurs des indicateurs du Plan d’action de Siem Reap-Angkor, par année publiée');
    expect(Object.keys(json.translations)).toEqual(['en', 'es']);
    expect(json.translations.en!.title).toBe(t('en', 'openData.jsonTitle'));
    expect(json.translations.es!.source).toBe(t('es', 'openData.jsonSource'));
    // The same date as the French citation, written the English way.
    expect(json.citation).toMatch(/^Source : .*, données publiées le \d/);
    expect(json.translations.en!.citation).toMatch(/^Source: .*, data published on \d{1,2} [A-Z][a-z]+ \d{4}\.$/);
  });
});

describe('indicateurs.xlsx', () => {
  test('each header’s note documents its column in French, then English, then Spanish', async () => {
    const { body } = await request(app)
      .get('/donnees/indicateurs.xlsx')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body);
    const noteOf = (sheet: ExcelJS.Worksheet, column: string) => {
      const header = sheet.getRow(1);
      const values = header.values as unknown[];
      const note = header.getCell(values.indexOf(column)).note;
      return typeof note === 'string' ? note : (note?.texts ?? []).map((part) => part.text).join('');
    };
    const year = workbook.worksheets[0]!;
    const meaning = (locale: 'fr' | 'en' | 'es') => t(locale, 'columns.indicator.baseline.meaning', { baseline: 2025 });
    expect(noteOf(year, 'baseline').split('\n\n')).toEqual([
      expect.stringContaining(meaning('fr')),
      `${t('en', 'columns.noteIn.en')} ${meaning('en')}. ${t('en', 'columns.indicator.baseline.values', { baseline: 2025 })}.`,
      expect.stringContaining(`${t('es', 'columns.noteIn.es')} ${meaning('es')}`),
    ]);
    const catalogue = workbook.getWorksheet('Catalogue')!;
    expect(noteOf(catalogue, 'translation_en')).toContain('In English: Status of the row’s texts in English');
    expect(noteOf(catalogue, 'kind').startsWith('Nature de l’indicateur : share (')).toBe(true);
  });
});

describe('share cards and embeds in the page’s language', () => {
  test('an English page points to the English card, which is drawn apart from the French one', async () => {
    const page = (await request(app).get('/en/indicators/1.1').expect(200)).text.replace(/&#x3D;/g, '=');
    expect(page).toContain('/partage/indicators/1.1/carte.png?lang=en"');
    const french = (await request(app).get('/indicators/1.1').expect(200)).text;
    expect(french).toContain('/partage/indicators/1.1/carte.png"');
    const en = await request(app)
      .get('/partage/indicators/1.1/carte.png?lang=en')
      .expect(200)
      .expect('Content-Type', /image\/png/);
    const fr = await request(app).get('/partage/indicators/1.1/carte.png').expect(200);
    expect(Buffer.compare(en.body as Buffer, fr.body as Buffer)).not.toBe(0);
    await request(app).get('/partage/transparence/carte.png?lang=xx').expect(400);
  });

  test('an embed’s 404 is in the request’s language', async () => {
    const en = await request(app).get('/en/embed/indicators/99.9').expect(404);
    expect(textOf(en.text)).toContain('Indicator “99.9” does not exist in the Action Plan.');
    expect(foreignPhrases(textOf(en.text), 'en')).toEqual([]);
    const es = await request(app).get('/es/embed/actions/999').expect(404);
    expect(textOf(es.text)).toContain(t('es', 'notFound.action', { value: '999' }));
    const fr = await request(app).get('/embed/indicators/99.9').expect(404);
    expect(textOf(fr.text)).toContain('L’indicateur « 99.9 » n’existe pas dans le Plan d’action.');
  });
});

describe('errors in the request’s language', () => {
  test('a bad year on an English page is a 400 in English', async () => {
    const res = await request(app).get('/en/?year=2031').expect(400);
    expect(textOf(res.text)).toContain('The year “2031” is not a year of the plan: give a year from 2025 to 2029.');
    expect(foreignPhrases(textOf(res.text), 'en')).toEqual([]);
  });

  test('an expired form is refused in the page’s language', async () => {
    const es = await request(app).post('/es/deconnexion').type('form').send({ _csrf: 'falso' }).expect(403);
    expect(textOf(es.text)).toContain(t('es', 'errors.csrf'));
    const fr = await request(app).post('/deconnexion').type('form').send({ _csrf: 'faux' }).expect(403);
    expect(textOf(fr.text)).toContain('Ce formulaire a expiré ou ne provient pas de ce site : rien n’a été enregistré.');
  });
});
