import { createUser, disableUser, findUserByEmail, listUsers, setPasswordHash } from '../../db/queries/users';
import { readCatalogue } from '../domain/catalogue';
import { loadSeed } from '../../seed/load';
import { hashPassword, passwordProblem } from '../auth/passwords';
import { openDatabaseOf, readConfig } from '../config';
import { ROLES, type Role } from '../domain/permissions';
import { readPassword } from './read-password';
import { localeFromEnv } from '../i18n/cli-locale';
import { translator } from '../i18n/translate';
import type { Locale } from '../i18n/locale';
import { errorText } from '../i18n/localized-error';
import type { CliOutput } from './import';

const USAGE = ['cli.user.usage', 'cli.user.usageAdd', 'cli.user.usageList', 'cli.user.usageDisable', 'cli.user.usagePassword'];

const consoleOutput: CliOutput = { out: (l) => console.log(l), err: (l) => console.error(l) };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * `npm run user -- add|list|disable|password`. Returns the exit status: 0 done, 1 refused
 * (nothing changed), 2 wrong command line.
 */
export async function runUser(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: CliOutput = consoleOutput,
  password: () => Promise<string> = () => readPassword(process.stdin, localeFromEnv(env)),
): Promise<number> {
  const locale = localeFromEnv(env);
  const t = translator(locale);
  const [command, ...rest] = args;
  const usage = (message: string) => {
    io.err(message);
    for (const key of USAGE) io.err(t(key));
    return 2;
  };
  if (!command || !['add', 'list', 'disable', 'password'].includes(command)) {
    return usage(command ? t('cli.user.unknownCommand', { command }) : t('cli.user.noCommand'));
  }

  const db = openDatabaseOf(readConfig(env));
  try {
    loadSeed(db);
    if (command === 'list') {
      const users = listUsers(db);
      if (users.length === 0) io.out(t('cli.user.noAccounts'));
      for (const u of users) {
        const status = u.disabledAt ? t('cli.user.disabledOn', { day: u.disabledAt.slice(0, 10) }) : t('cli.user.active');
        const mechanisms = u.mechanisms.length ? ` (${u.mechanisms.join(', ')})` : '';
        io.out(`${u.email}\t${u.role}${mechanisms}\t${status}`);
      }
      return 0;
    }

    const positional: string[] = [];
    let role: string | null = null;
    const mechanisms: string[] = [];
    for (let i = 0; i < rest.length; i++) {
      const arg = rest[i]!;
      if (command === 'add' && arg === '--role') role = rest[++i] ?? '';
      else if (command === 'add' && arg === '--mechanism') mechanisms.push(rest[++i] ?? '');
      else if (arg.startsWith('--')) return usage(t('cli.user.unknownOption', { option: arg }));
      else positional.push(arg);
    }
    if (positional.length !== 1) return usage(t('cli.user.oneEmail'));
    const email = positional[0]!.trim().toLowerCase();
    if (!EMAIL.test(email)) return usage(t('cli.user.notEmail', { email }));

    if (command === 'add') {
      if (role === null || !ROLES.includes(role as Role)) {
        return usage(role ? t('cli.user.roleReceived', { role }) : t('cli.user.role'));
      }
      const known = new Set(readCatalogue(db).mechanisms.map((m) => m.id));
      const unknown = mechanisms.filter((m) => !known.has(m));
      if (unknown.length) return usage(t('cli.user.unknownMechanism', { unknown: unknown.join(', '), known: [...known].join(', ') }));
      if (role === 'member' && mechanisms.length === 0) return usage(t('cli.user.memberNeedsMechanism'));
      if (role !== 'member' && mechanisms.length > 0) return usage(t('cli.user.onlyMembers'));
      if (findUserByEmail(db, email)) {
        io.err(t('cli.user.exists', { email }));
        return 1;
      }
      const passwordHash = await newPasswordHash(password, io, locale, (problem) => t('cli.user.notCreated', { problem }));
      if (passwordHash === null) return 1;
      createUser(db, { email, role: role as Role, passwordHash, mechanisms });
      io.out(t('cli.user.created', { email, details: `${role}${mechanisms.length ? ` ; ${mechanisms.join(', ')}` : ''}` }));
      return 0;
    }

    const user = findUserByEmail(db, email);
    if (!user) {
      io.err(t('cli.user.noAccount', { email }));
      return 1;
    }
    if (command === 'disable') {
      if (user.disabledAt) {
        io.out(t('cli.user.alreadyDisabled', { email }));
        return 0;
      }
      disableUser(db, user.id);
      io.out(t('cli.user.disabled', { email }));
      return 0;
    }
    const passwordHash = await newPasswordHash(password, io, locale, (problem) => t('cli.user.passwordUnchanged', { problem }));
    if (passwordHash === null) return 1;
    setPasswordHash(db, user.id, passwordHash);
    io.out(t('cli.user.passwordChanged', { email }));
    return 0;
  } catch (error) {
    io.err(errorText(error, locale));
    return 1;
  } finally {
    db.$client.close();
  }
}

/** Reads a new password and hashes it, or says why it is refused (`refusal` words it) and gives null. */
async function newPasswordHash(
  password: () => Promise<string>,
  io: CliOutput,
  locale: Locale,
  refusal: (problem: string) => string,
): Promise<string | null> {
  const secret = await password();
  const problem = passwordProblem(secret, locale);
  if (problem) {
    io.err(refusal(problem));
    return null;
  }
  return hashPassword(secret);
}

if (require.main === module) {
  void runUser(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
