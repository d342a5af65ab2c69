import path from 'node:path';
import type { Express } from 'express';
import { create } from 'express-handlebars';
import type { RenderViewOptions } from 'express-handlebars/types';
import { projectPath } from './project-root';

const viewsDir = projectPath('views');

/** Handlebars helpers: small, pure formatting for templates. */
const helpers = {
  eq: (a: unknown, b: unknown) => a === b,
  /** For data attributes read by static scripts; Handlebars escapes the result for the attribute. */
  json: (value: unknown) => JSON.stringify(value),
  /** Joins strings and numbers; Handlebars passes its options object last, which is dropped. */
  concat: (...parts: unknown[]) => parts.slice(0, -1).join(''),
  join: (list: unknown, separator: unknown) => (Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : ', ') : ''),
};

export function configureViews(app: Express, viewCache: boolean): void {
  const engine = create({
    extname: '.hbs',
    defaultLayout: 'main',
    layoutsDir: path.join(viewsDir, 'layouts'),
    partialsDir: path.join(viewsDir, 'partials'),
    helpers,
  });
  // express-handlebars answers through the callback, but it reads the partials before its own
  // try: a failure there only rejects the promise it returns, which express never looks at.
  app.engine('.hbs', (file, options, callback) => {
    engine.renderView(file, options as RenderViewOptions, callback).catch(callback);
  });
  app.set('view engine', '.hbs');
  app.set('views', viewsDir);
  app.set('view cache', viewCache);
}
