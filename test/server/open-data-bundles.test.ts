import request from 'supertest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Express } from 'express';
import type { Db } from '../../db/client';
import { readReleaseHistory } from '../../db/queries/releases';
import { readCsv } from '../../server/domain/exchange/csv';
import { ARCHIVE_README } from '../../server/presenters/open-data-archive';
import { CATALOGUE_SHEET } from '../../server/presenters/open-data-workbook';
import { testApp } from '../helpers/context';
import { fragment, hrefsOf, htmlProblems } from '../helpers/html';
import { demoDatabase } from '../helpers/pages';

jest.setTimeout(120_000);

/** A binary body as a Buffer (supertest leaves it as text unless told). */
const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

async function download(app: Express, url: string): Promise<{ body: Buffer; headers: Record<string, string> }> {
  const res = await request(app).get(url).buffer(true).parse(binary).expect(200);
  return { body: res.body, headers: res.headers };
}

function csvRecords(text: string): { header: string[]; rows: string[][] } {
  const read = readCsv('indicateurs.csv', text);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return { header: read.table.header.values, rows: read.table.records.map((r) => r.values) };
}

describe('indicateurs.xlsx and tout.zip with the demonstration data', () => {
  let db: Db;
  let app: Express;
  let page: string;
  beforeAll(async () => {
    ({ db, app } = testApp(demoDatabase()));
    page = (await request(app).get('/donnees/').expect(200)).text;
  });

  test('the page links both with their real size and the publication date, and stays valid HTML', async () => {
    expect(await htmlProblems(page)).toEqual([]);
    for (const [id, url] of [
      ['indicateurs-xlsx', '/donnees/indicateurs.xlsx'],
      ['tout-zip', '/donnees/tout.zip'],
    ] as const) {
      const section = fragment(page, `<section id="${id}"`, '</section>');
      const { body } = await download(app, url);
      expect(section).toContain(`data-bytes="${body.length}"`);
      expect(hrefsOf(section)).toContain(url);
      expect(section).toContain('données publiées le <time datetime="');
    }
  });

  test('the workbook has a sheet per published year and the catalogue, typed cells equal to the CSV, frozen headers with notes', async () => {
    const { body, headers } = await download(app, '/donnees/indicateurs.xlsx');
    expect(headers['content-type']).toContain('spreadsheetml');
    expect(headers['content-disposition']).toContain('indicateurs.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const years = [...readReleaseHistory(db).keys()].sort();
    expect(years.length).toBeGreaterThan(0);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([...years.map(String), CATALOGUE_SHEET]);

    const csv = csvRecords((await request(app).get('/donnees/indicateurs.csv').expect(200)).text);
    let numbers = 0;
    let percents = 0;
    for (const year of years) {
      const sheet = workbook.getWorksheet(String(year))!;
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const headerRow = sheet.getRow(1);
      expect(csv.header.map((_, i) => headerRow.getCell(i + 1).value)).toEqual(csv.header);
      expect(typeof headerRow.getCell(1).note).not.toBe('undefined');
      const expected = csv.rows.filter((r) => r[0] === String(year));
      expect(sheet.rowCount - 1).toBe(expected.length);
      expected.forEach((record, r) => {
        const row = sheet.getRow(r + 2);
        record.forEach((text, c) => {
          const value = row.getCell(c + 1).value;
          if (text === '') expect(value).toBeNull();
          else if (typeof value === 'number') {
            numbers++;
            expect(value).toBe(Number(text));
          } else expect(value).toBe(text);
        });
        const kind = record[csv.header.indexOf('kind')];
        const valueCell = row.getCell(csv.header.indexOf('value') + 1);
        if (kind === 'share' && typeof valueCell.value === 'number') {
          percents++;
          expect(valueCell.numFmt).toContain('%');
        }
      });
    }
    expect(numbers).toBeGreaterThan(0);
    expect(percents).toBeGreaterThan(0);
    const catalogue = workbook.getWorksheet(CATALOGUE_SHEET)!;
    expect(catalogue.rowCount - 1).toBe(new Set(csv.rows.map((r) => r[1])).size);
    expect(catalogue.getRow(2).getCell(2).value).toBe(1);
  });

  test('the archive holds every file the page links to, byte for byte, and a README listing them', async () => {
    const { body, headers } = await download(app, '/donnees/tout.zip');
    expect(headers['content-type']).toContain('application/zip');
    const zip = await JSZip.loadAsync(body);
    const readme = await zip.file(ARCHIVE_README)!.async('string');
    const links = [...new Set(hrefsOf(fragment(page, '<main', '</main>')).filter((h) => /\.(csv|json|xlsx)$/.test(h)))];
    expect(links.length).toBeGreaterThan(100);
    const byUrl = new Map([...readme.matchAll(/^- (\S+) — (\S+)$/gm)].map((m) => [m[2]!, m[1]!] as const));
    for (const link of links) {
      const path = byUrl.get(link);
      expect([link, path]).toEqual([link, expect.any(String)]);
      const entry = zip.file(path!);
      expect([link, entry]).toEqual([link, expect.anything()]);
      const served = (await download(app, link)).body;
      const archived = await entry!.async('nodebuffer');
      expect([link, archived.equals(served)]).toEqual([link, true]);
    }
    // Nothing in the archive that the README does not list.
    const entries = Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name);
    expect(entries.sort()).toEqual([ARCHIVE_README, ...byUrl.values()].sort());
  });

  test('both are built once per release: the same ETag, and a 304 for it', async () => {
    for (const url of ['/donnees/indicateurs.xlsx', '/donnees/tout.zip']) {
      const first = await request(app).get(url).expect(200);
      const etag = first.headers.etag!;
      expect(etag).toBeTruthy();
      const second = await request(app).get(url).expect(200);
      expect(second.headers.etag).toBe(etag);
      // Already compressed: sent as it is, whatever the client accepts.
      expect(second.headers['content-encoding']).toBeUndefined();
      await request(app).get(url).set('If-None-Match', etag).expect(304);
    }
  });
});

describe('before any publication', () => {
  test('the workbook has only the catalogue sheet and the archive only empty tables', async () => {
    const { app } = testApp();
    const xlsx = await download(app, '/donnees/indicateurs.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([CATALOGUE_SHEET]);
    const zip = await JSZip.loadAsync((await download(app, '/donnees/tout.zip')).body);
    const indicators = await zip.file('indicateurs.csv')!.async('string');
    expect(indicators.trim().split('\n')).toHaveLength(1);
    expect(await zip.file(ARCHIVE_README)!.async('string')).toContain('Aucune année n’est encore publiée');
  });
});
