import type { LaunchOptions } from 'playwright-core';

/** Debian's Chromium, or the one CHROMIUM_PATH names: the tests never download a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Headless, with the flags this closed network needs (no background calls home). */
export const CHROMIUM_LAUNCH: LaunchOptions = {
  executablePath: CHROMIUM_PATH,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/** Where test/setup/browser.ts leaves the address of the Chromium it started for the whole run. */
export const SHARED_CHROMIUM = 'TEST_CHROMIUM_ENDPOINT';
