import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { projectPath } from './project-root';

/** Where `npm run build` writes the precompiled templates, one module per template (server/precompile-templates.ts). */
export const PRECOMPILED_DIR = projectPath('dist', 'templates');

export const precompiledFile = (dir: string, key: string) => path.join(dir, `${key}.js`);

// Through require rather than a read and an eval: under jest this is jest's own loader, and in the
// server Node's, which keeps each module once.
const loadModule = createRequire(__filename);

/**
 * The precompiled form of a template whose source, as compiled, has this key (server/template-source.ts),
 * or undefined when there is none: no dist/ (a checkout never built), or a template edited since the
 * last build. Loading one costs far less than compiling it (docs/performance.md, « Templates precompiled at build time »).
 */
export function precompiledTemplate(key: string, dir: string = PRECOMPILED_DIR): TemplateSpecification | undefined {
  const file = precompiledFile(dir, key);
  if (!fs.existsSync(file)) return undefined;
  return (loadModule(file) as { spec: TemplateSpecification }).spec;
}
