import { axeViolations, chromiumSuite, watchForErrors } from '../helpers/browser';
import { testApp } from '../helpers/context';

jest.setTimeout(300_000);

// The overview with the catalogue and registry but no report data (test/browser/pages-overview.test.ts covers it with the demonstration data).
describe('home page in Chromium, without report data', () => {
  const chromium = chromiumSuite(() => testApp().app);

  test('loads without errors, styled, axe-core finds no violation, and the skip link is the first thing the keyboard reaches', async () => {
    const page = await chromium.browser.newPage();
    const errors = watchForErrors(page);
    const response = await page.goto(`${chromium.url}/`);
    expect(response?.status()).toBe(200);
    // The stylesheet applied: the skip link is moved off-screen until focused.
    const skipTop = await page.locator('.skip-link').evaluate((el) => getComputedStyle(el).top);
    expect(skipTop).not.toBe('auto');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);

    // The skip link is the first stop of the keyboard, and shows when focused.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(focused).toBe('Aller au contenu principal');
    const box = await page.locator('.skip-link').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    await page.close();
  });
});
