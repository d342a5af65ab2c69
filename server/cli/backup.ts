import { backupDatabase } from '../../db/backup';
import { describeCopy } from '../presenters/backup-summary';
import { t } from '../i18n/translate';
import { runMaintenanceCommand } from './maintenance-command';

/**
 * `npm run backup -- FILE`: a consistent copy of the database named by DATABASE_PATH, taken while the
 * server runs (SQLite's online backup), checked, with its size and the latest release it holds.
 */
runMaintenanceCommand(
  (locale) => t(locale, 'cli.backup.usage'),
  async (databasePath, file, locale) => {
    const summary = await backupDatabase(databasePath, file);
    return [t(locale, 'cli.backup.written', { database: databasePath, file: summary.file, copy: describeCopy(summary, locale) })];
  },
);
