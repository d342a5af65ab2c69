import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../db/client';
import { findUserByEmail, listUsers } from '../../db/queries/users';
import { verifyPassword } from '../../server/auth/passwords';
import { runUser } from '../../server/cli/user';
import { useTempDir } from '../helpers/temp-dir';

jest.setTimeout(60_000);

const root = path.resolve(__dirname, '../..');

let env: NodeJS.ProcessEnv;
const dir = useTempDir('user-cli-');
beforeEach(() => {
  env = { DATABASE_PATH: dir.file('db.sqlite') };
});

/** Runs the command in-process, with `password` as what standard input would give. */
async function run(args: string[], password = 'un mot de passe assez long') {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runUser(args, env, { out: (l) => out.push(l), err: (l) => err.push(l) }, () => Promise.resolve(password));
  return { status, out: out.join('\n'), err: err.join('\n') };
}

function users() {
  const db = openDatabase(env.DATABASE_PATH!);
  try {
    return listUsers(db);
  } finally {
    db.$client.close();
  }
}

describe('npm run user', () => {
  test('add creates an account with an argon2id hash and its mechanisms; list shows it', async () => {
    const added = await run(['add', 'Marie@Example.org', '--role', 'member', '--mechanism', 'article5', '--mechanism', 'compliance']);
    expect(added).toMatchObject({ status: 0, err: '' });
    expect(added.out).toBe('Compte créé : marie@example.org (member ; article5, compliance).');
    const [user] = users();
    expect(user).toMatchObject({ email: 'marie@example.org', role: 'member', mechanisms: ['article5', 'compliance'], disabledAt: null });
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user!.passwordHash, 'un mot de passe assez long')).toBe(true);
    const listed = await run(['list']);
    expect(listed.out).toBe('marie@example.org\tmember (article5, compliance)\tactif');
  });

  test('wrong command lines say why and change nothing', async () => {
    const cases: [string[], RegExp][] = [
      [[], /Indiquez une commande/],
      [['remove', 'a@b.org'], /Commande inconnue « remove »/],
      [['add', 'a@b.org'], /Indiquez le rôle avec --role/],
      [['add', 'a@b.org', '--role', 'chef'], /reçu : « chef »/],
      [['add', 'pas-une-adresse', '--role', 'admin'], /n’est pas une adresse électronique/],
      [['add', 'a@b.org', '--role', 'member'], /au moins un mécanisme/],
      [['add', 'a@b.org', '--role', 'member', '--mechanism', 'inconnu'], /Mécanisme inconnu : inconnu/],
      [['add', 'a@b.org', '--role', 'admin', '--mechanism', 'article5'], /Seuls les membres/],
      [['add', 'a@b.org', '--role', 'admin', '--password', 'secret'], /Option inconnue « --password »/],
    ];
    for (const [args, message] of cases) {
      const result = await run(args);
      expect(result.status).toBe(2);
      expect(result.err).toMatch(message);
      expect(result.err).toContain('Usage :');
    }
    expect(fs.existsSync(env.DATABASE_PATH!) ? users() : []).toEqual([]);
  });

  test('a short password, or an address already taken, is refused', async () => {
    expect(await run(['add', 'a@b.org', '--role', 'admin'], 'court')).toMatchObject({
      status: 1,
      err: 'Compte non créé : le mot de passe doit compter au moins 12 caractères.',
    });
    expect(users()).toEqual([]);
    await run(['add', 'a@b.org', '--role', 'admin']);
    expect(await run(['add', 'A@B.org', '--role', 'observer'])).toMatchObject({
      status: 1,
      err: 'Le compte a@b.org existe déjà : rien n’a été changé.',
    });
    expect(users().map((u) => u.role)).toEqual(['admin']);
  });

  test('disable and password change the account; an unknown address is refused', async () => {
    await run(['add', 'a@b.org', '--role', 'observer']);
    expect(await run(['password', 'a@b.org'], 'un nouveau mot de passe')).toMatchObject({ status: 0 });
    const db = openDatabase(env.DATABASE_PATH!);
    try {
      expect(await verifyPassword(findUserByEmail(db, 'a@b.org')!.passwordHash, 'un nouveau mot de passe')).toBe(true);
    } finally {
      db.$client.close();
    }
    expect(await run(['disable', 'a@b.org'])).toMatchObject({ status: 0, out: 'Compte désactivé : a@b.org (ses sessions sont fermées).' });
    expect(users()[0]!.disabledAt).not.toBeNull();
    expect((await run(['list'])).out).toMatch(/a@b\.org\tobserver\tdésactivé le \d{4}-\d{2}-\d{2}/);
    expect(await run(['disable', 'x@b.org'])).toMatchObject({ status: 1, err: 'Aucun compte x@b.org : rien n’a été changé.' });
  });

  test('through npm’s script, the password is read from standard input, never from the arguments', () => {
    // Through scripts/cli.mjs, as `npm run user` runs: the runner hands its standard input to the tool.
    const result = spawnSync(process.execPath, ['scripts/cli.mjs', 'user', 'add', 'pipe@example.org', '--role', 'admin'], {
      cwd: root,
      env: { ...process.env, ...env },
      input: 'mot de passe par le tube\nligne ignorée\n',
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('mot de passe par le tube');
    const db = openDatabase(env.DATABASE_PATH!);
    try {
      return verifyPassword(findUserByEmail(db, 'pipe@example.org')!.passwordHash, 'mot de passe par le tube').then((ok) =>
        expect(ok).toBe(true),
      );
    } finally {
      db.$client.close();
    }
  });
});
