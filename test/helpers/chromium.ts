import fs from 'node:fs';
import type { LaunchOptions } from 'playwright-core';

/**
 * Debian's Chromium: its headless shell (package `chromium-headless-shell`) when installed, else the
 * full browser (package `chromium`), or the one CHROMIUM_PATH names. The tests never download a
 * browser. The headless shell renders with the same engine without the full browser's windowing and
 * compositing layers: the browser project took 286 CPU-seconds with it against 406 with `chromium`
 * (docs/performance.md, « Chromium's headless shell »).
 */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];

/** A program that can be run: an executable file, not merely a path that exists (a folder, a file without the right). */
function runnable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export const CHROMIUM_PATH: string | undefined = process.env.CHROMIUM_PATH ? process.env.CHROMIUM_PATH : CHROMIUM_CANDIDATES.find(runnable);

/** Whether the Chromium the tests would drive is there. */
export const chromiumFound = (): boolean => CHROMIUM_PATH !== undefined && runnable(CHROMIUM_PATH);

/** The one line a run without Chromium prints: where it looked and how to install it. */
export function missingChromiumMessage(): string {
  const looked = process.env.CHROMIUM_PATH ? process.env.CHROMIUM_PATH : `ni ${CHROMIUM_CANDIDATES.join(' ni ')}`;
  return (
    `Chromium introuvable (${looked}) : installez-le avec « apt-get install -y chromium-headless-shell » ` +
    '(ou « chromium ») ou indiquez CHROMIUM_PATH ; « npm run test:fast » lance les tests sans navigateur.'
  );
}

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
