import { backupDatabase, MaintenanceError } from '../../db/backup';
import { describeCopy } from '../presenters/backup-summary';
import { readConfig } from '../config';

/**
 * `npm run backup -- FILE`: a consistent copy of the database named by DATABASE_PATH, taken while the
 * server runs (SQLite's online backup), checked, with its size and the latest release it holds.
 */

async function main(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    console.error('Usage : npm run backup -- FICHIER (par exemple sauvegardes/tableau-2026-05-01.sqlite)');
    return 2;
  }
  const { databasePath } = readConfig();
  try {
    const summary = await backupDatabase(databasePath, args[0]!);
    console.log(
      `Sauvegarde de ${databasePath} écrite dans ${summary.file} : ${describeCopy(summary)}.`,
    );
    return 0;
  } catch (err) {
    if (err instanceof MaintenanceError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
}

void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
