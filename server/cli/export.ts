import { openDatabaseOf, readConfig } from '../config';
import { exportToDirectory } from '../domain/exchange/export';
import { localeFromEnv } from '../i18n/cli-locale';
import { t } from '../i18n/translate';
import type { CliOutput } from './import';

const consoleOutput: CliOutput = { out: (l) => console.log(l), err: (l) => console.error(l) };

/**
 * `npm run export -- DIR` (docs/architecture.md#the-exchange-format): writes the five exchange files
 * into DIR. Returns the exit status.
 */
export function runExport(args: string[], env: NodeJS.ProcessEnv = process.env, io: CliOutput = consoleOutput): number {
  const locale = localeFromEnv(env);
  const dirs = args.filter((a) => a !== '--');
  if (dirs.length !== 1 || dirs[0]!.startsWith('--')) {
    io.err(t(locale, 'cli.export.usage'));
    return 2;
  }
  const dir = dirs[0]!;
  const db = openDatabaseOf(readConfig(env));
  try {
    for (const file of exportToDirectory(db, dir)) {
      io.out(t(locale, 'cli.export.file', { path: file.path, count: file.rows }));
    }
    return 0;
  } catch (error) {
    io.err(t(locale, 'cli.export.failed', { dir, message: error instanceof Error ? error.message : String(error) }));
    return 1;
  } finally {
    db.$client.close();
  }
}

if (require.main === module) {
  process.exitCode = runExport(process.argv.slice(2));
}
