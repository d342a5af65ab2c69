import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { precompiledFile } from './precompiled-templates';
import { templateKey, withoutIndentation } from './template-source';

/** Every `.hbs` file under a folder, as paths relative to it. */
function listTemplates(dir: string, under = ''): string[] {
  return fs
    .readdirSync(path.join(dir, under), { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? listTemplates(dir, path.join(under, entry.name))
        : entry.name.endsWith('.hbs')
          ? [path.join(under, entry.name)]
          : [],
    );
}

/**
 * Run by `npm run build` (scripts/build.mjs, from its bundle dist/precompile-templates.js): precompiles
 * every template of `viewsDir` into `outDir`, one CommonJS module per template named by its key
 * (server/template-source.ts), as server/views.ts compiles it (the same transformation, the same
 * `trim()` express-handlebars applies, no compiler options). Written into a fresh folder that then
 * replaces the old one, so no stale entry stays and a server reading meanwhile finds either whole
 * set or none (it then compiles).
 */
export function precompileTemplates(root: string, viewsDir: string, outDir: string): number {
  const tmp = `${outDir}.${process.pid}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  const files = listTemplates(viewsDir);
  for (const file of files) {
    const prepared = withoutIndentation(fs.readFileSync(path.join(viewsDir, file), 'utf8'));
    const name = path.relative(root, path.join(viewsDir, file)).split(path.sep).join('/');
    // The JavaScript source of the template (its types say an object: that is what the source evaluates to).
    const spec = Handlebars.precompile(prepared.trim()) as unknown as string;
    fs.writeFileSync(
      precompiledFile(tmp, templateKey(prepared)),
      `// ${name}, precompiled by npm run build\nmodule.exports = { spec: ${spec} };\n`,
    );
  }
  fs.rmSync(outDir, { recursive: true, force: true });
  try {
    fs.renameSync(tmp, outDir);
  } catch (err) {
    // Another build running at the same time got there first with the same templates: its copy stays.
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!fs.existsSync(outDir)) throw err;
  }
  return files.length;
}
