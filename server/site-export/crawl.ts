import { cssReferences, htmlPageReferences, pageHasForm, rewriteCssReferences, rewriteHtmlPage } from './references';
import { fileCollisions, fileForUrl, isCss, isHtml, relativeLink, resolveInternal } from './paths';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';

/** What the site answered to one GET. */
export interface SiteResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

/** GETs a URL of the site (`/indicators/1.1?year=2025`), anonymously, without following redirects. */
export type SiteFetch = (url: string) => Promise<SiteResponse>;

export type FileKind = 'page' | 'data' | 'asset';

/** One file of the static copy. */
export interface StaticFile {
  /** Relative to the export's root, `/`-separated: `indicators/1.1/year-2025/index.html`. */
  path: string;
  /** The site URL it was read from. */
  url: string;
  kind: FileKind;
  body: Buffer;
}

export interface CrawlOptions {
  fetch: SiteFetch;
  /** Where the crawl starts; every page is found by following links from there. */
  starts?: string[];
  /**
   * Paths only a server can answer (sign-in, workspace): a link to them or below them is a
   * problem, since it would lead nowhere in a static copy.
   */
  excluded?: string[];
  /** Requests in flight at once. */
  concurrency?: number;
  /** The language of the problems (the command line's, docs/i18n.md#the-command-line); French by default. */
  locale?: Locale;
}

export interface StaticSite {
  files: StaticFile[];
  /** In the crawl's `locale`, one per broken link or unexportable page; the copy must not be written when any. */
  problems: string[];
}

interface Resource {
  url: string;
  /** The first pages that link to it. */
  linkedFrom: string[];
  excluded: boolean;
  response?: SiteResponse;
}

const MAX_REFERRERS = 3;
const EMPTY = Buffer.alloc(0);
const STATIC_PREFIX = '/static/';

const isUnder = (url: string, prefix: string) => {
  const pathname = url.split('?')[0]!;
  return pathname === prefix || pathname.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
};

const textOf = (r: SiteResponse) => r.body.toString('utf8');

function referencesOf(response: SiteResponse): string[] {
  if (isHtml(response.contentType)) return htmlPageReferences(response.body);
  if (isCss(response.contentType)) return cssReferences(textOf(response));
  return [];
}

async function inParallel<T>(items: T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}

/**
 * Reads the whole public site by following every internal link from `starts`, each URL once, and
 * returns it as static files whose links are relative paths to other files (`../1.2/index.html`,
 * fragments kept), so that the copy works from any folder of any static host, or from the disk.
 * Only 200 answers are kept; any other answer, and any link to an excluded path, is a problem
 * naming the pages that link to it.
 */
export async function crawlSite({
  fetch,
  starts = ['/'],
  excluded = [],
  concurrency = 8,
  locale = DEFAULT_LOCALE,
}: CrawlOptions): Promise<StaticSite> {
  const resources = new Map<string, Resource>();
  let wave: Resource[] = [];

  const discover = (url: string, from: string | null) => {
    let resource = resources.get(url);
    if (!resource) {
      resource = { url, linkedFrom: [], excluded: excluded.some((prefix) => isUnder(url, prefix)) };
      resources.set(url, resource);
      if (!resource.excluded) wave.push(resource);
    }
    if (from !== null && resource.linkedFrom.length < MAX_REFERRERS && !resource.linkedFrom.includes(from)) {
      resource.linkedFrom.push(from);
    }
  };

  for (const start of starts) {
    const target = resolveInternal(start, '/');
    if (target) discover(target.url, null);
  }
  while (wave.length > 0) {
    const current = wave;
    wave = [];
    await inParallel(current, concurrency, async (resource) => {
      const response = await fetch(resource.url);
      resource.response = response;
      if (response.status !== 200) return;
      for (const reference of referencesOf(response)) {
        const target = resolveInternal(reference, resource.url);
        if (target) discover(target.url, resource.url);
      }
    });
  }

  const problems: string[] = [];
  const found = [...resources.values()];
  const quoteList = (urls: string[]) => urls.map((url) => t(locale, 'cli.crawl.quoted', { url })).join(', ');
  const where = (r: Resource) =>
    r.linkedFrom.length ? t(locale, 'cli.crawl.linkedFrom', { pages: quoteList(r.linkedFrom) }) : t(locale, 'cli.crawl.start');
  for (const r of found) {
    if (r.excluded) {
      problems.push(t(locale, 'cli.crawl.serverOnly', { url: r.url, where: where(r) }));
    } else if (r.response && r.response.status !== 200) {
      problems.push(t(locale, 'cli.crawl.status', { url: r.url, status: r.response.status, where: where(r) }));
    }
  }

  const kept = found.filter((r): r is Resource & { response: SiteResponse } => r.response?.status === 200);
  const fileOf = new Map(kept.map((r) => [r.url, fileForUrl(r.url, r.response.contentType)]));
  problems.push(
    ...fileCollisions(
      kept.map((r) => ({ url: r.url, file: fileOf.get(r.url)! })),
      locale,
    ),
  );

  const files = kept.map((r): StaticFile => {
    const path = fileOf.get(r.url)!;
    const relink = (reference: string) => {
      const target = resolveInternal(reference, r.url);
      const file = target && fileOf.get(target.url);
      return file ? relativeLink(path, file, target.fragment) : null;
    };
    const { contentType } = r.response;
    let body = r.response.body;
    if (isHtml(contentType)) {
      if (pageHasForm(body)) problems.push(t(locale, 'cli.crawl.form', { url: r.url }));
      body = rewriteHtmlPage(body, relink);
    } else if (isCss(contentType)) {
      body = Buffer.from(rewriteCssReferences(textOf(r.response), relink), 'utf8');
    }
    const kind: FileKind = isHtml(contentType) ? 'page' : isUnder(r.url, STATIC_PREFIX) ? 'asset' : 'data';
    // The bytes as read are not needed any more: let them go, so that the site is not held twice.
    r.response.body = EMPTY;
    return { path, url: r.url, kind, body };
  });
  return { files: files.sort((a, b) => (a.path < b.path ? -1 : 1)), problems };
}
