import { axeViolations, browserTabs, chromiumSuite } from './browser';
import { testApp } from './context';
import { demoDatabase, type PageType } from './pages';

/**
 * The checks every public page type must pass in Chromium with the demonstration data: HTTP 200,
 * no console or page error, no axe-core violation, no sideways scroll on a phone. One visit per
 * page: loading one of these pages and running axe-core on it is most of what the browser tests
 * cost. The page types are shared between two test files (test/browser/pages-*.test.ts) so that
 * both jest workers run them.
 */
export function describePageChecks(title: string, pageTypes: PageType[]): void {
  describe(title, () => {
    const chromium = chromiumSuite(() => testApp(demoDatabase()).app);
    // One tab for the file, taken from page to page (a context or a tab per visit costs more than the
    // page itself), with axe-core in every page it opens: these pages share no state.
    const tab = browserTabs(chromium);

    describe.each(pageTypes)('the $name page ($path)', ({ path }) => {
      test('loads with HTTP 200, no console or page error, no axe-core violation, and does not scroll sideways on a phone', async () => {
        const { page, errors, status } = await tab.open(path);
        expect(status).toBe(200);
        await page.waitForLoadState('load');
        expect(errors).toEqual([]);
        expect(await axeViolations(page)).toEqual([]);
        await page.setViewportSize({ width: 360, height: 740 });
        // Charts follow the new width a few frames later (ResizeObserver, then Chart.js's own frame):
        // wait for the page to settle (or 10 s), then measure.
        await page
          .waitForFunction(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth, undefined, {
            timeout: 10_000,
          })
          .catch(() => undefined);
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
        expect(errors).toEqual([]);
      });
    });
  });
}
