import { backupDatabase } from '../../db/backup';
import { describeCopy } from '../presenters/backup-summary';
import { runMaintenanceCommand } from './maintenance-command';

/**
 * `npm run backup -- FILE`: a consistent copy of the database named by DATABASE_PATH, taken while the
 * server runs (SQLite's online backup), checked, with its size and the latest release it holds.
 */
runMaintenanceCommand(
  'Usage : npm run backup -- FICHIER (par exemple sauvegardes/tableau-2026-05-01.sqlite)',
  async (databasePath, file) => {
    const summary = await backupDatabase(databasePath, file);
    return [`Sauvegarde de ${databasePath} écrite dans ${summary.file} : ${describeCopy(summary)}.`];
  },
);
