import { chromiumSuite, watchForErrors } from '../helpers/browser';
import { testApp } from '../helpers/context';
import { demoDatabase } from '../helpers/pages';

jest.setTimeout(300_000);

/** The fill Chromium paints each class of the map with, on screen or in print, and whether each State is painted with a size. */
async function paint(page: import('playwright-core').Page) {
  return page.evaluate(() => {
    const fills: Record<string, string> = {};
    let unpainted = 0;
    for (const g of Array.from(document.querySelectorAll<SVGGElement>('.world-map__svg g.map-state'))) {
      const cls = Array.from(g.classList).find((c) => c.startsWith('map-fill--'))!;
      const shape = g.querySelector<SVGGraphicsElement>('path, circle')!;
      fills[cls] = getComputedStyle(shape).fill;
      const box = shape.getBBox();
      if (!(box.width > 0 && box.height > 0)) unpainted++;
    }
    return { fills, unpainted };
  });
}

describe('the world maps in Chromium with the demonstration data', () => {
  const chromium = chromiumSuite(() => testApp(demoDatabase()).app);

  test('an indicator page with its map: no error, every class painted its own way on screen and in print', async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors = watchForErrors(page);
    expect((await page.goto(`${chromium.url}/indicators/1.1?year=2026`))?.status()).toBe(200);
    await page.waitForLoadState('load');
    // axe-core: the page checks run it on this page, map included (/indicators/1.1 shows 2026, the
    // latest year, by default: test/helpers/pages.ts PAGE_TYPES, test/browser/pages-indicators-states.test.ts).
    // The map is there, as wide as its column, and named by its title and description.
    const svg = page.locator('.world-map__svg');
    expect((await svg.boundingBox())!.width).toBeGreaterThan(600);
    const name = await svg.evaluate((el) =>
      (el.getAttribute('aria-labelledby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(name).toMatch(/^Carte : .+ Indicateur 1\.1 en 2026 : .+/);

    const screen = await paint(page);
    expect(screen.unpainted).toBe(0);
    const classes = ['map-fill--yes', 'map-fill--no', 'map-fill--blank', 'map-fill--out'];
    expect(Object.keys(screen.fills).sort()).toEqual([...classes].sort());
    // Four classes, four different paints; the class without an answer is hatched (a pattern of the page).
    expect(new Set(Object.values(screen.fills)).size).toBe(4);
    expect(screen.fills['map-fill--blank']).toMatch(/url\("?#carte-hachures"?\)/);

    await page.emulateMedia({ media: 'print' });
    const print = await paint(page);
    expect(new Set(Object.values(print.fills)).size).toBe(4);
    expect(print.fills['map-fill--no']).toMatch(/url\("?#carte-rayures"?\)/);
    // Grey-safe: the printed solid fills are greys.
    for (const fill of Object.values(print.fills).filter((f) => f.startsWith('rgb'))) {
      const [r, g, b] = fill.match(/\d+/g)!.map(Number);
      expect(r === g && g === b).toBe(true);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
