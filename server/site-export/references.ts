/**
 * The references a page or a style sheet makes to other files — `href` and `src` attributes in
 * HTML, `url(…)` in CSS — read and rewritten in place. The site's HTML comes from its own
 * templates (Handlebars escapes every quote inside an attribute value), so a pattern over the
 * text finds every attribute without a full HTML parser.
 *
 * A page is read as bytes: its markup is ASCII, so the pattern runs over the bytes taken one per
 * character (latin1, a plain copy) and only the attribute values are decoded as UTF-8. The rest of
 * the page is copied byte for byte, never decoded nor encoded again: the static export reads and
 * rewrites thousands of pages (docs/performance.md).
 */

/** Returns the new reference, or null to keep it unchanged. */
export type Rewrite = (reference: string) => string | null;

// HTML's own white space (ASCII): JavaScript's \s would also take the byte 0xA0 that ends many a UTF-8 character.
const HTML_ATTRIBUTE = /([\t\n\f\r ])(href|src)([\t\n\f\r ]*=[\t\n\f\r ]*)(?:"([^"]*)"|'([^']*)')/gi;
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

/** An attribute value read from the page's bytes taken as latin1: its UTF-8 decoded, then its entities. */
const attributeOf = (latin1: string) =>
  decodeAttribute(/[\x80-\xff]/.test(latin1) ? Buffer.from(latin1, 'latin1').toString('utf8') : latin1);

/** The page (UTF-8 bytes) with every `href`/`src` passed through `rewrite`; the same buffer when none changes. */
export function rewriteHtmlPage(page: Buffer, rewrite: Rewrite): Buffer {
  const text = page.toString('latin1');
  const parts: Buffer[] = [];
  let copied = 0;
  for (const match of text.matchAll(HTML_ATTRIBUTE)) {
    const [, space, name, equals, double, single] = match;
    const replaced = rewrite(attributeOf(double ?? single ?? ''));
    if (replaced === null) continue;
    parts.push(page.subarray(copied, match.index), Buffer.from(`${space}${name}${equals}"${encodeAttribute(replaced)}"`, 'utf8'));
    copied = match.index + match[0].length;
  }
  if (parts.length === 0) return page;
  parts.push(page.subarray(copied));
  return Buffer.concat(parts);
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

/** Every `href` and `src` of a page (UTF-8 bytes), decoded, in order. */
export const htmlPageReferences = (page: Buffer): string[] =>
  Array.from(page.toString('latin1').matchAll(HTML_ATTRIBUTE), (match) => attributeOf(match[4] ?? match[5] ?? ''));

/** Every `url(…)` of a style sheet, in order. */
export const cssReferences = (css: string): string[] => collect(rewriteCssReferences, css);

const FORM = /<form[\s>]/i;

/**
 * Whether a page (UTF-8 bytes) holds a form, which a static host cannot answer (after `<form` comes
 * ASCII or the first byte of a character, which \s never takes).
 */
export const pageHasForm = (page: Buffer): boolean => FORM.test(page.toString('latin1'));
