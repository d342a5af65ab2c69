/**
 * npm run bench — starts the server on the demonstration data in a child process (NODE_ENV=production,
 * so Express keeps compiled views) and measures with autocannon (fixed duration and connections,
 * after a warm-up) the public pages, the API and downloads, then the signed-in pages: it creates an
 * administrator in the server's database with the project's own helpers, signs in through the form,
 * creates the meetings it needs through the workspace's forms, and measures with the session cookie.
 *
 * The reference, measured in the same run, is a bare `node:http` server in its own process answering
 * the bytes of `/` from memory: what this machine and Node can do at best for a page that size.
 * It is measured again just before each route, and the route's throughput is printed as a ratio of
 * that measure: on a machine shared with other work the load drifts within a run, and a reference
 * measured once at the start would compare routes measured under another load. A static file
 * holding the same bytes, served by the application (express.static), is measured too.
 *
 * A signed-in page is also compared with the bare server answering that page's own bytes (as it
 * answered them to the bench), measured just before it: what this machine and Node can do at best
 * for a page that size. A page four times the size of `/` cannot reach more than about a quarter
 * of the first reference, whatever the server does; the second ratio shows what the server adds.
 *
 * The signed-in pages, which the goal of issue 14 is about, are measured BENCH_ROUNDS times (3 by
 * default), each time just after the bare server: the round with the median ratio is printed, with
 * the lowest and highest ratio. The bare server's own throughput moves by a tenth from one
 * measure to the next on an idle machine, more than some pages' distance to the goal.
 *
 * Where /proc is readable (Linux), the CPU time each server process spent per request is printed
 * too, and the bare server's over the route's: unlike throughput, it hardly depends on the share of
 * the cores other work leaves the servers, so it still compares them on a busy machine (on a quiet
 * one the server, busy on one core, answers about that many times fewer requests than the bare one).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../db/client';
import { createUser } from '../db/queries/users';
import { hashPassword } from '../server/auth/passwords';

const ROOT = path.join(__dirname, '..');
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
/** Signed-in pages: how many times each is measured, each time just after the bare server; the median is printed. */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3999);
/** The bare server's port: the next one. */
const BARE_PORT = PORT + 1;
/** `public`, `signed-in` or both (default): which group of routes to measure. */
const ONLY = process.env.BENCH_ONLY ?? '';
const STATIC_COPY = path.join(ROOT, 'static', 'bench', 'home.html');

const EMAIL = 'bench.admin@example.org';
const PASSWORD = 'mot de passe du banc de mesure';

type Route = readonly [name: string, route: string];

const PUBLIC_ROUTES: Route[] = [
  ['Fichier statique (express.static)', '/static/bench/home.html'],
  ['Vue d’ensemble', '/'],
  ['Action', '/actions/17'],
  ['Indicateur', '/indicators/15.2'],
  ['Comité', '/committees/article5'],
  ['État', '/states/AFG'],
  ['API indicateurs', '/api/v1/indicators'],
  ['Transparence', '/transparence'],
  ['Données ouvertes', '/donnees/'],
  ['Téléchargement indicateurs', '/donnees/indicateurs.csv'],
  // Never cached: each request queries the FTS5 index (an accent-less prefix, a State, a code).
  ['Recherche « demin »', '/recherche?q=demin'],
  ['Recherche « angola »', '/recherche?q=angola'],
  ['Recherche « 30.4 »', '/recherche?q=30.4'],
  // A client that already holds the page: conditional request, 304 without a body.
  ['Indicateur revalidé (304)', '/indicators/15.2#304'],
];

/** Signed in; `:plan` and `:pack` are the meetings the bench creates. */
const SIGNED_IN_ROUTES: Route[] = [
  ['Connecté : vue d’ensemble', '/'],
  ['Connecté : action', '/actions/17'],
  ['Connecté : espace de travail', '/espace'],
  ['Connecté : rapport à saisir', '/espace/saisie/2026/KHM'],
  ['Connecté : journal', '/espace/journal'],
  ['Connecté : plan de réunion', '/espace/reunions/:plan'],
  // Where a group's list is edited (ranks, absences, additions): the plan itself is read-only.
  ['Connecté : liste d’un groupe d’orateurs', '/espace/reunions/:plan/groupes/victims'],
  ['Connecté : dossier du Comité de coordination', '/espace/reunions/:pack/dossier'],
];

