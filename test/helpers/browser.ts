import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Express } from 'express';
import { CHROMIUM_LAUNCH, SHARED_CHROMIUM, chromiumFound, missingChromiumMessage } from './chromium';
import { TEST_PASSWORD } from './session';

/**
 * Debian's Chromium, headless (test/helpers/chromium.ts says which). In a jest run, a connection to the one Chromium that
 * test/setup/browser.ts started for all the browser tests (starting one takes seconds on a busy
 * machine); closing it then closes only this connection and its pages.
 */
export async function launchBrowser(): Promise<Browser> {
  const shared = process.env[SHARED_CHROMIUM];
  if (shared) return chromium.connect(shared);
  if (!chromiumFound()) throw new Error(missingChromiumMessage());
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

/**
 * Collects console errors, page errors and failed requests (a CSP refusal shows up as a console
 * error) into the list `into` gives at the time: a Tab gives each visit a list of its own.
 */
export function watchForErrors(page: Page, into?: () => string[]): string[] {
  const errors: string[] = [];
  const list = into ?? (() => errors);
  page.on('console', (message) => {
    if (message.type() === 'error') list().push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => list().push(`page: ${error.message}`));
  page.on('requestfailed', (req) => list().push(`request: ${req.url()} ${req.failure()?.errorText}`));
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
 * A browser context whose pages carry axe-core from the start of each document, for the tests that
 * check most of the pages they open: an init script (which the page's CSP does not govern either) is
 * compiled once per tab and costs about half of sending the source into each page afterwards.
 */
export async function contextWithAxe(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.addInitScript({ content: axeSource });
  return context;
}

/**
 * Runs axe-core in the page (put there through the DevTools protocol, which the page's CSP does not
 * govern, unless the context already put it: see contextWithAxe) and returns its violations of
 * WCAG 2.2 A/AA and best practices.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          configure: (spec: object) => void;
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    // Without each checked element's HTML (its outerHTML, whole subtree, for every node a rule
    // looks at): only selectors are read below. About a tenth less of axe-core's time per page.
    axe.configure({ noHtml: true });
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

/** Fills the sign-in form the page shows (/connexion) and sends it, as a person would. */
export async function submitSignIn(page: Page, email: string, password = TEST_PASSWORD): Promise<void> {
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** Signs `email` in through the form at `base`, and waits for the page it lands on (`landing`, the workspace by default). */
export async function signInThroughForm(page: Page, base: string, email: string, landing = '/espace'): Promise<void> {
  await page.goto(`${base}/connexion`);
  await submitSignIn(page, email);
  await page.waitForURL(`${base}${landing}`);
}

/** What a visit gives: the page, the errors it reported so far (see watchForErrors), the HTTP status. */
export interface Visit {
  page: Page;
  errors: string[];
  status: number | undefined;
}

/**
 * One tab of a context, taken from page to page. Opening a new tab starts a renderer process, which
 * on a busy 2-core machine costs more than loading the page itself: six pages checked with axe-core
 * took 36 to 40 s with a tab each and 14 s in one tab (docs/performance.md). Each visit starts as a
 * new tab would: the context's viewport, no emulated media, and a list of errors of its own; a test that
 * closed the page gets a new one.
 */
export class Tab {
  private page: Page | undefined;
  private viewport: { width: number; height: number } | null = null;
  private errors: string[] = [];

  constructor(
    private readonly context: () => BrowserContext,
    private readonly base: () => string,
  ) {}

  /** Opens `path` (of the suite's server), at `viewport` if given, else at the context's. */
  async open(path: string, viewport?: { width: number; height: number }): Promise<Visit> {
    let page = this.page;
    if (!page || page.isClosed()) {
      page = this.page = await this.context().newPage();
      this.viewport = page.viewportSize();
      watchForErrors(page, () => this.errors);
      if (viewport) await page.setViewportSize(viewport);
    } else {
      const size = viewport ?? this.viewport;
      if (size) await page.setViewportSize(size);
      await page.emulateMedia({ media: null });
    }
    this.errors = [];
    const response = await page.goto(`${this.base()}${path}`);
    return { page, errors: this.errors, status: response?.status() };
  }
}

export interface OpenOptions {
  /** Whether the page's scripts run (true by default). */
  javaScriptEnabled?: boolean;
  viewport?: { width: number; height: number };
}

/**
 * A test file's tabs on the suite's server: a context with script (axe-core in each of its pages,
 * see contextWithAxe, unless `axe` is false: for files that never run it) and one without, each
 * made on first use with one Tab taken from page to page, and closed after the file's tests.
 */
export function browserTabs(
  suite: { browser: Browser; url: string },
  { axe = true }: { axe?: boolean } = {},
): { open: (path: string, options?: OpenOptions) => Promise<Visit> } {
  const contexts = new Map<boolean, BrowserContext>();
  const tabs = new Map<boolean, Tab>();
  afterAll(async () => {
    for (const context of contexts.values()) await context.close();
  });
  return {
    async open(path, { javaScriptEnabled = true, viewport } = {}) {
      let tab = tabs.get(javaScriptEnabled);
      if (!tab) {
        const context =
          javaScriptEnabled && axe ? await contextWithAxe(suite.browser) : await suite.browser.newContext({ javaScriptEnabled });
        contexts.set(javaScriptEnabled, context);
        tab = new Tab(
          () => context,
          () => suite.url,
        );
        tabs.set(javaScriptEnabled, tab);
      }
      return tab.open(path, viewport);
    },
  };
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
