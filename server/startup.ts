import type { Db } from '../db/client';
import { loadDemoData, shouldLoadDemoData } from '../seed/demo-load';
import { loadSeed } from '../seed/load';
import { openDatabaseOf, type Config } from './config';
import { freezeEarlierPublications } from './domain/releases/publish';

/**
 * Opens the database and brings it to what the dashboard serves: schema, catalogue and registry,
 * demonstration data when asked for, and releases frozen. Says what it did on `log`.
 */
export function prepareDatabase(config: Config, log: (line: string) => void = console.log): Db {
  const db = openDatabaseOf(config);
  const summary = loadSeed(db);
  const changed = Object.entries(summary)
    .filter(([, c]) => c.inserted + c.updated + c.deleted > 0)
    .map(([table, c]) => `${table} +${c.inserted} ~${c.updated} -${c.deleted}`);
  log(`Catalogue et registre : ${changed.length ? changed.join(', ') : 'à jour'}.`);
  if (shouldLoadDemoData(db, config)) {
    const demo = loadDemoData(db);
    log(
      `Données de démonstration chargées (2025 et 2026 : ${demo.reports} rapports, ${demo.answers} réponses) ; ` +
        'pour les supprimer : npm run demo:clear (DEMO_DATA=off pour ne pas les charger).',
    );
  }
  const frozen = freezeEarlierPublications(db);
  if (frozen > 0) log(`${frozen} année(s) publiée(s) avant l’arrivée des révisions : figée(s) telles que le public les voyait.`);
  return db;
}

interface SystemError {
  code?: string;
  syscall?: string;
  path?: string;
  message?: string;
}

const FILE_REASONS: Record<string, string> = {
  ENOTDIR: 'un élément du chemin est un fichier, pas un dossier',
  EACCES: 'droits insuffisants',
  EPERM: 'droits insuffisants',
  EROFS: 'système de fichiers en lecture seule',
  ENOSPC: 'disque plein',
  EEXIST: 'un fichier porte déjà ce nom',
};

const SQLITE_REASONS: Record<string, string> = {
  SQLITE_CANTOPEN: 'ne peut pas être ouverte ni créée (dossier ou fichier inaccessible) : vérifiez DATABASE_PATH et les droits',
  SQLITE_READONLY: 'est en lecture seule : le serveur doit pouvoir y écrire',
  SQLITE_PERM: 'est interdite en écriture : le serveur doit pouvoir y écrire',
  SQLITE_NOTADB: 'n’est pas une base SQLite : vérifiez DATABASE_PATH',
  SQLITE_CORRUPT: 'est endommagée : restaurez une sauvegarde (npm run restore -- FICHIER)',
  SQLITE_BUSY: 'est verrouillée par un autre programme (une restauration en cours ?) : réessayez quand il aura fini',
  SQLITE_FULL: 'ne peut plus grandir : disque plein',
};

/**
 * The one French line printed on standard error when the server cannot start: what went wrong and
 * what to change, without a stack trace (the cause is the operator's setting, not the code).
 */
export function startupFailureMessage(err: unknown, config: Pick<Config, 'port' | 'databasePath'> | null): string {
  const e = (err ?? {}) as SystemError;
  const database = config ? `« ${config.databasePath} »` : '';
  let reason: string;
  if (e.syscall === 'listen' && e.code === 'EADDRINUSE') {
    reason = `le port ${config?.port} est déjà utilisé par un autre programme : arrêtez-le ou choisissez un autre port (PORT=…).`;
  } else if (e.syscall === 'listen' && (e.code === 'EACCES' || e.code === 'EPERM')) {
    reason = `le port ${config?.port} est réservé à l’administrateur du système : choisissez un port au-dessus de 1023 (PORT=…).`;
  } else if (e.syscall === 'mkdir') {
    reason = `le dossier de la base de données « ${e.path} » ne peut pas être créé (${FILE_REASONS[e.code ?? ''] ?? e.code}) : vérifiez DATABASE_PATH.`;
  } else if (e.code && SQLITE_REASONS[e.code]) {
    reason = `la base de données ${database} ${SQLITE_REASONS[e.code]}.`;
  } else if (e.code?.startsWith('SQLITE_')) {
    reason = `la base de données ${database} n’a pas pu être préparée (${e.code} : ${e.message}).`;
  } else if (e.syscall && e.path) {
    reason = `le fichier « ${e.path} » est inaccessible (${FILE_REASONS[e.code ?? ''] ?? e.code}).`;
  } else {
    // Configuration errors (server/config.ts) and seed errors already say what is wrong, in French.
    reason = err instanceof Error ? err.message : String(err);
  }
  return `Démarrage impossible : ${reason}`.replace(/\s*\n\s*/g, ' ');
}
