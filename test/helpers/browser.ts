import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Express } from 'express';
import { CHROMIUM_LAUNCH, CHROMIUM_PATH, SHARED_CHROMIUM } from './chromium';

/**
 * Debian's Chromium, headless. In a jest run, a connection to the one Chromium that
 * test/setup/browser.ts started for all the browser tests (starting one takes seconds on a busy
 * machine); closing it then closes only this connection and its pages.
 */
export async function launchBrowser(): Promise<Browser> {
  const shared = process.env[SHARED_CHROMIUM];
  if (shared) return chromium.connect(shared);
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium introuvable à ${CHROMIUM_PATH} : installez le paquet Debian « chromium » (voir .ci/run).`);
  }
  return chromium.launch(CHROMIUM_LAUNCH);
}

/** Serves the app on a free loopback port. */
export async function serve(app: Express): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  // As in server/site-export/serve.ts: no idle connection closed under a client that reuses it.
  server.keepAliveTimeout = 10 * 60_000;
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Collects console errors, page errors and failed requests (a CSP refusal shows up as a console error). */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  page.on('requestfailed', (req) => errors.push(`request: ${req.url()} ${req.failure()?.errorText}`));
  return errors;
}

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core in the page (through the DevTools protocol, which the page's CSP does not govern)
 * and returns its violations of WCAG 2.2 A/AA and best practices.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      // Only the violations are read: axe-core then keeps one node of each pass, incomplete and
      // inapplicable result instead of describing every one (its documented option for large pages).
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

/**
 * The hooks of a browser suite: Chromium, and the app `makeApp` builds served on a free port, both
 * started before the suite's tests and closed after them. The fields are set once the suite starts.
 */
export function chromiumSuite(makeApp: () => Express | Promise<Express>): { browser: Browser; url: string } {
  const suite = {} as { browser: Browser; url: string };
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  beforeAll(async () => {
    suite.browser = await launchBrowser();
    server = await serve(await makeApp());
    suite.url = server.url;
  });
  afterAll(async () => {
    await suite.browser?.close();
    await server?.close();
  });
  return suite;
}
