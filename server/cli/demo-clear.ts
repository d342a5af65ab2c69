import fs from 'node:fs';
import { isDemoDataLoaded } from '../../db/queries/meta';
import { clearDemoData } from '../../seed/demo-load';
import { openDatabaseOf, readConfig } from '../config';
import { localeFromEnv } from '../i18n/cli-locale';
import { t } from '../i18n/translate';

/**
 * `npm run demo:clear`: removes the demonstration data from the database named by DATABASE_PATH,
 * and makes sure it is not loaded again at the next start. Refuses (exit 1) when the database holds
 * no demonstration data, so that it never deletes real data.
 */

function main(): number {
  const locale = localeFromEnv();
  const line = (key: string, count: number) =>
    console.log(t(locale, key, { count, n: count.toLocaleString(locale === 'fr' ? 'fr-FR' : locale) }));
  const config = readConfig();
  const { databasePath } = config;
  if (databasePath !== ':memory:' && !fs.existsSync(databasePath)) {
    console.error(t(locale, 'cli.demoClear.noDatabase', { database: databasePath }));
    return 1;
  }
  const db = openDatabaseOf(config);
  try {
    if (!isDemoDataLoaded(db)) {
      console.error(t(locale, 'cli.demoClear.noDemo', { database: databasePath }));
      return 1;
    }
    const removed = clearDemoData(db);
    console.log(t(locale, 'cli.demoClear.removed', { database: databasePath }));
    line('cli.demoClear.reports', removed.reports);
    line('cli.demoClear.answers', removed.answers);
    line('cli.demoClear.memberships', removed.populationMemberships);
    line('cli.demoClear.figures', removed.figures);
    line('cli.demoClear.validations', removed.validations);
    line('cli.demoClear.releases', removed.releases);
    console.log(t(locale, 'cli.demoClear.kept'));
    return 0;
  } finally {
    db.$client.close();
  }
}

process.exitCode = main();
