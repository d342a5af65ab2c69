import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import request from 'supertest';
import * as precompiled from '../../server/precompiled-templates';
import { precompileTemplates } from '../../server/precompile-templates';
import { projectPath } from '../../server/project-root';
import { templateKey, withoutIndentation } from '../../server/template-source';
import { compileTemplate } from '../../server/views';
import { testApp } from '../helpers/context';
import { createTestUser, csrfTokenOf, signedInAgent } from '../helpers/session';
import { useTempDir } from '../helpers/temp-dir';

/**
 * `npm run build` precompiles the templates (dist/templates/, built for this run by test/setup/build.ts);
 * server/views.ts loads a precompiled template only for the exact source it was made from, and
 * compiles otherwise: a page must come out the same either way.
 */
jest.setTimeout(120_000);

const VIEWS = projectPath('views');
const viewFiles = (fs.readdirSync(VIEWS, { recursive: true }) as string[]).filter((file) => file.endsWith('.hbs')).sort();

const tmp = useTempDir('precompiled-templates-', { each: false });

const PUBLIC_PAGES = [
  '/',
  '/indicators/1.1',
  '/actions/5',
  '/sections/II',
  '/states?year=2026',
  '/states/AFG',
  '/en/indicators/1.1',
  '/es/',
  '/embed/actions/5',
  '/nowhere',
];
const SIGNED_IN_PAGES = ['/espace', '/espace/journal', '/espace/saisie/2026/KHM'];

/** The pages above from a fresh app, signed in as an administrator for the workspace's; the session's form token masked. */
async function pagesOfAFreshApp(): Promise<string[]> {
  const { db, app } = testApp();
  await createTestUser(db, 'admin@example.org', 'admin');
  const pages = [];
  for (const page of PUBLIC_PAGES) pages.push((await request(app).get(page)).text);
  const admin = await signedInAgent(app, 'admin@example.org');
  for (const page of SIGNED_IN_PAGES) {
    const html = (await admin.get(page).expect(200)).text;
    pages.push(html.replaceAll(csrfTokenOf(html), 'TOKEN'));
  }
  return pages;
}

describe('precompiled templates', () => {
  test('npm run build precompiled every template of views/, under the key of its current source', () => {
    expect(viewFiles.length).toBeGreaterThan(60);
    const missing = viewFiles.filter((file) => {
      const key = templateKey(withoutIndentation(fs.readFileSync(path.join(VIEWS, file), 'utf8')));
      return precompiled.precompiledTemplate(key) === undefined;
    });
    expect(missing).toEqual([]);
  });

  test('real pages render the same from precompiled templates as from templates compiled (no dist/), none compiled in the first case', async () => {
    const compile = jest.spyOn(Handlebars, 'compile');
    const fromPrecompiled = await pagesOfAFreshApp();
    expect(compile).not.toHaveBeenCalled();

    // As in a checkout never built: no precompiled template is found, every template is compiled.
    const lookup = precompiled.precompiledTemplate;
    const absent = tmp.file('no-dist', 'templates');
    const missed = jest.spyOn(precompiled, 'precompiledTemplate').mockImplementation((key) => lookup(key, absent));
    const fromCompiled = await pagesOfAFreshApp();
    missed.mockRestore();
    expect(compile.mock.calls.length).toBeGreaterThan(20);
    compile.mockRestore();

    expect(fromPrecompiled.length).toBe(PUBLIC_PAGES.length + SIGNED_IN_PAGES.length);
    fromPrecompiled.forEach((html, i) => expect(html).toBe(fromCompiled[i]));
    // The pages are real ones, in full.
    expect(fromPrecompiled[0]).toContain('</html>');
    expect(fromPrecompiled.at(-1)).toContain('name="_csrf" value="TOKEN"');
  });

  test('a template edited since the build is compiled from its new source, not taken from the stale entry', () => {
    const source = fs.readFileSync(path.join(VIEWS, 'partials', 'grade-icon.hbs'), 'utf8');
    const context = { name: 'Atteint', icon: 'M0 0' };
    const compiled: string[] = [];
    const compile = (prepared: string) => {
      compiled.push(prepared);
      return Handlebars.compile(prepared.trim());
    };

    const asBuilt = compileTemplate(source, compile)(context);
    expect(compiled).toEqual([]);
    expect(asBuilt).toContain('aria-label="Atteint"');

    const edited = source.replace('class="grade__icon"', 'class="grade__icon grade__icon--edited"');
    const rendered = compileTemplate(edited, compile)(context);
    expect(compiled).toEqual([withoutIndentation(edited)]);
    expect(rendered).toBe(asBuilt.replace('class="grade__icon"', 'class="grade__icon grade__icon--edited"'));
  });

  test('without dist/, a template is compiled and renders the same', () => {
    const source = fs.readFileSync(path.join(VIEWS, 'partials', 'grade-icon.hbs'), 'utf8');
    const context = { name: 'Non atteint', icon: 'M1 1' };
    let compiled = 0;
    const compile = (prepared: string) => {
      compiled += 1;
      return Handlebars.compile(prepared.trim());
    };
    const withoutDist = compileTemplate(source, compile, tmp.file('never-built'))(context);
    expect(compiled).toBe(1);
    expect(withoutDist).toBe(compileTemplate(source, compile)(context));
    expect(compiled).toBe(1);
  });

  test('the build writes one module per template and leaves no stale one behind', () => {
    const views = tmp.file('views');
    const out = tmp.file('dist', 'templates');
    fs.mkdirSync(path.join(views, 'partials'), { recursive: true });
    fs.writeFileSync(path.join(views, 'page.hbs'), '<main>\n    <p>{{title}}</p>\n\n\n    {{> note}}\n</main>\n');
    fs.writeFileSync(path.join(views, 'partials', 'note.hbs'), '<aside>{{text}}</aside>\n');
    expect(precompileTemplates(tmp.path, views, out)).toBe(2);
    const keyOf = (file: string) => templateKey(withoutIndentation(fs.readFileSync(path.join(views, file), 'utf8')));
    const page = Handlebars.template(precompiled.precompiledTemplate(keyOf('page.hbs'), out)!);
    const note = Handlebars.template(precompiled.precompiledTemplate(keyOf('partials/note.hbs'), out)!);
    expect(page({ title: 'Titre <1>', text: 'Note' }, { partials: { note } })).toBe(
      // Handlebars drops the line of a standalone partial, and express-handlebars trims each template.
      '<main>\n<p>Titre &lt;1&gt;</p>\n<aside>Note</aside></main>',
    );
    expect(fs.readFileSync(precompiled.precompiledFile(out, keyOf('page.hbs')), 'utf8')).toMatch(/^\/\/ views\/page\.hbs,/);

    const stale = keyOf('page.hbs');
    fs.writeFileSync(path.join(views, 'page.hbs'), '<main>{{title}}</main>\n');
    precompileTemplates(tmp.path, views, out);
    expect(precompiled.precompiledTemplate(stale, out)).toBeUndefined();
    expect(fs.readdirSync(out).sort()).toEqual([`${keyOf('page.hbs')}.js`, `${keyOf('partials/note.hbs')}.js`].sort());
  });
});
