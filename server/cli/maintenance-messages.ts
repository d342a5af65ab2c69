/**
 * The message keys of the refusals of `npm run backup` and `npm run restore` (db/backup.ts), in full
 * here because the message test reads keys in server/ and views/ only (docs/i18n.md#messages).
 */
export const MAINTENANCE_KEYS = {
  theCopy: 'cli.maintenance.theCopy',
  theBackup: 'cli.maintenance.theBackup',
  cannotOpen: 'cli.maintenance.cannotOpen',
  unreadable: 'cli.maintenance.unreadable',
  damaged: 'cli.maintenance.damaged',
  notDashboard: 'cli.maintenance.notDashboard',
  newer: 'cli.maintenance.newer',
  noDatabase: 'cli.maintenance.noDatabase',
  targetExists: 'cli.maintenance.targetExists',
  noFile: 'cli.maintenance.noFile',
  isDatabase: 'cli.maintenance.isDatabase',
  inUse: 'cli.maintenance.inUse',
} as const;
