import type { NextFunction, Request, Response } from 'express';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from './locale';

declare module 'express-serve-static-core' {
  interface Request {
    /** The page's language: its address's prefix (`/en/…`, `/es/…`), French without one (docs/i18n.md). */
    locale: Locale;
    /** The address without its language prefix, as the routes see it. */
    unprefixedPath: string;
  }
}

/** The languages' own names, as the switcher shows them (each in its own language). */
export const LOCALE_NAMES: Record<Locale, string> = { fr: 'Français', en: 'English', es: 'Español' };

/**
 * Paths that are the same in every language: the static files, the API (it takes `?lang=`) and
 * downloads (a name with an extension: `indicateurs.csv`, `carte.png`, `openapi.json`).
 */
const SHARED = /^\/(static|api)(\/|$)|\.[a-z][a-z0-9]*(\?|#|$)/i;

/** A language prefix at the start of a path. */
const PREFIX = new RegExp(`^/(${LOCALES.filter((l) => l !== DEFAULT_LOCALE).join('|')})(?=/|\\?|$)`);

/** `path` (a path of this site, French) in `locale`: `/actions/1` → `/en/actions/1`; `/` → `/en/`. */
export function localePath(locale: Locale, path: string): string {
  if (locale === DEFAULT_LOCALE || !path.startsWith('/') || path.startsWith('//') || SHARED.test(path) || PREFIX.test(path)) return path;
  return `/${locale}${path}`;
}

/**
 * Reads the language from the address and takes its prefix off, so that `/en/…` and `/es/…` reach
 * the same routes as `/…`. Local redirects keep the language; the layout gets what its `lang`,
 * alternates and switcher need.
 */
/** Each response's own redirect, before the one that keeps the language. */
const exactRedirects = new WeakMap<Response, (status: number, url: string) => void>();

/** Redirects to `path` in `locale`, whatever the language of the request (a language chosen by the user). */
export function redirectToLanguage(res: Response, locale: Locale, path: string): void {
  const redirect = exactRedirects.get(res) ?? res.redirect.bind(res);
  redirect(303, localePath(locale, path));
}

export const localeFromAddress =
  (publicUrl: string) =>
  (req: Request, res: Response, next: NextFunction): void => {
    const match = PREFIX.exec(req.url);
    const prefix = match?.[1];
    const locale: Locale = isLocale(prefix) ? prefix : DEFAULT_LOCALE;
    if (match) req.url = req.url.slice(match[0].length) || '/';
    if (req.url.startsWith('?')) req.url = `/${req.url}`;
    req.locale = locale;
    req.unprefixedPath = req.url.split('?')[0] ?? '/';
    res.locals.locale = locale;
    const redirect = res.redirect.bind(res) as (status: number, url: string) => void;
    exactRedirects.set(res, redirect);
    if (locale !== DEFAULT_LOCALE) {
      // Every route's redirect to one of our pages stays in the page's language.
      res.redirect = (statusOrUrl: number | string, maybeUrl?: string) => {
        const [status, url] = typeof statusOrUrl === 'number' ? [statusOrUrl, maybeUrl ?? '/'] : [302, statusOrUrl];
        redirect(status, localePath(locale, url));
      };
    }
    // Read when the page is rendered, not now: the public cache keeps only the query parameters a
    // route declares (server/public-cache.ts), and a kept page's links must carry no others.
    Object.defineProperty(res.locals, 'languages', { enumerable: true, configurable: true, get: () => languagesOf(req, publicUrl) });
    next();
  };

export interface LanguageLink {
  locale: Locale;
  name: string;
  href: string;
  /** Absolute (PUBLIC_URL), for the hreflang alternates. */
  absolute: string;
  current: boolean;
}

/** The same page, with the same query, in each language: the switcher's links and the hreflang alternates. */
/** The request's query string as the route reads it (`?a=1&b=2`, or empty). */
export function queryOf(req: Request): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(req.query as Record<string, unknown>)) {
    for (const one of Array.isArray(value) ? value : [value]) if (typeof one === 'string') search.append(name, one);
  }
  return search.size > 0 ? `?${search.toString()}` : '';
}

export function languagesOf(req: Request, publicUrl: string): LanguageLink[] {
  const query = queryOf(req);
  return LOCALES.map((locale) => {
    const href = localePath(locale, req.unprefixedPath) + query;
    return { locale, name: LOCALE_NAMES[locale], href, absolute: publicUrl + href, current: locale === req.locale };
  });
}
