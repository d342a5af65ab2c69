import type { Page } from 'playwright-core';
import { axeViolations, browserTabs, chromiumSuite } from '../helpers/browser';
import { testApp } from '../helpers/context';
import { demoDatabase } from '../helpers/pages';

jest.setTimeout(300_000);

interface ProgressChart {
  labels: string[];
  series: { status: string; label: string; values: number[] }[];
}

const PAGES = [
  { name: 'transparency page', path: '/transparence' },
  { name: 'method', path: '/methodologie' },
];

describe('/transparence and /methodologie in Chromium with the demonstration data', () => {
  const chromium = chromiumSuite(() => testApp(demoDatabase()).app);

  const tabs = browserTabs(chromium);
  const open = (path: string, options: { javaScriptEnabled?: boolean; width?: number } = {}) =>
    tabs.open(path, { javaScriptEnabled: options.javaScriptEnabled, viewport: { width: options.width ?? 1280, height: 900 } });

  /** Waits until the progress script has drawn every chart of the page, and returns how many there are. */
  async function waitForCharts(page: Page): Promise<number> {
    await page.waitForFunction(() => {
      const canvases = Array.from(document.querySelectorAll('canvas[data-progress-chart]'));
      return canvases.length > 0 && canvases.every((c) => c.getAttribute('data-chart-drawn') === 'true');
    });
    return page.locator('canvas[data-progress-chart]').count();
  }

  // One visit per page (as in test/helpers/page-checks.ts): loading and running axe-core is what costs.
  describe.each(PAGES)('the $name ($path)', ({ path }) => {
    test('loads with HTTP 200, no console, page or request error, no axe-core violation, and does not scroll sideways on a phone', async () => {
      const { page, errors, status } = await open(path);
      expect(status).toBe(200);
      await page.waitForLoadState('load');
      expect(errors).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 360, height: 900 });
      // Charts follow the new width a few frames later (ResizeObserver, then Chart.js's own frame):
      // wait for the page to settle (or 10 s), then measure.
      await page
        .waitForFunction(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth, undefined, { timeout: 10_000 })
        .catch(() => undefined);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      expect(errors).toEqual([]);
    });
  });

  // One visit: the charts are read first, then a section's summary is opened.
  test('the progress charts are drawn, painted and hold the numbers of their tables, and a section’s actions and indicators open from its summary', async () => {
    const { page, errors } = await open('/transparence');
    expect(await waitForCharts(page)).toBe(2);
    const painted = await page.$$eval('canvas[data-progress-chart]', (canvases) =>
      (canvases as HTMLCanvasElement[]).map((canvas) => {
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
        return n;
      }),
    );
    for (const pixels of painted) expect(pixels).toBeGreaterThan(2000);

    for (const id of ['par-section', 'par-comite']) {
      const chart = JSON.parse((await page.locator(`#graphique-${id} canvas`).getAttribute('data-progress-chart'))!) as ProgressChart;
      const table = page.locator(`#table-${id}`);
      await expect(table.isVisible()).resolves.toBe(true);
      const headers = await table.locator('thead th').allInnerTexts();
      expect(headers.slice(1, -1)).toEqual(chart.series.map((s) => s.label));
      const rows = await table
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((cell) => (cell as HTMLElement).innerText.trim())));
      expect(rows.map((cells) => cells[0])).toEqual(chart.labels);
      chart.series.forEach((series, s) => expect(rows.map((cells) => Number(cells[s + 1]))).toEqual(series.values));
    }

    const section = page.locator('#liens-section-V');
    const link = section.locator('a[href="/indicators/21"]');
    await expect(link.isVisible()).resolves.toBe(false);
    await section.locator('summary').click();
    await expect(link.isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });

  test('without JavaScript the tables are there and no chart is drawn', async () => {
    const { page } = await open('/transparence', { javaScriptEnabled: false });
    await expect(page.locator('#table-par-section').isVisible()).resolves.toBe(true);
    await expect(page.locator('#table-par-comite').isVisible()).resolves.toBe(true);
    expect(await page.locator('#table-par-section tbody tr').count()).toBe(8);
    expect(await page.locator('canvas[data-chart-drawn]').count()).toBe(0);
  });
});
