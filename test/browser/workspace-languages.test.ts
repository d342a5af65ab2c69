import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations, chromiumSuite, signInThroughForm, watchForErrors } from '../helpers/browser';
import { testApp } from '../helpers/context';
import { demoDatabase } from '../helpers/pages';
import { createTestUser } from '../helpers/session';
import { setUserLocale } from '../../db/queries/users';

jest.setTimeout(300_000);

/** The workspace of a member whose account is in English, in Chromium: axe-core clean (issue 17). */
describe('the workspace in English, in Chromium', () => {
  const chromium = chromiumSuite(async () => {
    const db = demoDatabase();
    const member = await createTestUser(db, 'member@example.org', 'member', ['article5']);
    setUserLocale(db, member.id, 'en');
    return testApp(db).app;
  });
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    context = await chromium.browser.newContext();
    page = await context.newPage();
    errors = watchForErrors(page);
    // The workspace answers in the account's language.
    await signInThroughForm(page, chromium.url, 'member@example.org', '/en/espace');
  });
  afterAll(async () => {
    await context?.close();
  });

  test('/en/espace is in English and has no axe violation', async () => {
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Workspace');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('an English meeting plan has no axe violation', async () => {
    const csrf = await page.locator('input[name="_csrf"]').first().getAttribute('value');
    const created = await context.request.post(`${chromium.url}/en/espace/reunions`, {
      form: {
        _csrf: csrf ?? '',
        kind: 'intersessional',
        title: 'Intersessional meetings 2026',
        startsOn: '2026-06-16',
        endsOn: '2026-06-19',
        place: 'Geneva, CICG',
        year: '2026',
        agenda: '',
        sittings: '2026-06-16 10:00-13:00\n2026-06-17 10:00-13:00',
        speakersFrom: 'population',
      },
      maxRedirects: 0,
    });
    expect(created.status()).toBe(303);
    const location = created.headers().location!;
    expect(location).toMatch(/^\/en\/espace\/reunions\/\d+/);
    await page.goto(`${chromium.url}${location}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('#temps').textContent()).toBe('Speaking time and time available');
    expect(await axeViolations(page)).toEqual([]);
    // A group's own page, from the plan's link: its forms in English.
    await page
      .locator('section[aria-labelledby="groupe-victims"]')
      .getByRole('link', { name: /^Edit the list/ })
      .click();
    await page.waitForURL(/\/en\/espace\/reunions\/\d+\/groupes\/victims$/);
    expect(await page.locator('h1').textContent()).toBe('List of speakers: States Parties with mine victims');
    expect(await page.getByRole('button', { name: 'Save the order and absences' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
