import { chromium, type BrowserServer } from 'playwright-core';
import { CHROMIUM_LAUNCH, SHARED_CHROMIUM, chromiumFound, missingChromiumMessage } from '../helpers/chromium';
import buildDatabaseImages from './databases';
import removeDatabaseImages from './databases-teardown';

/** Kept for test/setup/browser-teardown.ts (jest runs both in its main process). */
export const SERVER = Symbol.for('dashboard.tests.chromium');

/**
 * jest `globalSetup` of the browser tests (test/browser), run only when one of them is selected.
 * Without Chromium, the run stops at once with one line saying how to install it, rather than
 * failing every browser test one by one (`npm run test:fast` leaves them out and needs no browser).
 * Otherwise one Chromium serves every browser test file (test/helpers/browser.ts connects to it).
 */
export default async function startChromium(): Promise<void> {
  if (!chromiumFound()) {
    process.stderr.write(`${missingChromiumMessage()}\n`);
    removeDatabaseImages();
    process.exit(1);
  }
  buildDatabaseImages();
  const server = await chromium.launchServer(CHROMIUM_LAUNCH);
  (globalThis as Record<symbol, BrowserServer>)[SERVER] = server;
  process.env[SHARED_CHROMIUM] = server.wsEndpoint();
}
