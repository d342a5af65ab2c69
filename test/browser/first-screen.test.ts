import type { Page } from 'playwright-core';
import { axeViolations, browserTabs, chromiumSuite } from '../helpers/browser';
import { testApp } from '../helpers/context';
import { demoDatabase } from '../helpers/pages';

jest.setTimeout(300_000);

/**
 * Content first (issue 18): in Chromium with the demonstration data, the headline figures of `/`,
 * `/transparence`, an action and an indicator are in the first screen at 1366×768 (and `/`'s at
 * 390 px), the header's menus open without script, and the keyboard's focus ring stands out (≥ 3:1)
 * against whatever is behind it, the dark header included.
 */
describe('the first screen and the focus ring, in Chromium', () => {
  const chromium = chromiumSuite(() => testApp(demoDatabase()).app);

  const tabs = browserTabs(chromium);

  async function open(path: string, viewport: { width: number; height: number }, javaScriptEnabled = true) {
    const visit = await tabs.open(path, { javaScriptEnabled, viewport });
    expect(visit.status).toBe(200);
    return visit;
  }

  /** The boxes of the elements `selector` matches that are not inside the viewport (with their text, to read a failure). */
  async function outsideViewport(page: Page, selector: string) {
    const viewport = page.viewportSize()!;
    const elements = await page.locator(selector).all();
    expect(elements.length).toBeGreaterThan(0);
    const outside: string[] = [];
    for (const element of elements) {
      const box = (await element.boundingBox())!;
      const inside = box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;
      if (!inside)
        outside.push(
          `${(await element.innerText()).slice(0, 40)} @ ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
    }
    return outside;
  }

  const DESKTOP = { width: 1366, height: 768 };
  const PHONE = { width: 390, height: 844 };

  test.each([
    { path: '/', viewport: DESKTOP },
    { path: '/transparence', viewport: DESKTOP },
    { path: '/', viewport: PHONE },
  ])('$path at $viewport.width px: the four tiles, their figures and their links are in the first screen', async ({ path, viewport }) => {
    const { page, errors } = await open(path, viewport);
    expect(await page.locator('.tile').count()).toBe(4);
    for (const selector of ['.tile__label', '.tile__value', '.tile__link']) expect(await outsideViewport(page, selector)).toEqual([]);
    // The figures are numbers « n / N » (or a count), not empty boxes.
    const values = await page.locator('.tile__value').allInnerTexts();
    expect(values.slice(0, 3).every((v) => /^\d[\d\s\u00a0]* \/ \d[\d\s\u00a0]*$/.test(v))).toBe(true);
    expect(values[3]).toMatch(/^\d+$/);
    // On a desktop, both pages are checked with axe-core already (test/browser/pages-overview.test.ts,
    // test/browser/transparency.test.ts): here only the phone's layout, which no other test runs it on.
    if (viewport === PHONE) expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('an action page: every indicator’s value, n / N and status are in the first screen at 1366×768', async () => {
    const { page, errors } = await open('/actions/5', DESKTOP);
    const rows = page.locator('.action-figures tbody tr');
    expect(await rows.count()).toBe(4);
    expect(await outsideViewport(page, '.action-figures tbody tr')).toEqual([]);
    expect(await rows.first().innerText()).toMatch(/\d+ \/ \d+ \(.+\s%\)/);
    expect(await outsideViewport(page, '.action-figures .status')).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('an indicator page: its value, n / N, change, status and coverage are in the first screen at 1366×768', async () => {
    const { page, errors } = await open('/indicators/1.1', DESKTOP);
    expect(await page.locator('.headline .indicator__value').innerText()).toMatch(/^\d+ \/ \d+ \(.+\s%\)$/);
    for (const selector of ['.headline .indicator__value', '.headline .indicator__delta', '.headline .status', '.headline-coverage']) {
      expect(await outsideViewport(page, selector)).toEqual([]);
    }
    expect(errors).toEqual([]);
  });

  test('the header is compact, and its menus open without JavaScript, their links reachable and axe-core clean', async () => {
    for (const [viewport, javaScriptEnabled] of [
      [DESKTOP, false],
      [PHONE, false],
      [DESKTOP, true],
    ] as const) {
      const { page } = await open('/', viewport, javaScriptEnabled);
      const header = (await page.locator('.site-header__inner').boundingBox())!;
      // One bar at 1366 px; title, menus and search on a phone.
      expect(header.height).toBeLessThan(viewport === DESKTOP ? 60 : 200);
      const sections = page.locator('.site-menu').first();
      await expect(sections.locator('a').first().isVisible()).resolves.toBe(false);
      await sections.locator('summary').click();
      await expect(sections.locator('a').first().isVisible()).resolves.toBe(true);
      expect(await outsideViewport(page, '.site-menu[open] .site-menu__list')).toEqual([]);
      // axe-core runs in the page: only where script runs.
      if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([]);
    }
  });

  test.each(['/states?partie=oui&rapport=manquant&tri=alertes', '/states?population=martiens', '/committees/article5?tri=progres'])(
    'the lists filtered and sorted (%s): axe-core clean, no sideways scroll on a phone',
    async (path) => {
      const { page, errors, status } = await tabs.open(path, { viewport: { width: 360, height: 740 } });
      // A bad filter is a page too: its French message, in the site's layout.
      expect(status).toBe(path.includes('martiens') ? 400 : 200);
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
    },
  );

  test('the focus ring contrasts at least 3:1 with what is behind it, in the header, its open menu and the page', async () => {
    const { page } = await open('/', DESKTOP);
    // Opens the first menu, so that the keyboard goes through its links on the dark panel too.
    // (Opened as a click would, without moving the keyboard's starting point, which stays at the top.)
    await page
      .locator('.site-menu')
      .first()
      .evaluate((details) => details.setAttribute('open', ''));
    const rings: { name: string; ratio: number; width: number }[] = [];
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      rings.push(await page.evaluate(focusRing));
    }
    const names = rings.map((r) => r.name);
    // The stops cover the skip link, the header's links, menus and search, and the page's tiles.
    for (const expected of [
      'Aller au contenu principal',
      'Sections',
      'Comités',
      'Rechercher',
      'Connexion (comités)',
      'Les rapports en retard',
    ]) {
      expect(names.some((n) => n.startsWith(expected))).toBe(true);
    }
    expect(names.some((n) => n.startsWith('II.'))).toBe(true);
    for (const ring of rings) {
      expect({ name: ring.name, low: ring.ratio < 3, thin: ring.width < 2 }).toEqual({ name: ring.name, low: false, thin: false });
    }
  });
});

/**
 * In the page: the focused element's outline, and its contrast with the backgrounds just outside it,
 * where the ring is drawn (what is painted there, found by hit-testing, not the element's parents).
 */
function focusRing(): { name: string; ratio: number; width: number } {
  const element = document.activeElement as HTMLElement;
  const style = getComputedStyle(element);
  const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = ([r, g, b]: number[]) => {
    const channel = (v: number) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
  };
  const contrast = (a: number[], b: number[]) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x! + 0.05) / (y! + 0.05);
  };
  /** The colour painted at a point: the first element there, not the focused one, with an opaque background. */
  const backgroundAt = (x: number, y: number): number[] | null => {
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return null;
    for (const hit of document.elementsFromPoint(x, y)) {
      if (hit === element || element.contains(hit)) continue;
      for (let node: Element | null = hit; node; node = node.parentElement) {
        const colour = rgb(getComputedStyle(node).backgroundColor);
        if (colour.length === 3 || (colour.length === 4 && colour[3]! > 0.5)) return colour.slice(0, 3);
      }
      return [255, 255, 255];
    }
    return [255, 255, 255];
  };
  const width = parseFloat(style.outlineWidth);
  const offset = parseFloat(style.outlineOffset) + (style.outlineStyle === 'none' ? 0 : width / 2);
  const box = element.getBoundingClientRect();
  const ring = rgb(style.outlineColor);
  const around = [
    backgroundAt(box.left - offset, box.top + box.height / 2),
    backgroundAt(box.right + offset, box.top + box.height / 2),
    backgroundAt(box.left + box.width / 2, box.top - offset),
    backgroundAt(box.left + box.width / 2, box.bottom + offset),
  ].filter((c): c is number[] => c !== null);
  return {
    name: (element.innerText || element.getAttribute('aria-label') || element.getAttribute('placeholder') || element.tagName).trim(),
    ratio: style.outlineStyle === 'none' ? 0 : Math.min(...around.map((c) => contrast(ring, c))),
    width: style.outlineStyle === 'none' ? 0 : width,
  };
}
