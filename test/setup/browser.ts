import fs from 'node:fs';
import { CHROMIUM_PATH } from '../helpers/chromium-path';
import buildDatabaseImages from './databases';
import removeDatabaseImages from './databases-teardown';

/**
 * jest `globalSetup` of the browser tests (test/browser), run only when one of them is selected:
 * without Chromium, the run stops at once with one line saying how to install it, rather than
 * failing every browser test one by one. `npm run test:fast` leaves those tests out and needs no browser.
 */
export default function checkChromium(): void {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    process.stderr.write(
      `Chromium introuvable (${CHROMIUM_PATH}) : installez-le avec « apt-get install -y chromium » ou indiquez CHROMIUM_PATH ; ` +
        '« npm run test:fast » lance les tests sans navigateur.\n',
    );
    removeDatabaseImages();
    process.exit(1);
  }
  buildDatabaseImages();
}
