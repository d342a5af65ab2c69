import { axeViolations, chromiumSuite, watchForErrors } from '../helpers/browser';
import { testApp } from '../helpers/context';

jest.setTimeout(300_000);

describe('home page in Chromium', () => {
  const chromium = chromiumSuite(() => testApp().app);

  test('loads without errors, styled, and axe-core finds no violation', async () => {
    const page = await chromium.browser.newPage();
    const errors = watchForErrors(page);
    const response = await page.goto(`${chromium.url}/`);
    expect(response?.status()).toBe(200);
    // The stylesheet applied: the skip link is moved off-screen until focused.
    const skipTop = await page.locator('.skip-link').evaluate((el) => getComputedStyle(el).top);
    expect(skipTop).not.toBe('auto');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the skip link is the first thing the keyboard reaches and shows when focused', async () => {
    const page = await chromium.browser.newPage();
    await page.goto(`${chromium.url}/`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(focused).toBe('Aller au contenu principal');
    const box = await page.locator('.skip-link').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    await page.close();
  });
});
