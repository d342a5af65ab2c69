// npm start — the production start: compiles the server if its sources changed since the last build
// (scripts/build.mjs), then runs the compiled dist/main.js in this same process. NODE_ENV=production
// turns on Express's view cache (templates read once) unless the environment says otherwise.
import { createRequire } from 'node:module';
import { buildIfChanged, ENTRY } from './build.mjs';

process.env.NODE_ENV ??= 'production';
// Stack traces in the logs point at the TypeScript sources (dist/main.js.map).
process.setSourceMapsEnabled(true);

const started = Date.now();
let result;
try {
  result = await buildIfChanged();
} catch (err) {
  // esbuild has already printed where the error is.
  console.error(`La compilation du serveur a échoué : ${err instanceof Error ? err.message.split('\n')[0] : err}`);
  process.exit(1);
}
if (result.built) console.log(`Serveur compilé (build ${result.buildId}, ${Date.now() - started} ms).`);
createRequire(import.meta.url)(ENTRY);
