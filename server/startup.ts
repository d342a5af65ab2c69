import type { Db } from '../db/client';
import { loadDemoData, shouldLoadDemoData } from '../seed/demo-load';
import { loadSeedUnlessLoaded } from '../seed/load';
import { BUILD_ID } from './build-info';
import { openDatabaseOf, type Config } from './config';
import { freezeEarlierPublications } from './domain/releases/publish';
import { DEFAULT_LOCALE, type Locale } from './i18n/locale';
import { errorText } from './i18n/localized-error';
import { t } from './i18n/translate';

/**
 * Opens the database and brings it to what the dashboard serves: schema, catalogue and registry,
 * demonstration data when asked for, and releases frozen. Says what it did on `log`, in `locale`
 * (the server and the static export pass the language of LANG: docs/i18n.md#the-command-line).
 */
export function prepareDatabase(config: Config, log: (line: string) => void = console.log, locale: Locale = DEFAULT_LOCALE): Db {
  const db = openDatabaseOf(config);
  // From the compiled server, not loaded again when neither the build nor the seed files changed: nothing to write.
  const summary = loadSeedUnlessLoaded(db, BUILD_ID);
  const changed = Object.entries(summary ?? {})
    .filter(([, c]) => c.inserted + c.updated + c.deleted > 0)
    .map(([table, c]) => `${table} +${c.inserted} ~${c.updated} -${c.deleted}`);
  log(t(locale, 'startup.seeded', { changes: changed.length ? changed.join(', ') : t(locale, 'startup.upToDate') }));
  if (shouldLoadDemoData(db, config)) {
    const demo = loadDemoData(db);
    log(t(locale, 'startup.demoLoaded', { reports: demo.reports, answers: demo.answers }));
  }
  const frozen = freezeEarlierPublications(db);
  if (frozen > 0) log(t(locale, 'startup.frozen', { years: frozen }));
  return db;
}

interface SystemError {
  code?: string;
  syscall?: string;
  path?: string;
  message?: string;
}

/** Why a file or folder cannot be used, by the system's error code; keys in full for the message test. */
const FILE_REASONS: Record<string, string> = {
  ENOTDIR: 'startup.fileReasons.notDirectory',
  EACCES: 'startup.fileReasons.denied',
  EPERM: 'startup.fileReasons.denied',
  EROFS: 'startup.fileReasons.readOnly',
  ENOSPC: 'startup.fileReasons.diskFull',
  EEXIST: 'startup.fileReasons.exists',
};

const SQLITE_REASONS: Record<string, string> = {
  SQLITE_CANTOPEN: 'startup.sqliteReasons.cantOpen',
  SQLITE_READONLY: 'startup.sqliteReasons.readOnly',
  SQLITE_PERM: 'startup.sqliteReasons.perm',
  SQLITE_NOTADB: 'startup.sqliteReasons.notADatabase',
  SQLITE_CORRUPT: 'startup.sqliteReasons.corrupt',
  SQLITE_BUSY: 'startup.sqliteReasons.busy',
  SQLITE_FULL: 'startup.sqliteReasons.full',
};

/**
 * The one line printed on standard error when the server cannot start, in `locale` (LANG's): what
 * went wrong and what to change, without a stack trace (the cause is the operator's setting, not the code).
 */
export function startupFailureMessage(
  err: unknown,
  config: Pick<Config, 'port' | 'databasePath'> | null,
  locale: Locale = DEFAULT_LOCALE,
): string {
  const e = (err ?? {}) as SystemError;
  const database = config ? t(locale, 'startup.quoted', { text: config.databasePath }) : '';
  const fileReason = (code: string | undefined) => (FILE_REASONS[code ?? ''] ? t(locale, FILE_REASONS[code ?? '']!) : code);
  let reason: string;
  if (e.syscall === 'listen' && e.code === 'EADDRINUSE') {
    reason = t(locale, 'startup.portInUse', { port: config?.port });
  } else if (e.syscall === 'listen' && (e.code === 'EACCES' || e.code === 'EPERM')) {
    reason = t(locale, 'startup.portReserved', { port: config?.port });
  } else if (e.syscall === 'mkdir') {
    reason = t(locale, 'startup.databaseFolder', { path: e.path, reason: fileReason(e.code) });
  } else if (e.code && SQLITE_REASONS[e.code]) {
    reason = t(locale, 'startup.database', { database, reason: t(locale, SQLITE_REASONS[e.code]!) });
  } else if (e.code?.startsWith('SQLITE_')) {
    reason = t(locale, 'startup.databaseOther', { database, code: e.code, message: e.message });
  } else if (e.syscall && e.path) {
    reason = t(locale, 'startup.file', { path: e.path, reason: fileReason(e.code) });
  } else {
    // Configuration errors (server/config.ts) say what is wrong in LANG's language; the seed's in French.
    reason = errorText(err, locale);
  }
  return t(locale, 'startup.failed', { reason }).replace(/\s*\n\s*/g, ' ');
}
