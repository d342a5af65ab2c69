import type { BrowserContext } from 'playwright-core';
import { Tab, axeViolations, chromiumSuite, contextWithAxe, submitSignIn } from '../helpers/browser';
import { testApp } from '../helpers/context';
import { demoDatabase } from '../helpers/pages';
import { createTestUser } from '../helpers/session';
import { withAudit } from '../../db/queries/audit';
import { validateReports } from '../../db/queries/review';
import { reports } from '../../db/schema';

jest.setTimeout(300_000);

// The workspace home is checked where the sign-in lands, the report entry form with its navigation
// (below): one visit each.
const WORKSPACE_PAGES = [
  { name: 'reports of a year', path: '/espace/saisie/2026' },
  { name: 'reports of a year, filtered and sorted', path: '/espace/saisie/2026?retard=oui&tri=manquantes' },
  { name: 'figures of a year', path: '/espace/chiffres/2026' },
  { name: 'registry', path: '/espace/registre' },
  { name: 'registry, filtered and sorted', path: '/espace/registre?partie=oui&tri=entree' },
  { name: 'registry State form', path: '/espace/registre/COL' },
  { name: 'audit trail', path: '/espace/journal?annee=2026&etat=COL' },
  { name: 'upload', path: '/espace/import' },
  { name: 'dashboard page, signed in', path: '/indicators/1.1' },
  { name: 'year checklist', path: '/espace/annees/2027' },
  { name: 'carry-forward of populations', path: '/espace/annees/2027/populations' },
  { name: 'publication preview, nothing to publish', path: '/espace/annees/2026/publication' },
  { name: 'publication preview, low coverage', path: '/espace/annees/2027/publication' },
  { name: 'report form of a year without populations', path: '/espace/saisie/2027/AFG' },
];

describe('the workspace in Chromium', () => {
  const chromium = chromiumSuite(async () => {
    const db = demoDatabase();
    await createTestUser(db, 'admin@example.org', 'admin');
    // One validated 2027 report: its publication preview offers the form, with the reason a low coverage needs.
    withAudit(db, { userId: null, label: 'test', origin: 'cli' }, (tx) =>
      tx.insert(reports).values({ year: 2027, state: 'COL', receivedOn: '2027-03-02', usedReportingGuide: true }).run(),
    );
    validateReports(db, [{ year: 2027, state: 'COL' }], null, '2026-11-03T00:00:00Z');
    await createTestUser(db, 'membre@example.org', 'member', ['compliance']);
    return testApp(db).app;
  });
  // The administrator's context (signed in by the second test, signed out and in again as the member
  // by the last two), with one tab taken from page to page: another context costs a renderer process.
  let context: BrowserContext;
  const tab = new Tab(
    () => context,
    () => chromium.url,
  );

  beforeAll(async () => {
    context = await contextWithAxe(chromium.browser);
  });
  afterAll(async () => {
    await context?.close();
  });

  const open = (path: string) => tab.open(path);

  test('a wrong password shows the message, and the page stays accessible', async () => {
    const { page } = await open('/connexion');
    await submitSignIn(page, 'admin@example.org', 'mauvais');
    await page.waitForLoadState();
    expect(await page.getByRole('alert').first().textContent()).toContain('Adresse électronique ou mot de passe incorrect.');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('the sign-in page has no axe violation and signs in with the keyboard-usable form, landing on the workspace home, which has none either', async () => {
    const { page, errors } = await open('/connexion');
    expect(await axeViolations(page)).toEqual([]);
    await submitSignIn(page, 'admin@example.org');
    await page.waitForURL(`${chromium.url}/espace`);
    expect(await page.locator('h1').textContent()).toBe('Espace de travail');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  describe.each(WORKSPACE_PAGES)('the $name page ($path)', ({ path }) => {
    test('loads with HTTP 200, no script or CSP error, and no axe-core violation', async () => {
      const { page, errors, status } = await open(path);
      expect(status).toBe(200);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  });

  test('the report entry form loads with HTTP 200, no script or CSP error, no axe-core violation, and its navigation stays in view while the form scrolls', async () => {
    const { page, errors, status } = await open('/espace/saisie/2026/COL');
    expect(status).toBe(200);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    // The context's viewport is 1280 × 720; the navigation is measured at 1280 × 800.
    await page.setViewportSize({ width: 1280, height: 800 });
    const nav = page.locator('.entry-sidebar');
    await page.locator('#partie-section-IX').scrollIntoViewIfNeeded();
    const box = await nav.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(800);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
  });

  test('a report form with errors keeps what was typed, shows messages beside the fields, and stays accessible', async () => {
    const { page } = await open('/espace/saisie/2026/COL');
    await page.locator('input[name="received_on"]').fill('2099-01-01');
    await page.getByRole('button', { name: 'Enregistrer « Rapport »' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.error-summary').count()).toBe(1);
    // The focus is on the error summary (autofocus: no script), which links to the field.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    expect(await page.locator('input[name="received_on"]').inputValue()).toBe('2099-01-01');
    expect(await page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('publishing a year of low coverage without a reason is refused beside the field, and the page stays accessible', async () => {
    const { page } = await open('/espace/annees/2027/publication');
    await page.getByRole('button', { name: 'Confirmer la publication de 2027' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.error-summary').count()).toBe(1);
    expect(await page.locator('#reason[aria-invalid="true"]').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('signing out returns to the public overview, without the workspace notice', async () => {
    const { page } = await open('/espace');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(`${chromium.url}/`);
    expect(await page.locator('.workspace-notice').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Connexion (comités)' }).count()).toBe(1);
  });

  test('a member’s home (« Mon comité ») has no axe violation', async () => {
    const { page } = await open('/connexion');
    await submitSignIn(page, 'membre@example.org');
    await page.waitForURL(`${chromium.url}/espace`);
    expect(await page.locator('#mon-comite').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });
});
