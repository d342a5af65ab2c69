import type { Page } from 'playwright-core';
import { browserTabs, chromiumSuite } from '../helpers/browser';
import { testApp } from '../helpers/context';
import { CHART_PAGE_TYPES, demoDatabase, expectedValueText, fr, frPercent, type ApiIndicator } from '../helpers/pages';

jest.setTimeout(300_000);

interface ChartData {
  title: string;
  percent: boolean;
  years: number[];
  values: (number | null)[];
}

describe('charts, year selector, pages without JavaScript and print, in Chromium with the demonstration data', () => {
  const chromium = chromiumSuite(() => testApp(demoDatabase()).app);

  // No axe-core here: the page checks run it (test/helpers/page-checks.ts).
  const tabs = browserTabs(chromium, { axe: false });
  const open = (path: string, javaScriptEnabled = true) => tabs.open(path, { javaScriptEnabled });

  async function apiSummary(code: string, year: number): Promise<ApiIndicator> {
    const body = (await (await fetch(`${chromium.url}/api/v1/indicators?year=${year}`)).json()) as { indicators: ApiIndicator[] };
    return body.indicators.find((i) => i.code === code)!;
  }

  /** Waits until the chart script has drawn every chart of the page, and returns how many there are. */
  async function waitForCharts(page: Page): Promise<number> {
    await page.waitForFunction(() => {
      const canvases = Array.from(document.querySelectorAll('canvas[data-chart]'));
      return canvases.length > 0 && canvases.every((c) => c.getAttribute('data-chart-drawn') === 'true');
    });
    return page.locator('canvas[data-chart]').count();
  }

  /** How many pixels of each chart are not transparent. */
  function paintedPixels(page: Page): Promise<number[]> {
    return page.$$eval('canvas[data-chart]', (canvases) =>
      (canvases as HTMLCanvasElement[]).map((canvas) => {
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
        return painted;
      }),
    );
  }

  const progressTile = (page: Page) => page.locator('#tuile-progres .tile__value').innerText();

  /** The overview's progress tile as the API's grades say it: « reached or on track / all », none in the baseline year. */
  async function expectedProgressTile(year: number): Promise<string> {
    if (year === 2025) return 'sans objet';
    const body = (await (await fetch(`${chromium.url}/api/v1/indicators?year=${year}`)).json()) as { indicators: ApiIndicator[] };
    const onTrack = body.indicators.filter((i) => i.progress === 'target-reached' || i.progress === 'on-track').length;
    return `${fr(onTrack)} / ${fr(body.indicators.length)}`;
  }
  const headlineValue = (page: Page) => page.locator('.headline .indicator__value').innerText();

  describe.each(CHART_PAGE_TYPES)('the charts of the $name page ($path)', ({ path }) => {
    test('are all drawn and painted, each with a table, captioned with the indicator, holding the same values', async () => {
      const { page, errors } = await open(path);
      const count = await waitForCharts(page);
      const painted = await paintedPixels(page);
      expect(painted).toHaveLength(count);
      for (const pixels of painted) expect(pixels).toBeGreaterThan(500);
      expect(errors).toEqual([]);
      const charts = await page.$$eval('canvas[data-chart]', (canvases) => canvases.map((c) => c.getAttribute('data-chart')!));
      expect(charts.length).toBeGreaterThan(0);
      for (const chart of charts.map((c) => JSON.parse(c) as ChartData)) {
        const table = page.locator('table.data-table').filter({ has: page.locator('caption', { hasText: `${chart.title} par année` }) });
        await expect(table.count()).resolves.toBe(1);
        const headers = await table.locator('thead th').allInnerTexts();
        const valueColumn = headers.indexOf('Valeur');
        const rows = await table
          .locator('tbody tr')
          .evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((cell) => (cell as HTMLElement).innerText.trim())));
        expect(rows.map((cells) => Number.parseInt(cells[0]!, 10))).toEqual(chart.years);
        // A count reads « 2 sur 164 »: the value comes first.
        const valueCells = rows.map((cells) => cells[valueColumn]!.replace(/ sur .*$/, ''));
        expect(valueCells).toEqual(chart.values.map((v) => (v === null ? 'pas de données' : chart.percent ? frPercent(v) : fr(v))));
      }
    });
  });

  describe('year selector', () => {
    test.each([
      {
        name: 'indicator page',
        path: '/indicators/1.1',
        value: headlineValue,
        expected: async (year: number) => expectedValueText(await apiSummary('1.1', year)),
      },
      { name: 'overview', path: '/', value: progressTile, expected: expectedProgressTile },
    ])('on the $name, choosing 2025 and « Afficher » shows the 2025 values', async ({ path, value, expected }) => {
      const [before, after] = [await expected(2026), await expected(2025)];
      expect(before).not.toBe(after);
      const { page, errors } = await open(path);
      expect(await value(page)).toBe(before);
      await page.locator('form.year-selector').getByLabel('Année de rapport').selectOption('2025');
      await Promise.all([page.waitForURL(/[?&]year=2025(&|$)/), page.getByRole('button', { name: 'Afficher' }).click()]);
      expect(new URL(page.url()).searchParams.get('year')).toBe('2025');
      expect(await value(page)).toBe(after);
      expect(await page.locator('#annee').inputValue()).toBe('2025');
      expect(errors).toEqual([]);
    });
  });

  describe('without JavaScript', () => {
    test('the overview shows its tiles and the summary table', async () => {
      const { page } = await open('/', false);
      expect(await progressTile(page)).toBe(await expectedProgressTile(2026));
      const summary = page.locator('table', { has: page.locator('caption', { hasText: 'Indicateurs par statut en 2026, par section' }) });
      await expect(summary.isVisible()).resolves.toBe(true);
      expect(await summary.locator('tbody tr').count()).toBe(8);
    });

    test('an indicator page shows its value, its year table and its lists of States', async () => {
      const { page } = await open('/indicators/1.1', false);
      expect(await headlineValue(page)).toBe(expectedValueText(await apiSummary('1.1', 2026)));
      const years = page.locator('table', { has: page.locator('caption', { hasText: 'Valeurs de l’indicateur 1.1 par année' }) });
      await expect(years.isVisible()).resolves.toBe(true);
      expect(await years.locator('tbody tr').count()).toBe(5);
      expect(await page.locator('.state-list table').count()).toBeGreaterThan(0);
      expect(await page.locator('canvas[data-chart-drawn]').count()).toBe(0);
    });
  });

  describe('print', () => {
    test('an indicator page hides the navigation, keeps the chart and still says its figures are demonstration data', async () => {
      const { page } = await open('/indicators/1.1');
      await waitForCharts(page);
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.site-nav').isHidden()).resolves.toBe(true);
      await expect(page.locator('form.year-selector').isHidden()).resolves.toBe(true);
      const canvas = page.locator('canvas[data-chart]');
      await expect(canvas.isVisible()).resolves.toBe(true);
      const box = await canvas.boundingBox();
      expect(box!.width).toBeGreaterThan(200);
      expect(box!.height).toBeGreaterThan(100);
      for (const pixels of await paintedPixels(page)) expect(pixels).toBeGreaterThan(500);
      // A printed page still says its figures are demonstration data.
      await expect(page.locator('.demo-notice').isVisible()).resolves.toBe(true);
    });
  });
});
