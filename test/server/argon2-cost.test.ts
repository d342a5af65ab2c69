import argon2 from 'argon2';
import { argon2Cost } from '../../server/auth/argon2-cost';
import { hashPassword, verifyPassword } from '../../server/auth/passwords';

describe('the argon2 cost', () => {
  test('without the variables, the library’s defaults (64 MiB, 3 passes), whatever NODE_ENV says', async () => {
    for (const NODE_ENV of [undefined, 'production', 'test']) expect(argon2Cost({ NODE_ENV })).toEqual({});
    // What the defaults are: a hash made with them says so.
    const hash = await argon2.hash('un mot de passe de test', { type: argon2.argon2id, ...argon2Cost({}) });
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
  });

  test('the variables are refused outside the tests, so that no server starts with cheap hashes', () => {
    for (const NODE_ENV of [undefined, 'production', 'development']) {
      expect(() => argon2Cost({ NODE_ENV, ARGON2_MEMORY_KIB: '1024' })).toThrow(
        'ARGON2_MEMORY_KIB ne sert qu’aux tests (NODE_ENV=test) : retirez-la de l’environnement.',
      );
    }
    expect(() => argon2Cost({ ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1' })).toThrow(
      'ARGON2_MEMORY_KIB et ARGON2_TIME_COST ne servent qu’aux tests (NODE_ENV=test) : retirez-les de l’environnement.',
    );
  });

  test('in the tests, they set the cost; a value that is not a usable integer is refused', () => {
    expect(argon2Cost({ NODE_ENV: 'test', ARGON2_MEMORY_KIB: '2048', ARGON2_TIME_COST: '2' })).toEqual({ memoryCost: 2048, timeCost: 2 });
    expect(argon2Cost({ NODE_ENV: 'test', ARGON2_TIME_COST: '1' })).toEqual({ timeCost: 1 });
    for (const [name, value, minimum] of [
      ['ARGON2_MEMORY_KIB', '16', 32],
      ['ARGON2_MEMORY_KIB', '64 Mo', 32],
      ['ARGON2_TIME_COST', '0', 1],
      ['ARGON2_TIME_COST', '1.5', 1],
    ] as const) {
      expect(() => argon2Cost({ NODE_ENV: 'test', [name]: value })).toThrow(
        `${name} doit être un entier d’au moins ${minimum} (reçu : « ${value} »).`,
      );
    }
  });

  test('the suite hashes with the cost test/setup/env.ts sets, and such hashes verify', async () => {
    const hash = await hashPassword('un mot de passe de test');
    const { ARGON2_MEMORY_KIB, ARGON2_TIME_COST } = process.env;
    expect(hash).toMatch(new RegExp(`^\\$argon2id\\$v=19\\$m=${ARGON2_MEMORY_KIB},p=4,t=${ARGON2_TIME_COST}\\$`));
    expect(await verifyPassword(hash, 'un mot de passe de test')).toBe(true);
    expect(await verifyPassword(hash, 'un autre mot de passe')).toBe(false);
  });
});
