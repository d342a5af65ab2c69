import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations, chromiumSuite, contextWithAxe, signInThroughForm, watchForErrors } from '../helpers/browser';
import { testApp } from '../helpers/context';
import { demoDatabase } from '../helpers/pages';
import { createTestUser } from '../helpers/session';

jest.setTimeout(300_000);

/** « 2 h 05 min » → 125. */
const minutesIn = (text: string) => {
  const match = /(?:(\d+)\s*h)?\s*(?:(\d+)\s*min)?/.exec(text.replace(/\u00a0/g, ' ').trim());
  return Number(match?.[1] ?? 0) * 60 + Number(match?.[2] ?? 0);
};

describe('meetings in Chromium', () => {
  const chromium = chromiumSuite(async () => {
    const db = demoDatabase();
    await createTestUser(db, 'membre@example.org', 'member', ['article5']);
    return testApp(db).app;
  });
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  /** A second, ordinary (JavaScript on) browser for axe-core, which runs as a script in the page. */
  let axeContext: BrowserContext;
  let axePage: Page;

  /** axe-core's violations on the page the JavaScript-less browser shows now. */
  async function violationsHere() {
    await axePage.goto(page.url());
    return axeViolations(axePage);
  }

  beforeAll(async () => {
    // Without JavaScript: every step of preparing a meeting must work with forms alone.
    context = await chromium.browser.newContext({ javaScriptEnabled: false });
    page = await context.newPage();
    errors = watchForErrors(page);
    await signInThroughForm(page, chromium.url, 'membre@example.org');
    // The same session (its cookie), rather than signing in through the form a second time.
    axeContext = await contextWithAxe(chromium.browser, { storageState: await context.storageState() });
    axePage = await axeContext.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await axeContext?.close();
  });

  test('a member creates the next intersessional meeting, adjusts its list, and every page passes axe-core', async () => {
    await page.getByRole('link', { name: 'Réunions', exact: true }).click();
    expect(await violationsHere()).toEqual([]);
    await page.getByRole('link', { name: 'Préparer une nouvelle réunion' }).click();
    expect(await violationsHere()).toEqual([]);
    await page.getByLabel('Réunions intersessions').check();
    await page.getByLabel('Intitulé').fill('Réunions intersessions 2026');
    await page.getByLabel('Premier jour').fill('2026-06-16');
    await page.getByLabel('Dernier jour').fill('2026-06-19');
    await page.getByLabel('Lieu').fill('Genève, CICG');
    await page.getByLabel('Année des rapports examinés').selectOption('2026');
    // One short sitting: the plan warns that the list does not fit, item by item.
    await page.getByLabel(/^Séances/).fill('2026-06-16 10:00-11:00');
    await page.getByLabel('tous les États de la population').check();
    await page.getByRole('button', { name: 'Créer la réunion' }).click();
    await page.waitForURL(/\/espace\/reunions\/\d+\?enregistre=liste/);
    expect(await page.locator('h1').textContent()).toBe('Réunions intersessions 2026');
    expect(await page.locator('#temps-alerte').textContent()).toContain('La liste des orateurs ne tient pas dans les séances');
    expect(await page.locator('#temps-table tr.time-over').count()).toBeGreaterThan(0);
    expect(await violationsHere()).toEqual([]);

    const total = async () => minutesIn((await page.locator('#temps-table tfoot strong').first().textContent()) ?? '');
    const names = async (key: string) => page.locator(`section[aria-labelledby="groupe-${key}"] tbody th`).allTextContents();
    const before = await total();
    const victims = await names('victims');
    expect(victims.length).toBeGreaterThan(2);
    expect([...victims].sort((a, b) => a.localeCompare(b, 'fr'))).toEqual(victims);

    // The plan carries no form of the groups: each group's list is changed on its own page.
    const planUrl = page.url().replace(/[?#].*$/, '');
    expect(await page.locator('select, input[name^="rank:"]').count()).toBe(0);
    await page
      .locator('section[aria-labelledby="groupe-victims"]')
      .getByRole('link', { name: /^Modifier la liste/ })
      .click();
    await page.waitForURL(`${planUrl}/groupes/victims`);
    expect(await violationsHere()).toEqual([]);
    expect(await page.locator('tbody th').allTextContents()).toEqual(victims);

    // Mark the first State absent and move the last one up, without JavaScript.
    await page.getByRole('checkbox', { name: `absent : ${victims[0]}` }).check();
    await page.getByRole('button', { name: 'Enregistrer l’ordre et les absences' }).click();
    await page.waitForURL(`${planUrl}/groupes/victims?enregistre=1`);
    expect(await page.getByRole('status').textContent()).toContain('Liste du groupe enregistrée.');
    await page.getByRole('button', { name: `Monter ${victims.at(-1)}` }).click();
    await page.waitForURL(`${planUrl}/groupes/victims?enregistre=1`);
    expect((await page.locator('tbody th').allTextContents()).slice(-2)).toEqual([victims.at(-1), victims.at(-2)]);
    expect(await violationsHere()).toEqual([]);
    // Back to the plan, at the group: the sums follow.
    await page.getByRole('link', { name: 'Retour au plan de la réunion' }).click();
    await page.waitForURL(`${planUrl}#groupe-victims`);
    expect((await names('victims')).slice(-2)).toEqual([victims.at(-1), victims.at(-2)]);
    expect(await total()).toBe(before - 5);

    // A rank that is not a number: the group's page says which State, beside its field and in the
    // summary that links to it, keeps what was typed, and stays accessible.
    expect(errors).toEqual([]);
    for (const p of [page, axePage]) {
      await p.goto(`${planUrl}/groupes/victims`);
      await p.getByLabel(`Rang de ${victims[1]}`).fill('0');
      await p.getByRole('button', { name: 'Enregistrer l’ordre et les absences' }).click();
      expect(await p.locator('.error-summary').textContent()).toContain(`Rang de ${victims[1]} : « 0 » n’est pas un rang`);
      expect(await p.getByLabel(`Rang de ${victims[1]}`).inputValue()).toBe('0');
      expect(await p.locator('.speakers .field__error').textContent()).toContain(`Rang de ${victims[1]}`);
    }
    expect(await axeViolations(axePage)).toEqual([]);

    await page.goto(planUrl);
    await page.getByRole('link', { name: /^Modifier la réunion/ }).click();
    expect(await violationsHere()).toEqual([]);
    // The only failed response is the refused form, a 400 by design.
    expect(errors).toEqual(['console: Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  });
});
