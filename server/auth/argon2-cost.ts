import { localeFromEnv } from '../i18n/cli-locale';
import { LocalizedError } from '../i18n/localized-error';

/** argon2id's cost parameters; empty means the library's defaults (64 MiB, 3 passes). */
export interface Argon2Cost {
  memoryCost?: number;
  timeCost?: number;
}

const VARIABLES = { ARGON2_MEMORY_KIB: 'memoryCost', ARGON2_TIME_COST: 'timeCost' } as const;
/** argon2 needs 8 KiB for each of its 4 lanes, and at least one pass. */
const MINIMUM = { ARGON2_MEMORY_KIB: 32, ARGON2_TIME_COST: 1 } as const;

/**
 * The cost set by ARGON2_MEMORY_KIB and ARGON2_TIME_COST, which only the test suite may lower (jest
 * runs with NODE_ENV=test; see test/setup/env.ts): anywhere else they are refused, so that no server
 * starts with cheap hashes. Verifying reads the cost from the stored hash, so hashes made either way
 * stay valid. Refusals are worded in the environment's language (docs/i18n.md#the-command-line).
 */
export function argon2Cost(env: NodeJS.ProcessEnv = process.env): Argon2Cost {
  const locale = localeFromEnv(env);
  const names = (Object.keys(VARIABLES) as (keyof typeof VARIABLES)[]).filter((name) => (env[name] ?? '') !== '');
  if (names.length > 0 && env.NODE_ENV !== 'test') {
    const list = new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
    throw new LocalizedError('startup.config.argon2TestOnly', { names: list, count: names.length }, locale);
  }
  const cost: Argon2Cost = {};
  for (const name of names) {
    const value = Number(env[name]);
    if (!Number.isInteger(value) || value < MINIMUM[name]) {
      throw new LocalizedError('startup.config.argon2Minimum', { name, minimum: MINIMUM[name], value: String(env[name]) }, locale);
    }
    cost[VARIABLES[name]] = value;
  }
  return cost;
}
