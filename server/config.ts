import { isIP } from 'node:net';
import { DEFAULT_BUSY_TIMEOUT_MS, openDatabase, type Db } from '../db/client';

export interface Config {
  port: number;
  databasePath: string;
  /** How long a write waits for another process's write lock (an import) before the form says « réessayez ». */
  databaseBusyTimeoutMs: number;
  demoData: boolean;
  /** Send the session cookie with `Secure` (the site is served over HTTPS, possibly behind a proxy). */
  secureCookies: boolean;
  /** Signs session cookies; null: a random secret kept in the database. */
  sessionSecret: string | null;
  /** pino level of the server's log (requests, errors, start and stop); `silent` by default under jest. */
  logLevel: LogLevel;
  /** The bound on the public cache (pages, API answers, downloads and their compressed copies), in bytes. */
  publicCacheBytes: number;
  /**
   * Which reverse proxies to believe about the client's address (`X-Forwarded-For`), in the form of
   * express's `trust proxy` setting: false (none, the default), a hop count, or the proxies' addresses.
   */
  trustProxy: TrustProxy;
  /**
   * The share of States Parties, in percent, whose validated report a year must hold for visitors to
   * be moved to it by default; a first publication below it needs a written reason.
   */
  publicationMinCoverage: number;
  /**
   * The site's public address (`https://tableau.example.org`), written where another site needs an
   * absolute one: the « Intégrer » iframe code and the share cards' meta tags. Never read from the
   * request's Host, which a visitor chooses and the public cache would keep.
   */
  publicUrl: string;
  /**
   * Keep compiled templates between renders (Express's `view cache`). On everywhere — the server,
   * the command line's static export, the tests — except under `npm run dev` (NODE_ENV=development),
   * where an edited template shows at the next request. Compiling a page's templates costs more than
   * rendering it (docs/performance.md, « Test suite »).
   */
  viewCache: boolean;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

function logLevel(env: NodeJS.ProcessEnv): LogLevel {
  const value = env.LOG_LEVEL?.trim().toLowerCase() || (env.JEST_WORKER_ID ? 'silent' : 'info');
  const level = LOG_LEVELS.find((l) => l === value);
  if (!level) throw new Error(`LOG_LEVEL doit valoir ${LOG_LEVELS.join(', ')} (reçu : « ${env.LOG_LEVEL} »).`);
  return level;
}

export type TrustProxy = false | number | string[];

const ON = ['on', 'true', '1', 'yes', 'oui'];
const OFF = ['off', 'false', '0', 'no', 'non', ''];

function flag(env: NodeJS.ProcessEnv, name: string, fallback: 'on' | 'off'): boolean {
  const value = (env[name] ?? fallback).trim().toLowerCase();
  if (!ON.includes(value) && !OFF.includes(value)) {
    throw new Error(`${name} doit valoir « on » ou « off » (reçu : « ${env[name]} »).`);
  }
  return ON.includes(value) || (value === '' && fallback === 'on');
}

/** Reads the configuration from the environment (see README, « Configuration »). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT doit être un numéro de port entre 0 et 65535 (reçu : « ${env.PORT} »).`);
  }
  const busy = env.DATABASE_BUSY_TIMEOUT_MS?.trim() || String(DEFAULT_BUSY_TIMEOUT_MS);
  if (!/^\d{1,6}$/.test(busy) || Number(busy) > 600_000) {
    throw new Error(
      `DATABASE_BUSY_TIMEOUT_MS doit être un nombre de millisecondes entre 0 et 600000 (reçu : « ${env.DATABASE_BUSY_TIMEOUT_MS} »).`,
    );
  }
  const sessionSecret = env.SESSION_SECRET?.trim() || null;
  if (sessionSecret !== null && sessionSecret.length < 32) {
    throw new Error('SESSION_SECRET doit compter au moins 32 caractères.');
  }
  const cacheMb = env.PUBLIC_CACHE_MB === undefined || env.PUBLIC_CACHE_MB === '' ? 64 : Number(env.PUBLIC_CACHE_MB);
  if (!Number.isFinite(cacheMb) || cacheMb < 0) {
    throw new Error(`PUBLIC_CACHE_MB doit être un nombre de mégaoctets positif ou nul (reçu : « ${env.PUBLIC_CACHE_MB} »).`);
  }
  const coverage = env.PUBLICATION_MIN_COVERAGE?.trim() || '50';
  if (!/^\d{1,3}(\.\d+)?$/.test(coverage) || Number(coverage) > 100) {
    throw new Error(`PUBLICATION_MIN_COVERAGE doit être un pourcentage entre 0 et 100 (reçu : « ${env.PUBLICATION_MIN_COVERAGE} »).`);
  }
  return {
    port,
    databasePath: env.DATABASE_PATH || 'data/dashboard.sqlite',
    databaseBusyTimeoutMs: Number(busy),
    demoData: flag(env, 'DEMO_DATA', 'on'),
    secureCookies: flag(env, 'SECURE_COOKIES', 'off'),
    sessionSecret,
    logLevel: logLevel(env),
    publicCacheBytes: Math.round(cacheMb * 1024 * 1024),
    trustProxy: trustProxy(env.TRUST_PROXY),
    publicationMinCoverage: Number(coverage),
    publicUrl: publicUrl(env.PUBLIC_URL, port),
    viewCache: env.NODE_ENV !== 'development',
  };
}

/** PUBLIC_URL: an http(s) origin, with a path for a site served below one; by default http://localhost:PORT. */
function publicUrl(raw: string | undefined, port: number): string {
  const value = raw?.trim() ?? '';
  if (value === '') return `http://localhost:${port}`;
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username) {
    throw new Error(`PUBLIC_URL doit être l’adresse publique du site, par exemple https://tableau.example.org (reçu : « ${raw} »).`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** The configured database, with the configured wait for another process's write lock. */
export function openDatabaseOf(config: Pick<Config, 'databasePath' | 'databaseBusyTimeoutMs'>): Db {
  return openDatabase(config.databasePath, { busyTimeoutMs: config.databaseBusyTimeoutMs });
}

/**
 * TRUST_PROXY: off (the default: the address is the connection's), a number of proxies in front of
 * the server, or their addresses or networks separated by commas (with express's names loopback,
 * linklocal, uniquelocal). Only then does the sign-in limit count each client apart rather than the proxy.
 */
function trustProxy(raw: string | undefined): TrustProxy {
  const value = (raw ?? '').trim();
  if (OFF.includes(value.toLowerCase())) return false;
  if (/^[0-9]+$/.test(value)) {
    const hops = Number(value);
    if (hops >= 1 && hops <= 10) return hops;
  }
  const entries = value.split(',').map((entry) => entry.trim());
  const named = ['loopback', 'linklocal', 'uniquelocal'];
  const address = /^(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*)(?:\/[0-9]{1,3})?$/;
  if (entries.every((entry) => named.includes(entry) || (address.test(entry) && isIP(entry.split('/')[0]!) !== 0))) {
    return entries;
  }
  throw new Error(
    `TRUST_PROXY doit valoir « off », un nombre de proxys entre 1 et 10, ou leurs adresses séparées par des virgules (reçu : « ${raw} »).`,
  );
}
