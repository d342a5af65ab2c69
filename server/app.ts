import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { securityHeaders } from './security';
import { configureViews } from './views';
import { apiRouter } from './routes/api';
import { pagesRouter } from './routes/pages';
import { transparencyRouter } from './routes/transparency';
import { openDataRouter } from './routes/open-data';
import { layoutLocals } from './middleware/layout';
import { localeFromAddress } from './i18n/addresses';
import { DEFAULT_LOCALE } from './i18n/locale';
import { t } from './i18n/translate';
import { HttpError } from './http-error';
import { dataSource } from './data-source';
import { PublicCache } from './public-cache';
import { PrivateRenderCache } from './private-render-cache';
import { ReleaseBundles } from './release-bundles';
import { PublicSearch } from './search-index';
import { searchRouter } from './routes/search';
import { embedRouter } from './routes/embed';
import { workspaceVersions } from '../db/queries/engine-data';
import { compressResponses } from './compression';
import { SESSION_LIFETIMES, sessionMiddleware } from './auth/session';
import { SqliteSessionStore } from './auth/session-store';
import { KnownSessions } from './auth/known-sessions';
import { keptPagesFirst } from './middleware/kept-pages-first';
import { viewerMiddleware } from './middleware/viewer';
import { csrfProtection } from './middleware/csrf';
import { libraryErrorToHttp } from './middleware/errors';
import { authRouter } from './routes/auth';
import { workspaceRouter } from './routes/workspace';
import { projectPath } from './project-root';
import { requestLogger, silentLogger } from './logger';
import { healthRouter } from './routes/health';
import { publicCors } from './middleware/cors';
import type { AppContext, RouteContext } from './route-context';

const publicCaches = new WeakMap<express.Express, PublicCache>();
const searches = new WeakMap<express.Express, PublicSearch>();

/** The app's search index, to fill it at start (server/main.ts). */
export const searchOf = (app: express.Express): PublicSearch | undefined => searches.get(app);

/** How many pages the app sent from its kept signed-in pages before reading the session (tests). */
export const keptPagesServedOf = (app: express.Express): number => keptPagesCounts.get(app)?.served ?? 0;
const keptPagesCounts = new WeakMap<express.Express, { served: number }>();

/** The app's public cache, to see what it holds (tests). */
export const publicCacheOf = (app: express.Express): PublicCache | undefined => publicCaches.get(app);

export function createApp(appContext: AppContext): express.Express {
  const data = dataSource(appContext.db, { publicationMinCoverage: appContext.config.publicationMinCoverage });
  const cache = new PublicCache(data, { maxBytes: appContext.config.publicCacheBytes, logger: appContext.logger });
  const app = express();
  const context: RouteContext = {
    ...appContext,
    data,
    cache,
    // What a signed-in page may show: the workspace's data, the meetings (and the hour).
    privatePages: new PrivateRenderCache(() => workspaceVersions(appContext.db)),
    bundles: new ReleaseBundles(appContext.db, data),
    search: new PublicSearch(data),
  };
  searches.set(app, context.search);
  publicCaches.set(app, cache);
  app.disable('x-powered-by');
  // Off unless TRUST_PROXY says which proxies to believe: req.ip is then the client's address (README, « Security »).
  app.set('trust proxy', appContext.config.trustProxy);
  // ETags come from the public cache (one per release); the rest is private or not worth one.
  app.set('etag', false);
  configureViews(app, appContext.config.viewCache);
  const sessionStore = new SqliteSessionStore(appContext.db, SESSION_LIFETIMES, appContext.clock);
  const headers = securityHeaders();
  const keptFirst = keptPagesFirst({ pages: context.privatePages, sessions: new KnownSessions(), store: sessionStore, headers });
  keptPagesCounts.set(app, keptFirst.counts);
  app.use(requestLogger(appContext.logger ?? silentLogger));
  // A page kept for a signed-in session, before anything else is read or gone through, the security
  // headers excepted, which it sets (server/middleware/kept-pages-first.ts); before the compression
  // middleware too: a kept page carries its own compressed copies.
  app.use(keptFirst.serve);
  app.use(headers);
  // First of the routes: `/en/…` and `/es/…` reach the same routes as `/…` (docs/i18n.md).
  app.use(localeFromAddress(appContext.config.publicUrl));
  app.use(['/api/v1', '/donnees'], publicCors);
  app.use(compressResponses());
  // Before sessions: a probe neither reads nor makes one.
  app.use(healthRouter(appContext.db, appContext.config.databasePath));
  app.use('/static', express.static(projectPath('static'), { maxAge: '1h' }));
  // Chart.js comes from the project's own node_modules, never from a CDN.
  app.use('/static/vendor/chart.js', express.static(path.dirname(require.resolve('chart.js')), { maxAge: '1d' }));
  app.use(sessionMiddleware(appContext.db, appContext.config, sessionStore));
  app.use(express.urlencoded({ extended: false, limit: '2mb', parameterLimit: 5000 }));
  app.use(csrfProtection);
  app.use(viewerMiddleware(appContext.db));
  app.use(keptFirst.remember);
  app.use('/api/v1', apiRouter(context));
  // Before the layout's locals: embeds have their own layout, without the site's header.
  if (!appContext.staticSite) app.use(embedRouter(context));
  app.use(layoutLocals(context));
  app.use(authRouter(context));
  app.use('/espace', workspaceRouter(context));
  app.use(transparencyRouter(context));
  app.use(openDataRouter(context));
  if (!appContext.staticSite) app.use(searchRouter(context));
  // The dashboard's pages, signed in: rendered once per version like the public's, but per user.
  app.use(context.privatePages.keep, pagesRouter(context));

  app.use((req: Request, _res: Response, next: NextFunction) => {
    next(new HttpError(404, t(req.locale, 'error.notFoundTitle'), t(req.locale, 'error.noPage', { path: req.path })));
  });
  app.use(libraryErrorToHttp);
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const httpError = err instanceof HttpError ? err : null;
    const status = httpError?.status ?? 500;
    // Written, stack included, on the request's log line (server/logger.ts).
    if (status >= 500) res.err = err instanceof Error ? err : new Error(String(err));
    const locale = req.locale ?? DEFAULT_LOCALE;
    const title = httpError?.title ?? t(locale, 'error.serverTitle');
    const message = httpError?.message ?? t(locale, 'error.serverMessage');
    if (req.path.startsWith('/api/')) {
      res.status(status).json({ error: { status, message } });
      return;
    }
    res.status(status).render('error', { title, status, message });
  });
  return app;
}
