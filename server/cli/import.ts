import fs from 'node:fs';
import os from 'node:os';
import { withAudit } from '../../db/queries/audit';
import { loadSeed } from '../../seed/load';
import { openDatabaseOf, readConfig } from '../config';
import { formatImportSummary, importFiles, type ImportInput } from '../domain/exchange/import';
import { readWorkbook } from '../domain/exchange/xlsx';
import { localeFromEnv } from '../i18n/cli-locale';
import type { Locale } from '../i18n/locale';
import { t } from '../i18n/translate';

export interface CliOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

const consoleOutput: CliOutput = { out: (l) => console.log(l), err: (l) => console.error(l) };

/**
 * `npm run import -- [--dry-run] [--publish] FILE…` (docs/architecture.md#the-path-of-an-import):
 * CSV files, or XLSX workbooks (`.xlsx`) read sheet by sheet as the upload reads them. Resolves to
 * the exit status: 0 when imported, 1 when refused (nothing written), 2 for a wrong command line.
 */
export async function runImport(args: string[], env: NodeJS.ProcessEnv = process.env, io: CliOutput = consoleOutput): Promise<number> {
  const locale = localeFromEnv(env);
  const usage = t(locale, 'cli.import.usage');
  const options = { dryRun: false, publish: false };
  const paths: string[] = [];
  let onlyFiles = false;
  for (const arg of args) {
    if (onlyFiles || !arg.startsWith('--')) paths.push(arg);
    else if (arg === '--') onlyFiles = true;
    else if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--publish') options.publish = true;
    else {
      io.err(t(locale, 'cli.import.unknownOption', { option: arg }));
      io.err(usage);
      return 2;
    }
  }
  if (paths.length === 0) {
    io.err(t(locale, 'cli.import.noFiles'));
    io.err(usage);
    return 2;
  }

  // An unreadable file is reported among the problems of the others, not on its own.
  const files: ImportInput[] = [];
  for (const name of paths) {
    let content: Buffer;
    try {
      content = fs.readFileSync(name);
    } catch (error) {
      files.push({ name, readError: describeReadError(error, locale) });
      continue;
    }
    if (/\.xlsx$/i.test(name)) files.push(...(await readWorkbook(name, content, locale)));
    else files.push({ name, content });
  }

  const db = openDatabaseOf(readConfig(env));
  try {
    // The catalogue and the registry must be there for rows to name indicators and States.
    loadSeed(db);
    const actor = { userId: null, label: `import en ligne de commande (${os.userInfo().username})`, origin: 'cli' };
    const result = withAudit(db, actor, (tx) => importFiles(tx, files, { ...options, locale }));
    if (!result.ok) {
      for (const line of result.errors) io.err(line);
      const n = result.totalErrors;
      const hidden = n - result.errors.length;
      if (hidden > 0) io.err(t(locale, 'cli.import.hidden', { count: hidden }));
      io.err(t(locale, 'cli.import.refused', { count: n }));
      return 1;
    }
    for (const line of formatImportSummary(result.summary, locale)) io.out(line);
    return 0;
  } finally {
    db.$client.close();
  }
}

function describeReadError(error: unknown, locale: Locale): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return t(locale, 'cli.import.readError.notFound');
  if (code === 'EACCES' || code === 'EPERM') return t(locale, 'cli.import.readError.denied');
  if (code === 'EISDIR') return t(locale, 'cli.import.readError.isDirectory');
  return error instanceof Error ? error.message : String(error);
}

if (require.main === module) {
  void runImport(process.argv.slice(2)).then((status) => {
    process.exitCode = status;
  });
}
