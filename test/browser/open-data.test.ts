import { and, eq } from 'drizzle-orm';
import { answers } from '../../db/schema';
import { releaseYears } from '../../server/domain/releases/publish';
import { axeViolations, browserTabs, chromiumSuite } from '../helpers/browser';
import { correctAnswerToYes, testApp } from '../helpers/context';
import { demoDatabase } from '../helpers/pages';

jest.setTimeout(300_000);

describe('the open-data page (/donnees/) in Chromium', () => {
  const chromium = chromiumSuite(() => {
    // The demonstration data with a revision of 2026, so that the history shows what changed.
    const db = demoDatabase();
    const target = db
      .select()
      .from(answers)
      .where(and(eq(answers.year, 2026), eq(answers.indicator, '1.2'), eq(answers.answer, 'no')))
      .get()!;
    correctAnswerToYes(db, { year: 2026, state: target.state, indicator: '1.2' });
    releaseYears(db, [2026], { now: '2027-01-15T10:00:00.000Z', by: null, note: 'Correction' });
    return testApp(db).app;
  });
  const tabs = browserTabs(chromium);

  // One visit checks the page: axe-core with the list of per-indicator files open (what the closed
  // list shows is the same, unstyled by [open]: views/open-data.hbs, static/css/site.css), then the
  // phone's width.
  test('loads without console or page error, axe-core finds nothing with the list of per-indicator files open, and it does not scroll sideways on a phone', async () => {
    const { page, errors, status } = await tabs.open('/donnees/');
    expect(status).toBe(200);
    await page.waitForLoadState('load');
    expect(await page.locator('#publication-2026 table caption').innerText()).toBe('Valeurs modifiées par la révision 2 de 2026');
    const indicator = page.locator('.open-data__indicators a', { hasText: 'Indicateur 46.1' });
    await expect(indicator.isVisible()).resolves.toBe(false);
    await page.locator('.open-data__indicators summary').click();
    await indicator.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });

  test('the footer of every page leads to it', async () => {
    const { page } = await tabs.open('/indicators/1.1');
    await page.locator('footer a[href="/donnees/"]').click();
    await page.waitForURL(`${chromium.url}/donnees/`);
    expect(await page.locator('h1').innerText()).toBe('Données ouvertes');
  });

  test('a release link of a dashboard page lands on the year’s history', async () => {
    const { page } = await tabs.open('/indicators/1.2?year=2026');
    await page.locator('.release-note a', { hasText: 'Historique des publications' }).click();
    await page.waitForURL(`${chromium.url}/donnees/#publication-2026`);
    expect(await page.locator('#publication-2026 h3').innerText()).toBe('Année 2026');
  });
});
