import argon2 from 'argon2';
import { argon2Cost } from './argon2-cost';
import type { Db } from '../../db/client';
import { findUserByEmail, type User } from '../../db/queries/users';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';

/** The shortest password accepted (NIST SP 800-63B asks for at least 8; we ask for more). */
export const MIN_PASSWORD_LENGTH = 12;

const cost = argon2Cost();

/** argon2id with the library's defaults (64 MiB, 3 passes) or the tests' cheaper cost, stored as a PHC string. */
export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id, ...cost });

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Why a new password is refused, in `locale` (the command line's: LANG), or null when it is acceptable. */
export function passwordProblem(password: string, locale: Locale = DEFAULT_LOCALE): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return t(locale, 'cli.password.tooShort', { min: MIN_PASSWORD_LENGTH });
  }
  return null;
}

/**
 * A hash of a random password, verified when the address is unknown so that a sign-in takes as
 * long whether or not the account exists.
 */
let decoy: Promise<string> | null = null;
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`));

/**
 * The account an address may sign in to and the hash to check the password against: a decoy hash
 * for an unknown or disabled address (user null), so that the answer takes as long either way.
 */
export async function signInAccount(db: Db, email: string): Promise<{ user: User | null; hash: string }> {
  const user = findUserByEmail(db, email);
  return user !== null && user.disabledAt === null ? { user, hash: user.passwordHash } : { user: null, hash: await decoyHash() };
}
