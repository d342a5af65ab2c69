import { restoreDatabase } from '../../db/backup';
import { describeCopy } from '../presenters/backup-summary';
import { runMaintenanceCommand } from './maintenance-command';

/**
 * `npm run restore -- FILE`: puts a backup made by `npm run backup` in place of the database named by
 * DATABASE_PATH. Refused while a server or another command has the database open (see db/backup.ts).
 */
runMaintenanceCommand(
  'Usage : npm run restore -- FICHIER (une sauvegarde faite par npm run backup), serveur arrêté',
  async (databasePath, file) => {
    const restored = await restoreDatabase(databasePath, file);
    return [
      `Base ${databasePath} restaurée depuis ${file} : ${describeCopy(restored)}.`,
      ...(restored.previous ? [`L’ancienne base est conservée sous ${restored.previous}.`] : []),
      'Vous pouvez démarrer le serveur.',
    ];
  },
);