function waitForLine(child: ChildProcess, text: string, what: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(text)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`${what} s’est arrêté (code ${code})`)));
  });
}

/** The production start (`npm start`'s script: builds only if the sources changed), ready when /healthz answers 200. */
async function startServer(database: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs')], {
    cwd: ROOT,
    // A log line per request would measure the logger, not the pages.
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', PORT: String(PORT), DATABASE_PATH: database, DEMO_DATA: 'on' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let exited: number | null | undefined;
  child.on('exit', (code) => (exited = code));
  for (const started = Date.now(); Date.now() - started < 120_000;) {
    if (exited !== undefined) throw new Error(`le serveur s’est arrêté (code ${exited})`);
    const healthy = await fetch(`http://127.0.0.1:${PORT}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return child;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill();
  throw new Error('le serveur n’a pas répondu à /healthz en 120 s');
}

/**
 * The reference: node:http alone, in its own process like the application, sending `file`'s bytes
 * kept in memory for `/`, and for `/same/NAME` the bytes of the file NAME in `sameDir` (a page's own
 * bytes, written there before it is measured), read once.
 */
async function startBareServer(file: string, sameDir: string): Promise<ChildProcess> {
  const code = `
    const fs = require('node:fs');
    const home = fs.readFileSync(process.env.BENCH_FILE);
    const same = new Map();
    require('node:http').createServer((req, res) => {
      let body = home;
      if (req.url.startsWith('/same/')) {
        const name = req.url.slice('/same/'.length);
        if (!same.has(name)) same.set(name, fs.readFileSync(require('node:path').join(process.env.BENCH_SAME_DIR, name)));
        body = same.get(name);
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
      res.end(body);
    }).listen(Number(process.env.BENCH_BARE_PORT), () => console.log('prêt'));`;
  const child = spawn(process.execPath, ['-e', code], {
    env: { ...process.env, BENCH_FILE: file, BENCH_SAME_DIR: sameDir, BENCH_BARE_PORT: String(BARE_PORT) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await waitForLine(child, 'prêt', 'le serveur de référence');
  return child;
}

function run(url: string, duration: number, headers: Record<string, string> = {}): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration, headers });
}

/** For a route marked `#304`: the If-None-Match header of a client holding the current version. */
async function conditionalHeaders(base: string, route: string): Promise<Record<string, string>> {
  if (!route.endsWith('#304')) return {};
  // autocannon sends no Accept-Encoding: the ETag to hold is the uncompressed body's (each encoding has its own).
  const etag = (await fetch(base + route.replace('#304', ''), { headers: { 'accept-encoding': 'identity' } })).headers.get('etag');
  if (!etag) throw new Error(`${route} : pas d’ETag`);
  return { 'if-none-match': etag };
}

const csrfTokenOf = (html: string): string => {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('pas de jeton CSRF sur la page');
  return match[1]!;
};

/** `name=value` of the cookie called `name` that a response sets. */
const cookieOf = (response: Response, name: string): string => {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (!cookie) throw new Error(`pas de cookie ${name} (réponse ${response.status})`);
  return cookie.split(';')[0]!;
};

/** Signs in through the form, as a person would (the form's own token cookie, no session before): the session cookie. */
async function signIn(base: string): Promise<string> {
  const form = await fetch(`${base}/connexion`);
  const cookie = cookieOf(form, 'sra.signin');
  const response = await fetch(`${base}/connexion`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrfTokenOf(await form.text()), email: EMAIL, password: PASSWORD, retour: '/espace' }),
  });
  if (response.status !== 303) throw new Error(`connexion refusée (${response.status})`);
  return cookieOf(response, 'sra.sid');
}

/** Creates a meeting through the workspace's form; its id. */
async function createMeeting(base: string, cookie: string, fields: Record<string, string>): Promise<string> {
  const token = csrfTokenOf(await fetch(`${base}/espace`, { headers: { cookie } }).then((r) => r.text()));
  const response = await fetch(`${base}/espace/reunions`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, agenda: '', place: 'Genève, CICG', year: '2026', ...fields }),
  });
  const id = /\/espace\/reunions\/([0-9]+)/.exec(response.headers.get('location') ?? '')?.[1];
  if (response.status !== 303 || !id) throw new Error(`réunion « ${fields.title} » non créée (${response.status})`);
  return id;
}

