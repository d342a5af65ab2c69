import type { BrowserServer } from 'playwright-core';
import { SERVER } from './browser';
import removeDatabaseImages from './databases-teardown';

/** jest `globalTeardown` of the browser tests: closes the Chromium test/setup/browser.ts started. */
export default async function stopChromium(): Promise<void> {
  await (globalThis as Record<symbol, BrowserServer | undefined>)[SERVER]?.close();
  removeDatabaseImages();
}
