import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * Brings dist/ up to date with the sources, as `npm start` and `npm run NAME` do (scripts/build.mjs),
 * once for the whole run: the tests run the compiled command-line tools (test/helpers/cli.ts) and
 * the compiled server (test/helpers/server-process.ts), and every app they build loads the templates
 * precompiled in dist/templates/ (server/views.ts). Both jest projects call it; once is enough.
 */
export default function buildCompiledServer(): void {
  if (process.env.TEST_BUILD_DONE) return;
  const root = path.join(__dirname, '..', '..');
  const result = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', "await (await import('./scripts/build.mjs')).buildIfChanged();"],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('La compilation (scripts/build.mjs) a échoué : les tests des commandes ne peuvent pas tourner.');
  process.env.TEST_BUILD_DONE = '1';
}
