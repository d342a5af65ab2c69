import { argon2Cost } from '../../server/auth/argon2-cost';
import { passwordProblem } from '../../server/auth/passwords';
import { readConfig } from '../../server/config';
import { errorText } from '../../server/i18n/localized-error';
import { fileCollisions } from '../../server/site-export/paths';
import { startupFailureMessage } from '../../server/startup';
import { foreignPhrases } from '../helpers/foreign-phrases';
import { runCommand } from '../helpers/cli';
import { get, spawnServer, stopServer, waitUntilServing, type ServerProcess } from '../helpers/server-process';
import { useTempDir } from '../helpers/temp-dir';

/**
 * The start-up, configuration and shutdown sentences, the password rules, the refusals of backup and
 * restore and the static export's reports follow LANG (docs/i18n.md#the-command-line); French stays
 * the default, word for word.
 */

// Child processes on a busy machine: the server seeds its database before it serves.
jest.setTimeout(180_000);

const PORT = 3431;
const EN = { LANG: 'en_US.UTF-8' };
const ES = { LANG: 'es_ES.UTF-8' };

/** Whatever the error, what is thrown: the error itself. */
const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('nothing thrown');
};

describe('the start-up’s and the configuration’s sentences in the language of LANG', () => {
  test('a refused setting and a start-up failure: English, Spanish, French by default', () => {
    expect(() => readConfig({ ...EN, PORT: 'abc' })).toThrow('PORT must be a port number from 0 to 65535 (received: “abc”).');
    expect(() => readConfig({ ...ES, TRUST_PROXY: 'yes please' })).toThrow(
      'TRUST_PROXY debe valer «off», un número de proxys entre 1 y 10, o sus direcciones separadas por comas (recibido: «yes please»).',
    );
    expect(() => readConfig({ PORT: 'abc' })).toThrow('PORT doit être un numéro de port entre 0 et 65535 (reçu : « abc »).');
    // Raised in French, worded again for a reader of another language.
    const refused = thrown(() => readConfig({ SESSION_SECRET: 'short' }));
    expect(errorText(refused, 'en')).toBe('SESSION_SECRET must be at least 32 characters long.');
    expect(startupFailureMessage(refused, null, 'es')).toBe('No se puede iniciar: SESSION_SECRET debe tener al menos 32 caracteres.');

    const config = { port: 3000, databasePath: 'data/db.sqlite' };
    const inUse = Object.assign(new Error('listen'), { syscall: 'listen', code: 'EADDRINUSE' });
    expect(startupFailureMessage(inUse, config, 'en')).toBe(
      'Cannot start: port 3000 is already used by another program: stop it or choose another port (PORT=…).',
    );
    expect(startupFailureMessage(inUse, config)).toBe(
      'Démarrage impossible : le port 3000 est déjà utilisé par un autre programme : arrêtez-le ou choisissez un autre port (PORT=…).',
    );
    const busy = Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' });
    expect(startupFailureMessage(busy, config, 'en')).toBe(
      'Cannot start: the database “data/db.sqlite” is locked by another program (a restore under way?): try again when it has finished.',
    );
    const folder = Object.assign(new Error('mkdir'), { syscall: 'mkdir', code: 'EACCES', path: '/root/x' });
    expect(startupFailureMessage(folder, config, 'es')).toBe(
      'No se puede iniciar: la carpeta de la base de datos «/root/x» no puede crearse (permisos insuficientes): compruebe DATABASE_PATH.',
    );

    expect(() => argon2Cost({ ...EN, ARGON2_MEMORY_KIB: '64', ARGON2_TIME_COST: '1' })).toThrow(
      'ARGON2_MEMORY_KIB and ARGON2_TIME_COST are for the tests only (NODE_ENV=test): remove them from the environment.',
    );
    expect(() => argon2Cost({ ...ES, NODE_ENV: 'test', ARGON2_TIME_COST: '0' })).toThrow(
      'ARGON2_TIME_COST debe ser un número entero de al menos 1 (recibido: «0»).',
    );
  });

  test('the password rule and the static export’s reports in the language asked for', () => {
    expect(passwordProblem('short', 'en')).toBe('the password must be at least 12 characters long');
    expect(passwordProblem('short', 'es')).toBe('la contraseña debe tener al menos 12 caracteres');
    expect(passwordProblem('short')).toBe('le mot de passe doit compter au moins 12 caractères');
    expect(passwordProblem('a long enough password', 'en')).toBeNull();
    const clash = [
      { url: '/states/AFG', file: 'states/AFG/index.html' },
      { url: '/states/afg', file: 'states/afg/index.html' },
    ];
    expect(fileCollisions(clash, 'en')).toEqual([
      '“/states/AFG” and “/states/afg” would be written to the same file “states/afg/index.html”.',
    ]);
    expect(fileCollisions(clash, 'es')).toEqual([
      '«/states/AFG» y «/states/afg» se escribirían en el mismo archivo «states/afg/index.html».',
    ]);
  });
});

describe('as child processes', () => {
  let server: ServerProcess | null = null;
  // Stopped before its folder goes (useTempDir's hook, declared after this one).
  afterEach(async () => {
    if (server) await stopServer(server);
    server = null;
  });
  const dir = useTempDir('startup-language-');

  test('npm run user, backup and restore refuse in English under LANG=en_US.UTF-8', () => {
    const databasePath = dir.file('db.sqlite');
    const user = runCommand(
      'user',
      ['add', 'new@example.org', '--role', 'admin'],
      { DATABASE_PATH: databasePath, ...EN },
      { input: 'short\n' },
    );
    expect(user.status).toBe(1);
    expect(user.stderr).toBe('Account not created: the password must be at least 12 characters long.\n');
    expect(foreignPhrases(user.stderr, 'en')).toEqual([]);

    const missing = dir.file('absent.sqlite');
    const backup = runCommand('backup', [dir.file('copy.sqlite')], { DATABASE_PATH: missing, ...EN });
    expect(backup).toMatchObject({ status: 1, stderr: `No database at “${missing}”: nothing to back up.\n` });
    const restore = runCommand('restore', [missing], { DATABASE_PATH: databasePath, ...ES });
    expect(restore).toMatchObject({ status: 1, stderr: `El archivo «${missing}» no existe: no se ha restaurado nada.\n` });
    const french = runCommand('restore', [missing], { DATABASE_PATH: databasePath });
    expect(french).toMatchObject({ status: 1, stderr: `Le fichier « ${missing} » n’existe pas : rien n’a été restauré.\n` });
  });

  test('the server’s start-up and shutdown lines in English under LANG=en_US.UTF-8', async () => {
    const databasePath = dir.file('db.sqlite');
    server = spawnServer({ PORT: String(PORT), DATABASE_PATH: databasePath, LOG_LEVEL: 'info', ...EN });
    await waitUntilServing(server, PORT, 150_000);
    expect((await get(PORT, '/healthz')).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    // pino's lines keep their machine fields; the sentences are English.
    const messages = server
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => (JSON.parse(line) as { msg?: string }).msg ?? '');
    expect(messages).toContain(`Dashboard served at http://localhost:${PORT}/ (database: ${databasePath})`);
    expect(messages.some((m) => m.startsWith('Catalogue and registry: '))).toBe(true);
    expect(messages).toContain('SIGTERM received: the server accepts no more connections and finishes the requests under way.');
    expect(messages).toContain('Server stopped, database closed.');
    expect(foreignPhrases(messages.join('\n'), 'en')).toEqual([]);
  });
});
