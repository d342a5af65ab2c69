import { createUser, disableUser, findUserByEmail, listUsers, setPasswordHash } from '../../db/queries/users';
import { readCatalogue } from '../domain/catalogue';
import { loadSeed } from '../../seed/load';
import { hashPassword, passwordProblem } from '../auth/passwords';
import { openDatabaseOf, readConfig } from '../config';
import { ROLES, type Role } from '../domain/permissions';
import { readPassword } from './read-password';
import type { CliOutput } from './import';

const USAGE = [
  'Usage :',
  '  npm run user -- add ADRESSE --role admin|member|observer [--mechanism ID …]   (mot de passe lu sur l’entrée standard)',
  '  npm run user -- list',
  '  npm run user -- disable ADRESSE',
  '  npm run user -- password ADRESSE   (nouveau mot de passe lu sur l’entrée standard)',
];

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
  password: () => Promise<string> = () => readPassword(),
): Promise<number> {
  const [command, ...rest] = args;
  const usage = (message: string) => {
    io.err(message);
    for (const line of USAGE) io.err(line);
    return 2;
  };
  if (!command || !['add', 'list', 'disable', 'password'].includes(command)) {
    return usage(command ? `Commande inconnue « ${command} ».` : 'Indiquez une commande.');
  }

  const db = openDatabaseOf(readConfig(env));
  try {
    loadSeed(db);
    if (command === 'list') {
      const users = listUsers(db);
      if (users.length === 0) io.out('Aucun compte.');
      for (const u of users) {
        const status = u.disabledAt ? `désactivé le ${u.disabledAt.slice(0, 10)}` : 'actif';
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
      else if (arg.startsWith('--')) return usage(`Option inconnue « ${arg} ».`);
      else positional.push(arg);
    }
    if (positional.length !== 1) return usage('Indiquez une seule adresse électronique.');
    const email = positional[0]!.trim().toLowerCase();
    if (!EMAIL.test(email)) return usage(`« ${email} » n’est pas une adresse électronique.`);

    if (command === 'add') {
      if (role === null || !ROLES.includes(role as Role)) {
        return usage(`Indiquez le rôle avec --role admin, member ou observer${role ? ` (reçu : « ${role} »)` : ''}.`);
      }
      const known = new Set(readCatalogue(db).mechanisms.map((m) => m.id));
      const unknown = mechanisms.filter((m) => !known.has(m));
      if (unknown.length) return usage(`Mécanisme inconnu : ${unknown.join(', ')} (connus : ${[...known].join(', ')}).`);
      if (role === 'member' && mechanisms.length === 0) return usage('Un membre appartient à au moins un mécanisme : --mechanism ID.');
      if (role !== 'member' && mechanisms.length > 0) return usage('Seuls les membres (--role member) appartiennent à un mécanisme.');
      if (findUserByEmail(db, email)) {
        io.err(`Le compte ${email} existe déjà : rien n’a été changé.`);
        return 1;
      }
      const passwordHash = await newPasswordHash(password, io, 'Compte non créé');
      if (passwordHash === null) return 1;
      createUser(db, { email, role: role as Role, passwordHash, mechanisms });
      io.out(`Compte créé : ${email} (${role}${mechanisms.length ? ` ; ${mechanisms.join(', ')}` : ''}).`);
      return 0;
    }

    const user = findUserByEmail(db, email);
    if (!user) {
      io.err(`Aucun compte ${email} : rien n’a été changé.`);
      return 1;
    }
    if (command === 'disable') {
      if (user.disabledAt) {
        io.out(`Le compte ${email} était déjà désactivé.`);
        return 0;
      }
      disableUser(db, user.id);
      io.out(`Compte désactivé : ${email} (ses sessions sont fermées).`);
      return 0;
    }
    const passwordHash = await newPasswordHash(password, io, 'Mot de passe inchangé');
    if (passwordHash === null) return 1;
    setPasswordHash(db, user.id, passwordHash);
    io.out(`Mot de passe changé pour ${email} (ses sessions sont fermées).`);
    return 0;
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    db.$client.close();
  }
}

/** Reads a new password and hashes it, or says why it is refused (after `refusal`) and gives null. */
async function newPasswordHash(password: () => Promise<string>, io: CliOutput, refusal: string): Promise<string | null> {
  const secret = await password();
  const problem = passwordProblem(secret);
  if (problem) {
    io.err(`${refusal} : ${problem}.`);
    return null;
  }
  return hashPassword(secret);
}

if (require.main === module) {
  void runUser(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
