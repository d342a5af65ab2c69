import { jszip } from '../domain/exchange/workbook-library';
import { LICENCE } from '../domain/releases/open-data';
import type { TranslationMark } from '../domain/catalogue-i18n';
import { localePath } from '../i18n/addresses';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';
import type { OpenDataFile } from './open-data-files';
import { OPEN_DATA_PATH } from './open-data-page';

export const ARCHIVE_README = 'LISEZMOI.txt';

/** A file of the archive that is not text (the workbook). */
export interface BinaryFile {
  path: string;
  url: string;
  content: Buffer;
}

interface ArchiveMeta {
  citation: string | null;
  /** The latest publication (ISO), the date of every entry: a release always gives the same archive. */
  publishedAt: string | null;
  demo: boolean;
  /** Each language's catalogue texts: the source (French), or an official or unofficial translation. */
  translations: Record<Locale, TranslationMark>;
}

/** The mark of each translation the README states, by language (keys listed in full: docs/i18n.md#messages). */
const UNOFFICIAL: Partial<Record<Locale, string>> = { en: 'files.readme.unofficial.en', es: 'files.readme.unofficial.es' };

/** The README's text in one language: what the archive is, its licence, and which texts are unofficial translations. */
function readmeIn(locale: Locale, meta: ArchiveMeta): string[] {
  const lines = [
    t(locale, 'files.readme.title'),
    '',
    t(locale, 'files.readme.contents', { page: localePath(locale, OPEN_DATA_PATH) }),
    t(locale, 'files.readme.revisions'),
    t(locale, 'files.readme.columns', { page: localePath(locale, OPEN_DATA_PATH) }),
    '',
    t(locale, 'files.readme.licence', { name: LICENCE.name, url: LICENCE.url }),
  ];
  // The citation names the date in French (presenters/open-data-page.ts): said once, in the French part.
  if (meta.citation === null) lines.push(t(locale, 'files.readme.nothingPublished'));
  else if (locale === DEFAULT_LOCALE) lines.push(meta.citation);
  if (meta.demo) lines.push('', t(locale, 'files.readme.demo'));
  lines.push('', t(locale, 'files.readme.sameFiles'));
  for (const other of LOCALES) {
    const key = UNOFFICIAL[other];
    if (key && meta.translations[other] === 'unofficial') lines.push(t(locale, key));
  }
  return lines;
}

/** LISEZMOI.txt: the same text in each language, French first, then the files the archive holds. */
function readme(files: { path: string; url: string }[], meta: ArchiveMeta): string {
  const lines = LOCALES.flatMap((locale) => [...readmeIn(locale, meta), '', '']);
  for (const locale of LOCALES) lines.push(t(locale, 'files.readme.files'));
  for (const file of files) lines.push(`- ${file.path} — ${file.url}`);
  return `${lines.join('\n')}\n`;
}

/** tout.zip: every open-data file under its name, and a README (LISEZMOI.txt) listing them with their URL. */
export async function openDataArchive(files: (OpenDataFile | BinaryFile)[], meta: ArchiveMeta): Promise<Buffer> {
  const zip = new (jszip())();
  const date = new Date(meta.publishedAt ?? 0);
  zip.file(ARCHIVE_README, readme(files, meta), { date });
  for (const file of files) zip.file(file.path, file.content, { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}
