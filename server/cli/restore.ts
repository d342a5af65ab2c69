import { MaintenanceError, restoreDatabase } from '../../db/backup';
import { describeCopy } from '../presenters/backup-summary';
import { readConfig } from '../config';

/**
 * `npm run restore -- FILE`: puts a backup made by `npm run backup` in place of the database named by
 * DATABASE_PATH. Refused while a server or another command has the database open (see db/backup.ts).
 */
async function main(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    console.error('Usage : npm run restore -- FICHIER (une sauvegarde faite par npm run backup), serveur arrêté');
    return 2;
  }
  const { databasePath } = readConfig();
  try {
    const restored = await restoreDatabase(databasePath, args[0]!);
    console.log(`Base ${databasePath} restaurée depuis ${args[0]} : ${describeCopy(restored)}.`);
    if (restored.previous) console.log(`L’ancienne base est conservée sous ${restored.previous}.`);
    console.log('Vous pouvez démarrer le serveur.');
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
