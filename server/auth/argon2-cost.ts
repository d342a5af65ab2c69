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
 * stay valid.
 */
export function argon2Cost(env: NodeJS.ProcessEnv = process.env): Argon2Cost {
  const names = (Object.keys(VARIABLES) as (keyof typeof VARIABLES)[]).filter((name) => (env[name] ?? '') !== '');
  if (names.length > 0 && env.NODE_ENV !== 'test') {
    const [serves, them] = names.length > 1 ? ['ne servent', 'les'] : ['ne sert', 'la'];
    throw new Error(`${names.join(' et ')} ${serves} qu’aux tests (NODE_ENV=test) : retirez-${them} de l’environnement.`);
  }
  const cost: Argon2Cost = {};
  for (const name of names) {
    const value = Number(env[name]);
    if (!Number.isInteger(value) || value < MINIMUM[name]) {
      throw new Error(`${name} doit être un entier d’au moins ${MINIMUM[name]} (reçu : « ${env[name]} »).`);
    }
    cost[VARIABLES[name]] = value;
  }
  return cost;
}
