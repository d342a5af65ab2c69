import crypto from 'node:crypto';
import Handlebars from 'handlebars';

/**
 * A template's source without the indentation at the start of its lines, nor its empty lines. They keep the
 * templates readable; in the pages they are bytes sent for nothing (a sixth of the report form and of a
 * meeting's plan, repeated in every loop), and whitespace between tags renders the same once one
 * line break is kept. No template writes a multi-line `<pre>` or `<textarea>` itself: what those
 * hold comes from variables, which this does not touch.
 */
export function withoutIndentation(source: string): string {
  return source.replace(/^[ \t]+/gm, '').replace(/\n{2,}/g, '\n');
}

/**
 * What names a template precompiled by `npm run build` (server/precompile-templates.ts): the source as
 * it is compiled (after withoutIndentation) and the Handlebars version compiling it. An edited
 * template, a changed transformation or another Handlebars gives another key, so a stale entry is
 * never found: the template is compiled instead.
 */
export function templateKey(prepared: string): string {
  return crypto.createHash('sha256').update(Handlebars.VERSION).update('\0').update(prepared).digest('hex').slice(0, 32);
}
