import request from 'supertest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Express } from 'express';
import { ARCHIVE_README } from '../../server/presenters/open-data-archive';
import { CATALOGUE_SHEET } from '../../server/presenters/open-data-workbook';
import { testApp } from '../helpers/context';
import { demoDatabase } from '../helpers/pages';

jest.setTimeout(120_000);

const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};
const download = async (app: Express, url: string): Promise<Buffer> =>
  (await request(app).get(url).buffer(true).parse(binary).expect(200)).body as Buffer;

interface ApiCatalogue {
  translation: string;
  sections: { number: string; title: string }[];
  actions: { number: number; text: string; indicators: { code: string; text: string }[] }[];
}

/** Open data in three languages (docs/i18n.md#files): one file for every language, texts in columns per language. */
describe('open-data files and languages, with the demonstration data', () => {
  let app: Express;
  beforeAll(() => {
    ({ app } = testApp(demoDatabase()));
  });

  test('every file is the same bytes at /donnees/, /en/donnees/ and /es/donnees/: the same numbers in every language', async () => {
    for (const file of ['indicateurs.csv', 'indicateurs.json', 'reponses.csv', 'indicateurs.xlsx']) {
      const french = await download(app, `/donnees/${file}`);
      expect(french.length).toBeGreaterThan(100);
      for (const prefix of ['/en', '/es'])
        expect([file, prefix, (await download(app, `${prefix}/donnees/${file}`)).equals(french)]).toEqual([file, prefix, true]);
    }
  });

  test('the workbook’s catalogue sheet gives each text in English and Spanish beside the French, with the unofficial mark', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(app, '/donnees/indicateurs.xlsx')) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(CATALOGUE_SHEET)!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    // The French columns keep their names and places; the other languages follow.
    expect(header.slice(0, 9)).toEqual([
      'indicator',
      'action',
      'section',
      'section_title',
      'action_text',
      'indicator_text',
      'kind',
      'population',
      'direction',
    ]);
    expect(header.slice(9)).toEqual([
      'section_title_en',
      'action_text_en',
      'indicator_text_en',
      'translation_en',
      'section_title_es',
      'action_text_es',
      'indicator_text_es',
      'translation_es',
    ]);
    expect(JSON.stringify(sheet.getRow(1).getCell(header.indexOf('translation_en') + 1).note)).toContain('non officielle');

    const catalogues = {
      fr: (await request(app).get('/api/v1/catalogue').expect(200)).body as ApiCatalogue,
      en: (await request(app).get('/api/v1/catalogue?lang=en').expect(200)).body as ApiCatalogue,
      es: (await request(app).get('/api/v1/catalogue?lang=es').expect(200)).body as ApiCatalogue,
    };
    expect(catalogues.en.translation).toBe('unofficial');
    const indicators = (c: ApiCatalogue) => new Map(c.actions.flatMap((a) => a.indicators.map((i) => [i.code, { ...i, action: a.text }])));
    const texts = { fr: indicators(catalogues.fr), en: indicators(catalogues.en), es: indicators(catalogues.es) };
    const rows = sheet.getRows(2, sheet.rowCount - 1)!;
    expect(rows).toHaveLength(texts.fr.size);
    let differing = 0;
    for (const row of rows) {
      const cell = (name: string) => row.getCell(header.indexOf(name) + 1).value;
      const code = cell('indicator') as string;
      expect(cell('indicator_text')).toBe(texts.fr.get(code)!.text);
      for (const locale of ['en', 'es'] as const) {
        expect([code, cell(`indicator_text_${locale}`)]).toEqual([code, texts[locale].get(code)!.text]);
        expect([code, cell(`action_text_${locale}`)]).toEqual([code, texts[locale].get(code)!.action]);
        expect([code, cell(`translation_${locale}`)]).toEqual([code, 'unofficial']);
        const section = catalogues[locale].sections.find((s) => s.number === cell('section'));
        expect(cell(`section_title_${locale}`)).toBe(section!.title);
      }
      if (cell('indicator_text_en') !== cell('indicator_text') && cell('indicator_text_es') !== cell('indicator_text_en')) differing++;
    }
    expect(differing).toBeGreaterThan(rows.length / 2);
  });

  test('the archive’s README is in French, English and Spanish, and says the translations are unofficial', async () => {
    const zip = await JSZip.loadAsync(await download(app, '/donnees/tout.zip'));
    const readme = await zip.file(ARCHIVE_README)!.async('string');
    const french = readme.indexOf('Données ouvertes du tableau de bord');
    const english = readme.indexOf('Open data of the Siem Reap-Angkor Action Plan dashboard');
    const spanish = readme.indexOf('Datos abiertos del tablero');
    expect(french).toBe(0);
    expect(english).toBeGreaterThan(french);
    expect(spanish).toBeGreaterThan(english);
    expect(readme).toContain('on the dashboard’s page /en/donnees/');
    expect(readme).toContain('sur la page /donnees/ du tableau de bord');
    expect(readme).toContain('Les textes anglais du catalogue sont une traduction non officielle du projet');
    expect(readme).toContain('The catalogue’s Spanish texts are the project’s own unofficial translation');
    expect(readme).toContain('Los textos ingleses del catálogo son una traducción no oficial');
    expect(readme).toContain('Demonstration data: these figures are made up');
  });
});

describe('before any translation is loaded', () => {
  test('the mark says the texts are left in French, never passed off as translated', async () => {
    const { app, db } = testApp();
    db.$client.exec('DELETE FROM catalogue_texts; DELETE FROM catalogue_translations;');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(app, '/donnees/indicateurs.xlsx')) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(CATALOGUE_SHEET)!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const row = sheet.getRow(2);
    expect(row.getCell(header.indexOf('translation_en') + 1).value).toBe('untranslated');
    expect(row.getCell(header.indexOf('indicator_text_en') + 1).value).toBe(row.getCell(header.indexOf('indicator_text') + 1).value);
    const readme = await (await JSZip.loadAsync(await download(app, '/donnees/tout.zip'))).file(ARCHIVE_README)!.async('string');
    expect(readme).not.toContain('non officielle');
  });
});
