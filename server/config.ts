import { isIP } from 'node:net';
import { DEFAULT_BUSY_TIMEOUT_MS, openDatabase, type Db } from '../db/client';
import { localeFromEnv } from './i18n/cli-locale';
import type { Locale } from './i18n/locale';
import { LocalizedError } from './i18n/localized-error';

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

/** A setting refused: its message in the language of LC_ALL/LC_MESSAGES/LANG (docs/i18n.md#the-command-line). */
const refused = (locale: Locale, key: string, value?: string) => new LocalizedError(key, { value: String(value) }, locale);

function logLevel(env: NodeJS.ProcessEnv, locale: Locale): LogLevel {
  const value = env.LOG_LEVEL?.trim().toLowerCase() || (env.JEST_WORKER_ID ? 'silent' : 'info');
  const level = LOG_LEVELS.find((l) => l === value);
  if (!level) throw new LocalizedError('startup.config.logLevel', { levels: LOG_LEVELS.join(', '), value: String(env.LOG_LEVEL) }, locale);
  return level;
}

export type TrustProxy = false | number | string[];

const ON = ['on', 'true', '1', 'yes', 'oui'];
const OFF = ['off', 'false', '0', 'no', 'non', ''];

function flag(env: NodeJS.ProcessEnv, name: string, fallback: 'on' | 'off', locale: Locale): boolean {
  const value = (env[name] ?? fallback).trim().toLowerCase();
  if (!ON.includes(value) && !OFF.includes(value)) {
    throw new LocalizedError('startup.config.flag', { name, value: String(env[name]) }, locale);
  }
  return ON.includes(value) || (value === '' && fallback === 'on');
}

/**
 * Reads the configuration from the environment (see README, « Configuration »); a refused setting is
 * a LocalizedError worded in the environment's language.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const locale = localeFromEnv(env);
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw refused(locale, 'startup.config.port', env.PORT);
  }
  const busy = env.DATABASE_BUSY_TIMEOUT_MS?.trim() || String(DEFAULT_BUSY_TIMEOUT_MS);
  if (!/^\d{1,6}$/.test(busy) || Number(busy) > 600_000) {
    throw refused(locale, 'startup.config.busyTimeout', env.DATABASE_BUSY_TIMEOUT_MS);
  }
  const sessionSecret = env.SESSION_SECRET?.trim() || null;
  if (sessionSecret !== null && sessionSecret.length < 32) {
    throw refused(locale, 'startup.config.sessionSecret');
  }
  const cacheMb = env.PUBLIC_CACHE_MB === undefined || env.PUBLIC_CACHE_MB === '' ? 64 : Number(env.PUBLIC_CACHE_MB);
  if (!Number.isFinite(cacheMb) || cacheMb < 0) {
    throw refused(locale, 'startup.config.publicCache', env.PUBLIC_CACHE_MB);
  }
  const coverage = env.PUBLICATION_MIN_COVERAGE?.trim() || '50';
  if (!/^\d{1,3}(\.\d+)?$/.test(coverage) || Number(coverage) > 100) {
    throw refused(locale, 'startup.config.coverage', env.PUBLICATION_MIN_COVERAGE);
  }
  return {
    port,
    databasePath: env.DATABASE_PATH || 'data/dashboard.sqlite',
    databaseBusyTimeoutMs: Number(busy),
    demoData: flag(env, 'DEMO_DATA', 'on', locale),
    secureCookies: flag(env, 'SECURE_COOKIES', 'off', locale),
    sessionSecret,
    logLevel: logLevel(env, locale),
    publicCacheBytes: Math.round(cacheMb * 1024 * 1024),
    trustProxy: trustProxy(env.TRUST_PROXY, locale),
    publicationMinCoverage: Number(coverage),
    publicUrl: publicUrl(env.PUBLIC_URL, port, locale),
    viewCache: env.NODE_ENV !== 'development',
  };
}

/** PUBLIC_URL: an http(s) origin, with a path for a site served below one; by default http://localhost:PORT. */
function publicUrl(raw: string | undefined, port: number, locale: Locale): string {
  const value = raw?.trim() ?? '';
  if (value === '') return `http://localhost:${port}`;
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username) {
    throw refused(locale, 'startup.config.publicUrl', raw);
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
function trustProxy(raw: string | undefined, locale: Locale): TrustProxy {
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
  throw refused(locale, 'startup.config.trustProxy', raw);
}
