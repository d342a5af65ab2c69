import { restoreDatabase } from '../../db/backup';
import { describeCopy } from '../presenters/backup-summary';
import { t } from '../i18n/translate';
import { runMaintenanceCommand } from './maintenance-command';

/**
 * `npm run restore -- FILE`: puts a backup made by `npm run backup` in place of the database named by
 * DATABASE_PATH. Refused while a server or another command has the database open (see db/backup.ts).
 */
runMaintenanceCommand(
  (locale) => t(locale, 'cli.restore.usage'),
  async (databasePath, file, locale) => {
    const restored = await restoreDatabase(databasePath, file);
    return [
      t(locale, 'cli.restore.restored', { database: databasePath, file, copy: describeCopy(restored, locale) }),
      ...(restored.previous ? [t(locale, 'cli.restore.previousKept', { previous: restored.previous })] : []),
      t(locale, 'cli.restore.start'),
    ];
  },
);