/** CPU time (user and system) a process has used so far, in microseconds; null without /proc. */
function cpuMicros(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields 14 and 15 of /proc/PID/stat, after the command name in parentheses, in clock ticks (100 per second on Linux).
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return null;
  }
}

/** A run, with the CPU time per request the process `pid` spent answering it (null without /proc). */
async function runWithCpu(url: string, pid: number | undefined, headers: Record<string, string> = {}) {
  const before = cpuMicros(pid);
  const result = await run(url, DURATION, headers);
  const after = cpuMicros(pid);
  const cpu = before === null || after === null || result.requests.total === 0 ? null : (after - before) / result.requests.total;
  return { result, cpu };
}

interface Measure {
  name: string;
  route: string;
  rps: number;
  p50: number;
  p99: number;
  bytes: number;
  /** The bare server's throughput measured just before this route. */
  reference: number;
  /** CPU time per request, in microseconds, of the server measured and of the bare one just before (null without /proc). */
  cpu: number | null;
  referenceCpu: number | null;
  /** Signed in: the bare server's throughput answering this page's own bytes, measured just before it. */
  sameBytesReference: number | null;
  /** The ratio to the bare server in each round, lowest first. */
  ratios: number[];
}

/** The two processes measured: the application's and the bare server's. */
const pids: { app?: number; bare?: number } = {};

/** The bare server, measured now on `path`: what the next route is compared with. */
async function referenceNow(path = '/'): Promise<{ rps: number; cpu: number | null }> {
  const url = `http://localhost:${BARE_PORT}${path}`;
  await run(url, WARMUP);
  const { result, cpu } = await runWithCpu(url, pids.bare);
  return { rps: result.requests.average, cpu };
}

/** Where the pages' own bytes are written for the bare server (startBareServer), each under its route's name. */
let sameBytesDir = '';

async function measure(base: string, [name, route]: Route, headers: Record<string, string>, rounds = 1): Promise<Measure> {
  const url = base + route.replace('#304', '');
  const conditional = await conditionalHeaders(base, route);
  const all = { ...headers, ...conditional };
  const sample = await fetch(url, { headers: all, redirect: 'manual' });
  const body = Buffer.from(await sample.arrayBuffer());
  // Signed in: the page must be the signed-in user's, not the public's.
  if (headers.cookie && !body.includes(EMAIL))
    throw new Error(`${route} : la page n’est pas celle d’un utilisateur connecté (${sample.status})`);
  const bytes = body.length;
  let sameBytesReference: number | null = null;
  if (headers.cookie) {
    const file = encodeURIComponent(route);
    fs.writeFileSync(path.join(sameBytesDir, file), body);
    sameBytesReference = (await referenceNow(`/same/${file}`)).rps;
  }
  const measured: Omit<Measure, 'ratios'>[] = [];
  for (let round = 0; round < rounds; round++) {
    const { rps: reference, cpu: referenceCpu } = await referenceNow();
    await run(url, WARMUP, all);
    const { result: r, cpu } = await runWithCpu(url, base.endsWith(`:${BARE_PORT}`) ? pids.bare : pids.app, all);
    // autocannon counts a 304 as non-2xx: expected here, and only here.
    const expected = route.endsWith('#304') ? r['3xx'] : 0;
    if (r.non2xx !== expected || r.errors > 0) throw new Error(`${route} : ${r.non2xx} réponses en erreur, ${r.errors} erreurs`);
    if (route.endsWith('#304') && r['3xx'] === 0) throw new Error(`${route} : aucune réponse 304`);
    measured.push({
      name,
      route,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      bytes,
      reference,
      cpu,
      referenceCpu,
      sameBytesReference,
    });
  }
  measured.sort((a, b) => a.rps / a.reference - b.rps / b.reference);
  return { ...measured[Math.floor((measured.length - 1) / 2)]!, ratios: measured.map((m) => m.rps / m.reference) };
}

