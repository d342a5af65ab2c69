import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

export interface ServerProcess {
  child: ChildProcess;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  stdout: () => string;
  stderr: () => string;
}

/**
 * Runs the production start (`npm start` is `node scripts/start.mjs`, which compiles if the sources
 * changed and runs dist/main.js) as a real process, with the given environment on top of this one.
 */
export function spawnServer(env: NodeJS.ProcessEnv): ServerProcess {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    // Production refuses the tests' cheap argon2 cost (test/setup/env.ts): the server hashes as deployed.
    env: {
      ...process.env,
      ARGON2_MEMORY_KIB: undefined,
      ARGON2_TIME_COST: undefined,
      DEMO_DATA: 'off',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
      // The server's sentences follow LANG (docs/i18n.md#the-command-line): French unless a test says otherwise.
      LC_ALL: '',
      LC_MESSAGES: '',
      LANG: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, stdout: () => out, stderr: () => err };
}

export function get(port: number, pathname: string): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: pathname, agent: false }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      })
      .on('error', reject);
  });
}

/** Waits until the server answers /healthz with 200, or fails if the process ends first. */
export async function waitUntilServing(server: ServerProcess, port: number, timeoutMs: number): Promise<void> {
  let ended = false;
  void server.exited.then(() => (ended = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (ended) throw new Error(`Le serveur s’est arrêté au démarrage : ${server.stderr()}`);
    try {
      if ((await get(port, '/healthz')).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Le serveur ne répond pas après ${timeoutMs} ms : ${server.stderr()}`);
}

/** Ends a server a test started, whatever state it is in. */
export async function stopServer(server: ServerProcess): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
  await server.exited;
}
