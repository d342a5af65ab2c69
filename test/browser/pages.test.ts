import type { BrowserContext } from 'playwright-core';
import { axeViolations, chromiumSuite, watchForErrors } from '../helpers/browser';
import { testApp } from '../helpers/context';
import { PAGE_TYPES, demoDatabase } from '../helpers/pages';

jest.setTimeout(300_000);

describe('dashboard pages in Chromium with the demonstration data', () => {
  const chromium = chromiumSuite(() => testApp(demoDatabase()).app);

  /** Opens a page in a new tab (of `context` when given) and watches it for errors. */
  async function open(path: string, context?: BrowserContext) {
    const page = await (context ?? chromium.browser).newPage();
    const errors = watchForErrors(page);
    const response = await page.goto(`${chromium.url}${path}`);
    return { page, errors, status: response?.status() };
  }

  // One visit per page type checks everything that page must be: loading one of these pages and
  // running axe-core on it is most of what the browser tests cost, so each is done once.
  describe.each(PAGE_TYPES)('the $name page ($path)', ({ path }) => {
    test('loads with HTTP 200, no console or page error, no axe-core violation, and does not scroll sideways on a phone', async () => {
      const { page, errors, status } = await open(path);
      expect(status).toBe(200);
      await page.waitForLoadState('load');
      expect(errors).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 360, height: 740 });
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});
