import { MaintenanceError } from '../../db/backup';
import { readConfig } from '../config';
import { localeFromEnv } from '../i18n/cli-locale';
import type { Locale } from '../i18n/locale';

/**
 * The shape shared by `npm run backup` and `npm run restore`: one FILE argument (else the usage,
 * status 2, in the language of LANG: docs/i18n.md), the database of DATABASE_PATH, the lines `run` returns on success (status 0), a
 * MaintenanceError's message in LANG's language on refusal (status 1). Any other error is a bug: it is thrown.
 */
export function runMaintenanceCommand(
  usage: (locale: Locale) => string,
  run: (databasePath: string, file: string, locale: Locale) => Promise<string[]>,
): void {
  const locale = localeFromEnv();
  const main = async (args: string[]): Promise<number> => {
    if (args.length !== 1 || args[0]!.startsWith('-')) {
      console.error(usage(locale));
      return 2;
    }
    try {
      for (const line of await run(readConfig().databasePath, args[0]!, locale)) console.log(line);
      return 0;
    } catch (err) {
      if (err instanceof MaintenanceError) {
        console.error(err.in(locale));
        return 1;
      }
      throw err;
    }
  };
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
