/**
 * npm run bench — starts the server on the demonstration data in a child process and measures each
 * page type and the API with autocannon (fixed duration and connections, after a warm-up), against
 * a static file holding the same bytes as `/`, served by the same server. Prints requests per second,
 * p50 and p99 latency and each route's throughput as a ratio of the static file's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const ROOT = path.join(__dirname, '..');
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3999);
const STATIC_COPY = path.join(ROOT, 'static', 'bench', 'home.html');

const ROUTES = [
  ['Vue d’ensemble', '/'],
  ['Action', '/actions/17'],
  ['Indicateur', '/indicators/15.2'],
  ['Comité', '/committees/article5'],
  ['État', '/states/AFG'],
  ['API indicateurs', '/api/v1/indicators'],
  ['Transparence', '/transparence'],
  ['Données ouvertes', '/donnees/'],
  ['Téléchargement indicateurs', '/donnees/indicateurs.csv'],
  // A client that already holds the page: conditional request, 304 without a body.
  ['Indicateur revalidé (304)', '/indicators/15.2#304'],
] as const;

async function startServer(): Promise<{ child: ChildProcess; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sra-bench-'));
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), DATABASE_PATH: path.join(dir, 'bench.sqlite'), DEMO_DATA: 'on' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Tableau de bord servi')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`le serveur s’est arrêté (code ${code})`)));
  });
  return { child, dir };
}

function run(url: string, duration: number, headers: Record<string, string> = {}): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration, headers }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** For a route marked `#304`: the If-None-Match header of a client holding the current version. */
async function conditionalHeaders(base: string, route: string): Promise<Record<string, string>> {
  if (!route.endsWith('#304')) return {};
  const etag = (await fetch(base + route.replace('#304', ''))).headers.get('etag');
  if (!etag) throw new Error(`${route} : pas d’ETag`);
  return { 'if-none-match': etag };
}

async function main(): Promise<void> {
  const { child, dir } = await startServer();
  try {
    const base = `http://localhost:${PORT}`;
    const home = await fetch(`${base}/`).then((r) => r.text());
    fs.mkdirSync(path.dirname(STATIC_COPY), { recursive: true });
    fs.writeFileSync(STATIC_COPY, home);
    const targets: (readonly [string, string])[] = [['Fichier statique (référence)', '/static/bench/home.html'], ...ROUTES];
    const results: { name: string; route: string; rps: number; p50: number; p99: number }[] = [];
    for (const [name, route] of targets) {
      const headers = await conditionalHeaders(base, route);
      const url = base + route.replace('#304', '');
      await run(url, WARMUP, headers);
      const r = await run(url, DURATION, headers);
      // autocannon counts a 304 as non-2xx: expected here, and only here.
      const expected = route.endsWith('#304') ? r['3xx'] : 0;
      if (r.non2xx !== expected || r.errors > 0) throw new Error(`${route} : ${r.non2xx} réponses en erreur, ${r.errors} erreurs`);
      if (route.endsWith('#304') && r['3xx'] === 0) throw new Error(`${route} : aucune réponse 304`);
      results.push({ name, route, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 });
    }
    const reference = results[0]!.rps;
    console.log(
      `\n${os.cpus().length} cœurs (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}, ` +
        `${CONNECTIONS} connexions, ${DURATION} s par route après ${WARMUP} s de chauffe, ${home.length} octets pour /\n`,
    );
    console.log('| Route | Requêtes/s | p50 (ms) | p99 (ms) | Rapport au fichier statique |');
    console.log('|---|---:|---:|---:|---:|');
    for (const r of results) {
      console.log(`| ${r.name} \`${r.route}\` | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${(r.rps / reference).toFixed(2)} |`);
    }
  } finally {
    child.kill('SIGTERM');
    fs.rmSync(STATIC_COPY, { force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