/** The ratio to the bare server, with the lowest and highest of several rounds. */
const ratioText = (r: Measure): string =>
  r.ratios.length > 1
    ? `${(r.rps / r.reference).toFixed(2)} (${r.ratios[0]!.toFixed(2)}–${r.ratios[r.ratios.length - 1]!.toFixed(2)})`
    : (r.rps / r.reference).toFixed(2);

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sra-bench-'));
  const database = path.join(dir, 'bench.sqlite');
  const children: ChildProcess[] = [];
  try {
    children.push(await startServer(database));
    pids.app = children[0]!.pid;
    const base = `http://localhost:${PORT}`;
    const home = await fetch(`${base}/`).then((r) => r.text());
    fs.mkdirSync(path.dirname(STATIC_COPY), { recursive: true });
    fs.writeFileSync(STATIC_COPY, home);
    sameBytesDir = path.join(dir, 'same-bytes');
    fs.mkdirSync(sameBytesDir);
    children.push(await startBareServer(STATIC_COPY, sameBytesDir));
    pids.bare = children[1]!.pid;

    const results: Measure[] = [await measure(`http://localhost:${BARE_PORT}`, ['Serveur node:http nu (référence)', '/'], {})];
    if (ONLY !== 'signed-in') {
      for (const route of PUBLIC_ROUTES) results.push(await measure(base, route, {}));
    }
    if (ONLY !== 'public') {
      // Another connection to the server's database, as `npm run user -- add` would be.
      const db = openDatabase(database);
      createUser(db, { email: EMAIL, role: 'admin', mechanisms: [], passwordHash: await hashPassword(PASSWORD) });
      db.$client.close();
      const cookie = await signIn(base);
      // The pack shows the plan of the next intersessional meeting: one after it, on the same year.
      const pack = await createMeeting(base, cookie, {
        kind: 'coordination',
        title: 'Comité de coordination, avril 2026',
        startsOn: '2026-04-01',
        endsOn: '2026-04-01',
      });
      const plan = await createMeeting(base, cookie, {
        kind: 'intersessional',
        title: 'Réunions intersessions 2026',
        startsOn: '2026-06-16',
        endsOn: '2026-06-19',
      });
      for (const [name, route] of SIGNED_IN_ROUTES) {
        const resolved = route.replace(':plan', plan).replace(':pack', pack);
        results.push(await measure(base, [name, resolved], { cookie }, ROUNDS));
      }
    }

    console.log(
      `\n${os.cpus().length} cœurs (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}, NODE_ENV=production, ` +
        `${CONNECTIONS} connexions, ${DURATION} s par route après ${WARMUP} s de chauffe, ${Buffer.byteLength(home)} octets pour /\n`,
    );
    console.log('Rapport : requêtes/s de la route sur celles du serveur nu mesuré juste avant elle.');
    console.log(
      `Pages connectées : ${ROUNDS} mesures chacune (BENCH_ROUNDS), celle du rapport médian affichée, entre parenthèses le plus bas et le plus haut.`,
    );
    console.log('Rapport CPU : temps CPU par requête du serveur nu sur celui du serveur mesuré (« – » sans /proc).');
    console.log('Mêmes octets (connecté) : requêtes/s de la route sur celles du serveur nu envoyant les octets de la page elle-même.\n');
    console.log(
      '| Route | Octets | Requêtes/s | p50 (ms) | p99 (ms) | Serveur nu juste avant (requêtes/s) | Rapport au serveur nu | CPU par requête (µs) | Rapport CPU | Serveur nu, mêmes octets (requêtes/s) | Rapport, mêmes octets |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of results) {
      const cpuRatio = r.cpu === null || r.referenceCpu === null || r.cpu === 0 ? '–' : (r.referenceCpu / r.cpu).toFixed(2);
      console.log(
        `| ${r.name} \`${r.route}\` | ${r.bytes} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.reference.toFixed(0)} | ${ratioText(r)} | ` +
          `${r.cpu === null ? '–' : r.cpu.toFixed(0)} | ${cpuRatio} | ` +
          (r.sameBytesReference === null
            ? '– | – |'
            : `${r.sameBytesReference.toFixed(0)} | ${(r.rps / r.sameBytesReference).toFixed(2)} |`),
      );
    }
  } finally {
    for (const child of children) child.kill('SIGTERM');
    fs.rmSync(STATIC_COPY, { force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
