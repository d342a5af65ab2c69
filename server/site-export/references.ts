/**
 * The references a page or a style sheet makes to other files — `href` and `src` attributes in
 * HTML, `url(…)` in CSS — read and rewritten in place. The site's HTML comes from its own
 * templates (Handlebars escapes every quote inside an attribute value), so a pattern over the
 * text finds every attribute without a full HTML parser.
 */

/** Returns the new reference, or null to keep it unchanged. */
export type Rewrite = (reference: string) => string | null;

const HTML_ATTRIBUTE = /(\s)(href|src)(\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi;
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)/gi;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** An attribute value as the browser reads it: `&amp;` → `&`, `&#x3D;` → `=`. */
export function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
  });
}

/** A value written between double quotes. */
export function encodeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The page with every `href`/`src` passed through `rewrite`. */
export function rewriteHtmlReferences(html: string, rewrite: Rewrite): string {
  return html.replace(HTML_ATTRIBUTE, (whole, space: string, name: string, equals: string, double?: string, single?: string) => {
    const replaced = rewrite(decodeAttribute(double ?? single ?? ''));
    return replaced === null ? whole : `${space}${name}${equals}"${encodeAttribute(replaced)}"`;
  });
}

/** The style sheet with every `url(…)` passed through `rewrite`. */
export function rewriteCssReferences(css: string, rewrite: Rewrite): string {
  return css.replace(CSS_URL, (whole, double?: string, single?: string, bare?: string) => {
    const replaced = rewrite(double ?? single ?? bare ?? '');
    return replaced === null ? whole : `url("${replaced.replace(/["\\]/g, '\\$&')}")`;
  });
}

function collect(rewriteAll: (text: string, rewrite: Rewrite) => string, text: string): string[] {
  const found: string[] = [];
  rewriteAll(text, (reference) => {
    found.push(reference);
    return null;
  });
  return found;
}

/** Every `href` and `src` of a page, decoded, in order. */
export const htmlReferences = (html: string): string[] => collect(rewriteHtmlReferences, html);

/** Every `url(…)` of a style sheet, in order. */
export const cssReferences = (css: string): string[] => collect(rewriteCssReferences, css);

/** Whether a page holds a form, which a static host cannot answer. */
export const hasForm = (html: string): boolean => /<form[\s>]/i.test(html);
