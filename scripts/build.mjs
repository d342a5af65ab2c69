// npm run build — compiles the server (server/main.ts and everything it imports) into one
// JavaScript file, dist/main.js (the upload's worker thread into dist/upload-worker.js, each command-line
// tool into dist/cli/NAME.js), with esbuild: no type-checking here (that is `npm run typecheck`),
// node_modules left as they are; and precompiles the Handlebars templates of views/ into dist/templates/
// (server/precompile-templates.ts), which every process rendering pages loads instead of compiling
// them (server/views.ts), and projects the world map into dist/world-geometry.json
// (server/maps/write-world-geometry.ts), which the bundles read instead of projecting it at start.
// `npm start` calls buildIfChanged(), which compiles only when the sources differ from those of the
// last build (a hash kept in dist/build.json), so that a fresh clone works with
// `npm install && npm start` and later starts skip the build.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const OUT_DIR = path.join(ROOT, 'dist');
export const ENTRY = path.join(OUT_DIR, 'main.js');
const STAMP = path.join(OUT_DIR, 'build.json');
/** The command-line tools, compiled beside the server: `npm run NAME` runs dist/cli/NAME.js (scripts/cli.mjs). */
export const COMMANDS = ['import', 'export', 'export-site', 'demo-clear', 'user', 'backup', 'restore'];
export const commandEntry = (name) => path.join(OUT_DIR, 'cli', `${name}.js`);
/** Bundled only to run at build time: it precompiles the templates with the server's own code. */
const PRECOMPILER = path.join(OUT_DIR, 'precompile-templates.js');
export const TEMPLATES_DIR = path.join(OUT_DIR, 'templates');
/** Bundled only to run at build time: it projects the world map with the server's own code. */
const GEOMETRY_WRITER = path.join(OUT_DIR, 'write-world-geometry.js');
const GEOMETRY_FILE = path.join(OUT_DIR, 'world-geometry.json');
/** What the bundle is made of: our TypeScript, the templates, the dependencies' versions, the compiler settings, this script. */
const SOURCE_DIRS = ['server', 'db', 'seed', 'views'];
const SOURCE_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build.mjs'];

/** Our TypeScript, the JSON it imports (the message files, server/i18n/messages/) and the templates. */
function listSources(dir) {
  const found = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listSources(rel));
    else if (['.ts', '.json', '.hbs'].some((ext) => entry.name.endsWith(ext))) found.push(rel);
  }
  return found;
}

/** A hash of every source file's path and content: unlike mtimes, it does not change on a fresh checkout. */
export function sourceHash() {
  const hash = crypto.createHash('sha256');
  const files = [...SOURCE_DIRS.flatMap(listSources), ...SOURCE_FILES.filter((f) => fs.existsSync(path.join(ROOT, f)))].sort();
  for (const file of files) {
    hash
      .update(file)
      .update('\0')
      .update(fs.readFileSync(path.join(ROOT, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

function readStamp() {
  try {
    return JSON.parse(fs.readFileSync(STAMP, 'utf8'));
  } catch {
    return null;
  }
}

/** Writes a file whole or not at all: two starts building at once never leave half a bundle. */
function writeAtomically(file, contents) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, contents);
  fs.renameSync(tmp, file);
}

export async function build(hash = sourceHash()) {
  const buildId = hash.slice(0, 12);
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    // The upload's worker thread is a second bundle that the server starts (server/upload-worker/runner.ts).
    entryPoints: {
      main: 'server/main.ts',
      'upload-worker': 'server/upload-worker/thread.ts',
      ...Object.fromEntries(COMMANDS.map((name) => [`cli/${name}`, `server/cli/${name}.ts`])),
      'precompile-templates': 'server/precompile-templates.ts',
      'write-world-geometry': 'server/maps/write-world-geometry.ts',
    },
    outdir: OUT_DIR,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: true,
    sourcesContent: false,
    define: { __BUILD_ID__: JSON.stringify(buildId) },
    write: false,
    logLevel: 'warning',
  });
  // esbuild's helper process would otherwise live on beside the server it just built.
  await esbuild.stop();
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const file of result.outputFiles) {
    fs.mkdirSync(path.dirname(file.path), { recursive: true });
    writeAtomically(file.path, file.contents);
  }
  const require = createRequire(import.meta.url);
  require(PRECOMPILER).precompileTemplates(ROOT, path.join(ROOT, 'views'), TEMPLATES_DIR);
  writeAtomically(GEOMETRY_FILE, require(GEOMETRY_WRITER).worldGeometryFileText(buildId));
  // The stamp last: a build cut short is redone at the next start.
  writeAtomically(STAMP, JSON.stringify({ hash, buildId, builtAt: new Date().toISOString() }, null, 2) + '\n');
  return { built: true, buildId };
}

export async function buildIfChanged() {
  const stamp = readStamp();
  const hash = sourceHash();
  if (
    stamp &&
    stamp.hash === hash &&
    [ENTRY, TEMPLATES_DIR, GEOMETRY_FILE, ...COMMANDS.map(commandEntry)].every((file) => fs.existsSync(file))
  )
    return { built: false, buildId: stamp.buildId };
  return build(hash);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const { buildId } = await build();
  console.log(`Serveur compilé dans dist/main.js (build ${buildId}, ${Date.now() - started} ms).`);
}
