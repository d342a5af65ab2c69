import type { BrowserContext } from 'playwright-core';
import type { Db } from '../../db/client';
import { readMeeting, readSpeakers } from '../../db/queries/meetings';
import { readMeetingGuidelines } from '../../seed/meeting-guidelines';
import { dataSource } from '../../server/data-source';
import { speakerSource } from '../../server/domain/meetings/speaker-groups';
import { createMeeting, saveGroup } from '../../server/domain/meetings/store';
import { Tab, axeViolations, chromiumSuite, contextWithAxe, submitSignIn } from '../helpers/browser';
import { testApp } from '../helpers/context';
import { demoDatabase } from '../helpers/pages';
import { createTestUser } from '../helpers/session';

jest.setTimeout(300_000);

/**
 * The briefing cards in Chromium, on the demonstration data: accessible on screen, and printed one
 * card per page without the site's header, menus and footer.
 */

/** A4 in PDF points, as Chromium writes the media box (210 × 297 mm). */
const A4_POINTS = [595, 842];

/** The media box of each page of a PDF, rounded to whole points (Chromium writes them uncompressed). */
function pdfPages(pdf: Buffer): number[][] {
  return [...pdf.toString('latin1').matchAll(/\/Type\s*\/Page\b[\s\S]*?\/MediaBox\s*\[([^\]]*)\]/g)].map((m) =>
    m[1]!
      .trim()
      .split(/\s+/)
      .slice(2)
      .map((n) => Math.round(Number(n))),
  );
}

/** The addresses of the links of a PDF. */
const pdfLinks = (pdf: Buffer): string[] => [...pdf.toString('latin1').matchAll(/\/URI\s*\(([^)]*)\)/g)].map((m) => m[1]!);

let meetingId = 0;
let presentVictims = 0;

/** The demo data, an observer, and the 2026 intersessional meeting with its first victims' speaker marked absent. */
async function makeApp() {
  const db: Db = demoDatabase();
  await createTestUser(db, 'observateur@example.org', 'observer');
  const view = dataSource(db)('workspace');
  meetingId = createMeeting(
    db,
    {
      kind: 'intersessional',
      title: 'Réunions intersessions 2026',
      startsOn: '2026-06-16',
      endsOn: '2026-06-19',
      place: 'Genève',
      year: 2026,
      agenda: '',
    },
    speakerSource(view.engine, readMeetingGuidelines()),
    { userId: null },
  );
  const rows = readSpeakers(db, meetingId).filter((r) => r.groupKey === 'victims');
  const saved = saveGroup(
    db,
    meetingId,
    readMeeting(db, meetingId)!.version,
    'victims',
    rows.map((r, i) => ({ ...r, absent: i === 0 })),
    { userId: null },
  );
  if (saved.kind !== 'saved') throw new Error('could not mark a speaker absent');
  presentVictims = rows.length - 1;
  return testApp(db).app;
}

describe('the briefing cards in Chromium', () => {
  const chromium = chromiumSuite(makeApp);
  let context: BrowserContext;
  // One tab, signed in, taken from page to page (test/helpers/browser.ts).
  const tab = new Tab(
    () => context,
    () => chromium.url,
  );

  beforeAll(async () => {
    context = await contextWithAxe(chromium.browser);
    const { page } = await tab.open('/connexion');
    await submitSignIn(page, 'observateur@example.org');
    await page.waitForURL(`${chromium.url}/espace`);
  });
  afterAll(async () => {
    await context?.close();
  });

  const open = (path: string) => tab.open(path);
  const cardsPath = (query = '') => `/espace/reunions/${meetingId}/fiches${query}`;

  // Each page is loaded once: axe-core, then what it prints. The whole meeting's cards (over a
  // hundred) are the one printed to PDF; a group's cards are the same cards in the same stylesheet.
  test('every card: HTTP 200, no script or CSP error, no axe-core violation; printed, each on exactly one A4 page (item 4 included), without the site’s links', async () => {
    const { page, errors, status } = await open(cardsPath());
    expect(status).toBe(200);
    const cards = await page.locator('.briefing-card').count();
    expect(cards).toBeGreaterThan(100);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(cards);
    for (const box of pages) expect(box).toEqual(A4_POINTS);
    expect(pdfLinks(pdf).filter((uri) => /\/(sections|committees|transparence|donnees)\b/.test(uri))).toEqual([]);
  });

  test('the cards of one group: HTTP 200, no script or CSP error, no axe-core violation; printed, no site header, menus, footer or page header, and every card starts a new page', async () => {
    const { page, errors, status } = await open(cardsPath('?groupe=victims'));
    expect(status).toBe(200);
    const cards = page.locator('.briefing-card');
    expect(await cards.count()).toBe(presentVictims);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    const display = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).display);
    const breaks = () => cards.evaluateAll((list) => list.map((el) => [getComputedStyle(el).breakBefore, getComputedStyle(el).breakAfter]));

    // On screen, the header and the page's own instructions are there.
    for (const selector of ['.site-header', '.site-footer', '.briefing-screen']) expect(await display(selector)).not.toBe('none');

    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.site-nav', '.site-footer', '.briefing-screen', '.skip-link'])
      expect(await display(selector)).toBe('none');
    const printed = await breaks();
    expect(printed).toHaveLength(presentVictims);
    for (const [before, after] of printed) expect([before, after]).toContain('page');
    for (const selector of ['.briefing-card h2', '.briefing-card__tally']) expect(await display(selector)).not.toBe('none');
  });

  test('the full detail of a card, from its link: HTTP 200, every answer, no script or CSP error, and no axe-core violation', async () => {
    // The link as the server sent it in the group's page (read, not rendered: the test above renders that page).
    const group = await context.request.get(`${chromium.url}${cardsPath('?groupe=victims')}`);
    expect(group.status()).toBe(200);
    const href = /class="briefing-card__more"><a href="([^"]*)"/.exec(await group.text())?.[1]?.replace(/&amp;/g, '&');
    expect(href).toMatch(/\?groupe=victims&etat=[A-Z]{3}$/);
    const { page, errors, status } = await open(href!);
    expect(status).toBe(200);
    expect(await page.locator('.briefing-card').count()).toBe(1);
    expect(await page.locator('.briefing-card__answers tbody tr').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
