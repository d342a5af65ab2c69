import { createApp } from '../app';
import { readConfig } from '../config';
import { formatNumber } from '../presenters/format';
import { crawlSite, type FileKind } from '../site-export/crawl';
import { siteFetcher } from '../site-export/serve';
import { targetProblem, writeStaticSite } from '../site-export/write';
import { prepareDatabase } from '../startup';
import type { CliOutput } from './import';

const USAGE = 'Usage : npm run export:site -- DOSSIER';

/** What only a server can answer: never part of the static copy, and never linked from it. */
const SERVER_ONLY = ['/connexion', '/deconnexion', '/espace'];

const consoleOutput: CliOutput = { out: (l) => console.log(l), err: (l) => console.error(l) };

const count = (n: number, one: string, many: string) => `${formatNumber(n)} ${n > 1 ? many : one}`;

const size = (bytes: number) =>
  bytes >= 1_000_000 ? `${formatNumber(bytes / 1_000_000)} Mo` : `${formatNumber(Math.ceil(bytes / 1000))} ko`;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * `npm run export:site -- DIR`: writes the public site — pages, data files, styles and scripts —
 * into DIR as static files linked by relative paths, for any static host, a CDN or the disk.
 * The database is prepared as `npm start` does; the site is read anonymously, as a visitor sees
 * it (published releases only). Exit status: 0 written, 1 refused (nothing written), 2 wrong
 * command line.
 */
export async function runExportSite(args: string[], env: NodeJS.ProcessEnv = process.env, io: CliOutput = consoleOutput): Promise<number> {
  const dirs = args.filter((a) => a !== '--');
  if (dirs.length !== 1 || dirs[0]!.startsWith('-')) {
    io.err(USAGE);
    return 2;
  }
  const dir = dirs[0]!;
  const refused = targetProblem(dir);
  if (refused) {
    io.err(`Export du site refusé : ${refused} Rien n’a été écrit.`);
    return 1;
  }
  const started = Date.now();
  let db;
  try {
    const config = readConfig(env);
    db = prepareDatabase(config, io.out);
    const server = await siteFetcher(createApp({ db, config, staticSite: true }));
    const site = await crawlSite({ fetch: server.fetch, starts: ['/'], excluded: SERVER_ONLY }).finally(server.close);
    if (site.problems.length > 0) {
      for (const problem of site.problems) io.err(problem);
      io.err(`Export du site refusé : ${count(site.problems.length, 'problème', 'problèmes')}, rien n’a été écrit dans « ${dir} ».`);
      return 1;
    }
    writeStaticSite(dir, site.files);
    const byKind = (kind: FileKind) => site.files.filter((f) => f.kind === kind).length;
    const bytes = site.files.reduce((sum, f) => sum + f.body.length, 0);
    io.out(`Site statique exporté dans « ${dir} » en ${formatNumber((Date.now() - started) / 1000)} s :`);
    io.out(`- ${count(byKind('page'), 'page', 'pages')} ;`);
    io.out(`- ${count(byKind('data'), 'fichier de données', 'fichiers de données')} (CSV, JSON, XLSX, ZIP) ;`);
    io.out(`- ${count(byKind('asset'), 'ressource', 'ressources')} (styles, scripts, images) ;`);
    io.out(`- ${size(bytes)} au total.`);
    io.out(`Ouvrez « ${dir}/index.html », ou publiez le dossier tel quel sur un hébergement statique.`);
    return 0;
  } catch (error) {
    io.err(`Export du site impossible dans « ${dir} » : ${message(error)}`);
    return 1;
  } finally {
    db?.$client.close();
  }
}

if (require.main === module) {
  void runExportSite(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
