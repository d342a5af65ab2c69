import path from 'node:path';
import type { Express } from 'express';
import { ExpressHandlebars } from 'express-handlebars';
import Handlebars from 'handlebars';
import type { RenderViewOptions } from 'express-handlebars/types';
import type { RuntimeOptions } from 'handlebars';
import { projectPath } from './project-root';
import { DEFAULT_LOCALE, isLocale, type Locale } from './i18n/locale';
import { t, tHtml } from './i18n/translate';
import { localePath } from './i18n/addresses';
import { precompiledTemplate } from './precompiled-templates';
import { templateKey, withoutIndentation } from './template-source';

const viewsDir = projectPath('views');

interface HelperOptions {
  hash?: Record<string, unknown>;
  data?: { root?: { locale?: unknown } };
}

const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const url = (value: string) => new Handlebars.SafeString(value.replace(/[&<>"']/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c));

/** The page's language, from the render context (server/i18n/addresses.ts sets `locale`). */
const localeOf = (options: HelperOptions): Locale => {
  const locale = options.data?.root?.locale;
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
};

/** Handlebars helpers: small, pure formatting for templates. */
const helpers = {
  /**
   * `{{t "area.key" name=value}}`: the message in the page's language (docs/i18n.md). A key ending
   * in `_html` holds markup of our own: it is sent as it is, its variables escaped.
   */
  t: (key: unknown, options: HelperOptions) => {
    const locale = localeOf(options);
    const name = String(key);
    return name.endsWith('_html') ? new Handlebars.SafeString(tHtml(locale, name, options.hash)) : t(locale, name, options.hash);
  },
  /** `{{localPath "/actions/" number}}`: a path of this site in the page's language (`/en/actions/1`). */
  localPath: (...parts: unknown[]) => {
    const options = parts.pop() as HelperOptions;
    return url(localePath(localeOf(options), parts.join('')));
  },
  /** A URL for an attribute, escaped as HTML needs (Handlebars' own escaping also turns `=` into `&#x3D;`). */
  url: (value: unknown) => url(typeof value === 'string' ? value : ''),
  eq: (a: unknown, b: unknown) => a === b,
  /** For data attributes read by static scripts; Handlebars escapes the result for the attribute. */
  json: (value: unknown) => JSON.stringify(value),
  /** Joins strings and numbers; Handlebars passes its options object last, which is dropped. */
  concat: (...parts: unknown[]) => parts.slice(0, -1).join(''),
  join: (list: unknown, separator: unknown) => (Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : ', ') : ''),
};

/**
 * express-handlebars, compiling each template without its indentation (server/template-source.ts), once
 * per template with the view cache; a template that `npm run build` precompiled from this very source
 * is loaded instead of compiled, layouts and partials too (they all come through here). The build
 * precompiles without compiler options, as configureViews sets none: set some, and precompile with them.
 */
class Engine extends ExpressHandlebars {
  protected override _compileTemplate(template: string, options?: RuntimeOptions): HandlebarsTemplateDelegate {
    return compileTemplate(template, (prepared) => super._compileTemplate(prepared, options));
  }
}

/**
 * A template ready to render from its source: the precompiled one when `dir` holds it for this exact
 * source, otherwise `compile(prepared)`. Taken on first render, as Handlebars.compile does: every
 * partial is handed to each render, and most pages use few of them. Exported for the tests
 * (test/server/precompiled-templates.test.ts).
 */
export function compileTemplate(
  source: string,
  compile: (prepared: string) => HandlebarsTemplateDelegate,
  dir?: string,
): HandlebarsTemplateDelegate {
  let ready: HandlebarsTemplateDelegate | undefined;
  return (context, options) => {
    if (!ready) {
      const prepared = withoutIndentation(source);
      const spec = precompiledTemplate(templateKey(prepared), dir);
      ready = spec ? Handlebars.template(spec) : compile(prepared);
    }
    return ready(context, options);
  };
}

export function configureViews(app: Express, viewCache: boolean): void {
  const engine = new Engine({
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
