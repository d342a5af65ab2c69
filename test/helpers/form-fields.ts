import { fragment } from './html';

/** What a browser sends of a server-rendered form, read from the page's HTML (tests of forms without a browser). */

export const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&amp;/g, '&');

/** An attribute of an HTML tag, decoded; null when absent. */
export const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]!) : null;
};
const hasFlag = (tag: string, name: string) => new RegExp(`\\s${name}(?=[\\s>])`).test(tag);

/** What a browser would submit for the form posting to `action`: enabled fields, checked boxes only (no button). */
export function browserFields(html: string, action: string): Record<string, string> {
  const form = fragment(html, `<form method="post" action="${action}"`, '</form>');
  const fields: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(tag, 'name');
    if (!name || hasFlag(tag, 'disabled')) continue;
    const type = attr(tag, 'type') ?? 'text';
    if ((type === 'radio' || type === 'checkbox') && !hasFlag(tag, 'checked')) continue;
    fields[name] = attr(tag, 'value') ?? 'on';
  }
  for (const m of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const tag = `<textarea${m[1]}>`;
    const name = attr(tag, 'name');
    if (!name || hasFlag(tag, 'disabled')) continue;
    fields[name] = decode(m[2]!.replace(/^\n/, ''));
  }
  return fields;
}
