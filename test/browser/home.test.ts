import type { Browser } from 'playwright-core';
import { axeViolations, launchBrowser, serve, watchForErrors } from '../helpers/browser';
import { testApp } from '../helpers/context';

jest.setTimeout(60_000);

describe('home page in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await serve(testApp().app);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('loads without errors, styled, and axe-core finds no violation', async () => {
    const page = await browser.newPage();
    const errors = watchForErrors(page);
    const response = await page.goto(`${server.url}/`);
    expect(response?.status()).toBe(200);
    // The stylesheet applied: the skip link is moved off-screen until focused.
    const skipTop = await page.locator('.skip-link').evaluate((el) => getComputedStyle(el).top);
    expect(skipTop).not.toBe('auto');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the skip link is the first thing the keyboard reaches and shows when focused', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(focused).toBe('Aller au contenu principal');
    const box = await page.locator('.skip-link').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    await page.close();
  });
});
