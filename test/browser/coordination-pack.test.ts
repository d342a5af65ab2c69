import type { BrowserContext, Page } from 'playwright-core';
import { and, eq } from 'drizzle-orm';
import { withAudit } from '../../db/queries/audit';
import { readEngineData } from '../../server/domain/stored-data';
import { validateReports } from '../../db/queries/review';
import { answers, auditEntries, reports } from '../../db/schema';
import { readMeetingGuidelines } from '../../seed/meeting-guidelines';
import { EngineSnapshot } from '../../server/domain/engine/engine';
import type { MeetingDetails } from '../../server/domain/meetings/meeting-form';
import { speakerSource } from '../../server/domain/meetings/speaker-groups';
import { createMeeting } from '../../server/domain/meetings/store';
import { axeViolations, chromiumSuite, contextWithAxe, signInThroughForm, watchForErrors } from '../helpers/browser';
import { testApp } from '../helpers/context';
import { demoDatabase } from '../helpers/pages';
import { createTestUser } from '../helpers/session';

jest.setTimeout(300_000);

/** The pages of a PDF as Chromium writes it (its page objects, uncompressed). */
const pdfPageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

const YEAR = 2026;

/**
 * The demonstration data, dated before the previous Committee meeting, then a few changes inside
 * the window (a report received, a validation, an answer turned to yes), so that every part of
 * the pack has rows; a Committee meeting to come and an intersessional meeting after it.
 */
async function packApp() {
  const db = demoDatabase();
  await createTestUser(db, 'observateur@example.org', 'observer');
  db.update(auditEntries).set({ at: '2026-01-15T09:00:00.000Z' }).run();
  const engine = new EngineSnapshot(readEngineData(db));
  const year = engine.year(YEAR);
  const late = [...year.populations.get('party')].find((s) => engine.report(YEAR, s) === undefined);
  if (!late) throw new Error('the demonstration data has a 2026 report for every State Party');
  const turned = year.indicators.get('17.1')!.states!.no[0]!;
  const actor = { userId: null, label: 'uaa@example.org', origin: 'web' };
  withAudit(
    db,
    actor,
    (tx) => {
      tx.insert(reports).values({ year: YEAR, state: late, receivedOn: '2026-05-20', usedReportingGuide: true }).run();
      tx.update(answers)
        .set({ answer: 'yes' })
        .where(and(eq(answers.year, YEAR), eq(answers.state, turned), eq(answers.indicator, '17.1')))
        .run();
      validateReports(tx, [{ year: YEAR, state: late }], null, '2026-05-21T09:00:00.000Z');
    },
    { now: new Date('2026-05-21T09:00:00.000Z') },
  );
  const source = speakerSource(new EngineSnapshot(readEngineData(db)), readMeetingGuidelines());
  const meeting = (over: Partial<MeetingDetails>): number =>
    createMeeting(
      db,
      {
        kind: 'coordination',
        title: 'Comité de coordination',
        startsOn: '2026-03-10',
        endsOn: '2026-03-10',
        place: 'Genève',
        year: YEAR,
        agenda: '',
        ...over,
      },
      source,
      { userId: null },
    );
  const first = meeting({ title: 'Comité de coordination de mars' });
  const id = meeting({
    title: 'Comité de coordination de septembre',
    startsOn: '2026-09-15',
    endsOn: '2026-09-15',
    agenda: 'Ouverture\nExamen du dossier\nDivers',
  });
  meeting({ kind: 'intersessional', title: 'Réunions intersessions', startsOn: '2026-10-20', endsOn: '2026-10-22' });
  return { app: testApp(db).app, id, first };
}

describe('the Coordinating Committee’s pack in Chromium', () => {
  let packId = 0;
  let firstId = 0;
  const chromium = chromiumSuite(async () => {
    const { app, id, first } = await packApp();
    packId = id;
    firstId = first;
    return app;
  });
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    // One tab for the whole file, taken from page to page: a new tab costs a renderer process (test/helpers/browser.ts).
    context = await contextWithAxe(chromium.browser);
    page = await context.newPage();
    await signInThroughForm(page, chromium.url, 'observateur@example.org');
    errors = watchForErrors(page);
    const response = await page.goto(`${chromium.url}/espace/reunions/${packId}/dossier`);
    expect(response?.status()).toBe(200);
  });
  afterAll(async () => {
    await context?.close();
  });

  test('opens for a signed-in observer, with every part filled, without script or CSP error and without axe-core violation', async () => {
    expect(await page.locator('h1').textContent()).toContain('Dossier du Comité de coordination');
    expect(await page.locator('.pack-mechanism').count()).toBe(5);
    for (const part of ['.pack-overview', '.pack-figures', '.pack-reports', '.pack-changes', '.pack-flags', '.pack-agenda']) {
      expect(await page.locator(part).count()).toBeGreaterThan(0);
    }
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('prints on A4 without the site’s header, navigation and footer, each mechanism on a new page', async () => {
    const display = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).display);
    expect(await display('.site-header__inner')).not.toBe('none');
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header__inner', '.site-nav', '.site-footer', '.workspace-notice', '.toc', '.breadcrumb']) {
      expect([selector, await display(selector)]).toEqual([selector, 'none']);
    }
    // The demonstration notice is printed: the figures are fictitious.
    expect(await display('.demo-notice')).not.toBe('none');
    const breaks = await page.locator('.pack-mechanism').evaluateAll((sections) => sections.map((s) => getComputedStyle(s).breakBefore));
    expect(breaks).toEqual(Array(5).fill('page'));
    const pdf = await page.pdf({ format: 'A4' });
    // At least the overview, the lists and one per mechanism.
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(7);
    await page.emulateMedia({ media: 'screen' });
  });

  test('a year of activity (the first Committee meeting, since the demonstration data was loaded): the overview prints on one page, the whole pack under 30', async () => {
    const year = page;
    const yearErrors = watchForErrors(year);
    const response = await year.goto(`${chromium.url}/espace/reunions/${firstId}/dossier`);
    expect(response?.status()).toBe(200);
    // Every report of the demonstration data was received in the window: listed once each.
    expect(await year.locator('.pack-reports tbody tr').count()).toBeGreaterThan(100);
    expect(await axeViolations(year)).toEqual([]);
    await year.emulateMedia({ media: 'print' });
    const whole = pdfPageCount(await year.pdf({ format: 'A4' }));
    expect(whole).toBeLessThan(30);
    // The overview alone: what follows it taken out of the page.
    await year.evaluate(() => {
      const overview = document.querySelector('.pack-overview');
      let next = overview?.nextElementSibling ?? null;
      while (next) {
        const after = next.nextElementSibling;
        next.remove();
        next = after;
      }
    });
    expect(pdfPageCount(await year.pdf({ format: 'A4' }))).toBeLessThan(2);
    expect(yearErrors).toEqual([]);
  });
});
