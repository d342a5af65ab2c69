import path from 'node:path';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';

/**
 * Where each URL of the site goes in a static copy, and how one file links to another.
 *
 * - A page (HTML) becomes `<path>/index.html`: `/` → `index.html`, `/indicators/1.1` →
 *   `indicators/1.1/index.html`. Its query string becomes more folders, parameters sorted by name:
 *   `/?year=2026&comite=article5` → `comite-article5/year-2026/index.html`.
 * - Any other file keeps its path (`/static/css/site.css`, `/indicators/1.1/donnees.csv`), with
 *   the extension of its type added when the path lacks it (`/api/v1/catalogue` →
 *   `api/v1/catalogue.json`), so that a static host sends it with the right type. A query string
 *   goes into the name: `/api/v1/indicators?year=2025` → `api/v1/indicators--year-2025.json`.
 *
 * Names hold only `A-Z a-z 0-9 . _ ~ -`: anything else becomes `_`. Two URLs that would land on
 * the same file are found by `fileCollisions`.
 */

/** Where relative references are resolved; never contacted. */
const ORIGIN = 'http://site.invalid';

/** A URL of the site without its fragment, query parameters sorted: one key per resource. */
export function canonicalUrl(url: URL): string {
  const params = [...url.searchParams].sort(([a, x], [b, y]) => (a === b ? compare(x, y) : compare(a, b)));
  const search = new URLSearchParams(params).toString();
  return `${url.pathname}${search ? `?${search}` : ''}`;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The site URL a reference in the page at `base` points to, or null when it is not a link to
 * another resource of the site: in-page fragment, other host, `mailto:`, `data:`…
 */
export function resolveInternal(reference: string, base: string): { url: string; fragment: string } | null {
  const ref = reference.trim();
  if (ref === '' || ref.startsWith('#')) return null;
  let url: URL;
  try {
    url = new URL(ref, ORIGIN + base);
  } catch {
    return null;
  }
  if (url.origin !== ORIGIN) return null;
  return { url: canonicalUrl(url), fragment: url.hash };
}

/** A folder or file name a static host serves as it is. */
export function safeName(text: string): string {
  // A leading dot would make a hidden file, which static hosts refuse to serve.
  const safe = text.replace(/[^A-Za-z0-9._~-]/g, '_').replace(/^\./, '_');
  return safe === '' ? '_' : safe;
}

/** The usual extension of a content type, for files whose URL has none. */
const EXTENSIONS: Record<string, string> = {
  'text/html': '.html',
  'text/css': '.css',
  'text/csv': '.csv',
  'text/plain': '.txt',
  'text/javascript': '.js',
  'application/javascript': '.js',
  'application/json': '.json',
  'application/zip': '.zip',
  'application/pdf': '.pdf',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'image/svg+xml': '.svg',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/x-icon': '.ico',
  'font/woff2': '.woff2',
};

export const mediaType = (contentType: string) => contentType.split(';')[0]!.trim().toLowerCase();

export const isHtml = (contentType: string) => mediaType(contentType) === 'text/html';
export const isCss = (contentType: string) => mediaType(contentType) === 'text/css';

function decodedSegments(pathname: string): string[] {
  return pathname
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return safeName(decodeURIComponent(s));
      } catch {
        return safeName(s);
      }
    });
}

/** The relative path of the file holding `url` (a `canonicalUrl`) answered with `contentType`. */
export function fileForUrl(url: string, contentType: string): string {
  const parsed = new URL(url, ORIGIN);
  const segments = decodedSegments(parsed.pathname);
  const query = [...parsed.searchParams].map(([name, value]) => `${safeName(name)}-${safeName(value)}`);
  if (isHtml(contentType)) return [...segments, ...query, 'index.html'].join('/');

  const extension = EXTENSIONS[mediaType(contentType)] ?? '';
  const folder = parsed.pathname.endsWith('/') || segments.length === 0;
  const name = folder ? 'index' : segments.pop()!;
  const hasExtension = extension !== '' && name.toLowerCase().endsWith(extension);
  const stem = hasExtension ? name.slice(0, -extension.length) : name;
  const withQuery = [stem, ...query].join('--');
  return [...segments, `${withQuery}${extension !== '' ? extension : ''}`].join('/');
}

/** The link from the file `from` to the file `to` (both relative to the export's root), with its fragment. */
export function relativeLink(from: string, to: string, fragment = ''): string {
  const link = path.posix.relative(path.posix.dirname(from), to);
  return `${link === '' ? path.posix.basename(to) : link}${fragment}`;
}

/**
 * Files that two URLs would share, or that would also have to be a folder — on a case-insensitive
 * disk too (`states/AFG` and `states/afg`). Returns a description of each clash in `locale`.
 */
export function fileCollisions(files: { url: string; file: string }[], locale: Locale = DEFAULT_LOCALE): string[] {
  const problems: string[] = [];
  const byFile = new Map<string, string>();
  const folders = new Map<string, string>();
  for (const { url, file } of files) {
    const key = file.toLowerCase();
    const other = byFile.get(key);
    if (other !== undefined) problems.push(t(locale, 'cli.crawl.sameFile', { first: other, second: url, file }));
    else byFile.set(key, url);
    const parts = key.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      if (!folders.has(folder)) folders.set(folder, url);
    }
  }
  for (const [file, url] of byFile) {
    const other = folders.get(file);
    if (other !== undefined) problems.push(t(locale, 'cli.crawl.fileAndFolder', { url, file, other }));
  }
  return problems;
}
