import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { buildOnce } from './prepared';
import { sessions, userMechanisms, users } from '../schema';
import type { Role, Viewer } from '../../server/domain/permissions';
import type { Locale } from '../../server/i18n/locale';

export type User = typeof users.$inferSelect;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export function findUserByEmail(db: Db, email: string): User | null {
  return (
    db
      .select()
      .from(users)
      .where(eq(users.email, normaliseEmail(email)))
      .get() ?? null
  );
}

/** The signed-in user of a session, or null when the account is unknown or disabled. */
export function readViewer(db: Db, id: number): Viewer | null {
  // Asked on every signed-in request: prepared once.
  const { user: userQuery, mechanisms: mechanismsQuery } = buildOnce(db, 'readViewer', (d) => ({
    user: d
      .select()
      .from(users)
      .where(eq(users.id, sql.placeholder('id')))
      .prepare(),
    mechanisms: d
      .select({ mechanism: userMechanisms.mechanism })
      .from(userMechanisms)
      .where(eq(userMechanisms.userId, sql.placeholder('id')))
      .prepare(),
  }));
  const user = userQuery.get({ id });
  if (user?.disabledAt !== null) return null;
  const mechanisms = mechanismsQuery.all({ id }).map((m) => m.mechanism);
  return { id: user.id, email: user.email, role: user.role, mechanisms, locale: user.locale };
}

export function createUser(
  db: Db,
  input: { email: string; role: Role; passwordHash: string; mechanisms: string[] },
  now: Date = new Date(),
): User {
  return db.transaction((tx) => {
    const user = tx
      .insert(users)
      .values({ email: normaliseEmail(input.email), role: input.role, passwordHash: input.passwordHash, createdAt: now.toISOString() })
      .returning()
      .get();
    for (const mechanism of new Set(input.mechanisms)) tx.insert(userMechanisms).values({ userId: user.id, mechanism }).run();
    return user;
  });
}

export function listUsers(db: Db): (User & { mechanisms: string[] })[] {
  const all = db.select().from(users).orderBy(asc(users.email)).all();
  const links = all.length
    ? db
        .select()
        .from(userMechanisms)
        .where(
          inArray(
            userMechanisms.userId,
            all.map((u) => u.id),
          ),
        )
        .all()
    : [];
  return all.map((u) => ({ ...u, mechanisms: links.filter((l) => l.userId === u.id).map((l) => l.mechanism) }));
}

/** Disables the account and ends its sessions. */
export function disableUser(db: Db, id: number, now: Date = new Date()): void {
  db.transaction((tx) => {
    tx.update(users).set({ disabledAt: now.toISOString() }).where(eq(users.id, id)).run();
    tx.delete(sessions).where(eq(sessions.userId, id)).run();
  });
}

/** Sets a new password and ends the account's sessions, so that an old password opens nothing. */
/** The language the workspace answers the user in (a member's choice, server/routes/workspace/language.ts). */
export function setUserLocale(db: Db, id: number, locale: Locale): void {
  db.update(users).set({ locale }).where(eq(users.id, id)).run();
}

export function setPasswordHash(db: Db, id: number, passwordHash: string): void {
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, id)).run();
    tx.delete(sessions).where(eq(sessions.userId, id)).run();
  });
}
