import { createApp } from '../app';
import { readConfig } from '../config';
import { cliNumber, localeFromEnv } from '../i18n/cli-locale';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';
import { errorText } from '../i18n/localized-error';
import { crawlSite, type FileKind, type StaticFile } from '../site-export/crawl';
import { siteFetcher } from '../site-export/serve';
import { targetProblem, writeStaticSite } from '../site-export/write';
import { prepareDatabase } from '../startup';
import type { CliOutput } from './import';

/** What only a server can answer: never part of the static copy, and never linked from it. */
const SERVER_ONLY = ['/connexion', '/deconnexion', '/espace'];

const consoleOutput: CliOutput = { out: (l) => console.log(l), err: (l) => console.error(l) };

const size = (locale: Locale, bytes: number) =>
  bytes >= 1_000_000
    ? t(locale, 'cli.exportSite.megabytes', { n: cliNumber(locale, bytes / 1_000_000) })
    : t(locale, 'cli.exportSite.kilobytes', { n: cliNumber(locale, Math.ceil(bytes / 1000)) });

/** « 1 117 en anglais (en/) »: each language's pages, keys in full (docs/i18n.md#messages). */
const PAGES_IN: Record<Locale, string> = {
  fr: 'cli.exportSite.pagesIn.fr',
  en: 'cli.exportSite.pagesIn.en',
  es: 'cli.exportSite.pagesIn.es',
};

/** The language of a page of the copy: its first folder (`en/…`, `es/…`), French at the root (docs/i18n.md#addresses). */
const languageOf = (file: StaticFile): Locale =>
  LOCALES.find((l) => l !== DEFAULT_LOCALE && file.path.startsWith(`${l}/`)) ?? DEFAULT_LOCALE;

/**
 * `npm run export:site -- DIR`: writes the public site — pages, data files, styles and scripts —
 * into DIR as static files linked by relative paths, for any static host, a CDN or the disk.
 * The database is prepared as `npm start` does; the site is read anonymously, as a visitor sees
 * it (published releases only). Exit status: 0 written, 1 refused (nothing written), 2 wrong
 * command line.
 */
export async function runExportSite(args: string[], env: NodeJS.ProcessEnv = process.env, io: CliOutput = consoleOutput): Promise<number> {
  const locale = localeFromEnv(env);
  const dirs = args.filter((a) => a !== '--');
  if (dirs.length !== 1 || dirs[0]!.startsWith('-')) {
    io.err(t(locale, 'cli.exportSite.usage'));
    return 2;
  }
  const dir = dirs[0]!;
  const refused = targetProblem(dir, locale);
  if (refused) {
    io.err(t(locale, 'cli.exportSite.refused', { reason: refused }));
    return 1;
  }
  const started = Date.now();
  let db;
  try {
    const config = readConfig(env);
    db = prepareDatabase(config, io.out, locale);
    // Each URL is read once: the public cache would only hold, hash and count pages nobody asks for again.
    const fetch = siteFetcher(createApp({ db, config: { ...config, publicCacheBytes: 0 }, staticSite: true }));
    const site = await crawlSite({ fetch, starts: ['/'], excluded: SERVER_ONLY, locale });
    if (site.problems.length > 0) {
      for (const problem of site.problems) io.err(problem);
      const n = site.problems.length;
      io.err(t(locale, 'cli.exportSite.problems', { count: n, n: cliNumber(locale, n), dir }));
      return 1;
    }
    writeStaticSite(dir, site.files);
    const byKind = (kind: FileKind) => site.files.filter((f) => f.kind === kind).length;
    const bytes = site.files.reduce((sum, f) => sum + f.body.length, 0);
    const pages = site.files.filter((f) => f.kind === 'page');
    const languages = LOCALES.map((l) =>
      t(locale, PAGES_IN[l], { n: cliNumber(locale, pages.filter((p) => languageOf(p) === l).length) }),
    ).join(', ');
    io.out(t(locale, 'cli.exportSite.written', { dir, seconds: cliNumber(locale, (Date.now() - started) / 1000) }));
    io.out(t(locale, 'cli.exportSite.pagesByLanguage', { n: cliNumber(locale, pages.length), languages }));
    io.out(t(locale, 'cli.exportSite.data', { count: byKind('data'), n: cliNumber(locale, byKind('data')) }));
    io.out(t(locale, 'cli.exportSite.assets', { count: byKind('asset'), n: cliNumber(locale, byKind('asset')) }));
    io.out(t(locale, 'cli.exportSite.size', { size: size(locale, bytes) }));
    io.out(t(locale, 'cli.exportSite.open', { dir }));
    return 0;
  } catch (error) {
    io.err(t(locale, 'cli.exportSite.failed', { dir, message: errorText(error, locale) }));
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
