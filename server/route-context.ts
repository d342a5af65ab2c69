import type { Db } from '../db/client';
import type { Config } from './config';
import type { DataSource } from './data-source';
import type { Logger } from './logger';
import type { PublicCache } from './public-cache';
import type { PrivateRenderCache } from './private-render-cache';
import type { ReleaseBundles } from './release-bundles';
import type { PublicSearch } from './search-index';

// In a module of its own so that routes and middleware need not import the app that mounts them.

export interface AppContext {
  db: Db;
  config: Config;
  /** Rendering a static copy of the public site (`npm run export:site`): no sign-in link, no forms. */
  staticSite?: boolean;
  /** Where requests and errors are logged (server/logger.ts); nothing is logged without one. */
  logger?: Logger;
  /** The time for sessions (milliseconds since the epoch); tests pass a clock they move. */
  clock?: () => number;
}

/**
 * What routes receive: the app's context, the current view of the data, the cache of what the public
 * is sent and the one of the pages signed-in users read.
 */
export interface RouteContext extends AppContext {
  data: DataSource;
  cache: PublicCache;
  privatePages: PrivateRenderCache;
  /** indicateurs.xlsx and tout.zip, built once per release. */
  bundles: ReleaseBundles;
  /** The full-text index behind /recherche. */
  search: PublicSearch;
}
