import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawnServer, stopServer } from '../../helpers/server-process';
import { useTempDir } from '../../helpers/temp-dir';

// Real processes on a busy machine: the first may compile the server.
jest.setTimeout(180_000);

const PORT = 3143;

async function startExpectingFailure(env: NodeJS.ProcessEnv) {
  const server = spawnServer(env);
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 150_000);
  try {
    const code = await server.exited;
    return { code, stderr: server.stderr() };
  } finally {
    clearTimeout(timer);
    await stopServer(server);
  }
}

function expectOneFrenchLine(stderr: string, ...fragments: string[]) {
  const lines = stderr.split('\n').filter((line) => line !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Démarrage impossible : /);
  for (const fragment of fragments) expect(lines[0]).toContain(fragment);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('start-up failures', () => {
  const dir = useTempDir('ops-startup-');

  test('a port already taken: one French line and a non-zero exit', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(PORT, resolve));
    try {
      const { code, stderr } = await startExpectingFailure({ PORT: String(PORT), DATABASE_PATH: dir.file('db.sqlite') });
      expect(code).not.toBe(0);
      expect(code).not.toBeNull();
      expectOneFrenchLine(stderr, `le port ${PORT} est déjà utilisé`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  test('a database folder that cannot be created', async () => {
    const file = dir.file('a-file');
    fs.writeFileSync(file, 'not a folder');
    const { code, stderr } = await startExpectingFailure({ PORT: String(PORT), DATABASE_PATH: path.join(file, 'sub', 'db.sqlite') });
    expect(code).not.toBe(0);
    expectOneFrenchLine(stderr, 'ne peut pas être créé', path.join(file, 'sub'));
  });

  test('a database path that cannot be written: a folder in its place', async () => {
    const { code, stderr } = await startExpectingFailure({ PORT: String(PORT), DATABASE_PATH: dir.path });
    expect(code).not.toBe(0);
    expectOneFrenchLine(stderr, `la base de données « ${dir.path} » ne peut pas être ouverte ni créée`);
  });

  test('a database path on a read-only file system', async () => {
    // sysfs never lets a file be created, not even by root (tests may run as root, so chmod proves nothing).
    if (!fs.existsSync('/sys/kernel')) return;
    const { code, stderr } = await startExpectingFailure({ PORT: String(PORT), DATABASE_PATH: '/sys/kernel/dashboard.sqlite' });
    expect(code).not.toBe(0);
    expectOneFrenchLine(stderr, '« /sys/kernel/dashboard.sqlite »');
  });

  test('a bad setting', async () => {
    const { code, stderr } = await startExpectingFailure({ PORT: 'quatre-vingts', DATABASE_PATH: dir.file('db.sqlite') });
    expect(code).not.toBe(0);
    expectOneFrenchLine(stderr, 'PORT doit être un numéro de port', '« quatre-vingts »');
  });
});
