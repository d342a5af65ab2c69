// npm run import|export|export-site|demo-clear|user|backup|restore — runs the compiled command-line
// tool (dist/cli/NAME.js), compiling first when the sources changed (scripts/build.mjs), as `npm
// start` does for the server: a command starts in a fraction of a second instead of compiling
// TypeScript on every run. The tool runs as a child with this terminal (stdin for a password,
// Ctrl-C) and its exit code becomes ours.
import { spawnSync } from 'node:child_process';
import { buildIfChanged, COMMANDS, commandEntry } from './build.mjs';

const [name, ...args] = process.argv.slice(2);
if (!COMMANDS.includes(name)) {
  console.error(`Commande inconnue « ${name ?? ''} » : ${COMMANDS.join(', ')}.`);
  process.exit(2);
}
try {
  await buildIfChanged();
} catch (err) {
  console.error(`La compilation a échoué : ${err instanceof Error ? err.message.split('\n')[0] : err}`);
  process.exit(1);
}
const child = spawnSync(process.execPath, ['--enable-source-maps', commandEntry(name), ...args], { stdio: 'inherit' });
if (child.error) throw child.error;
process.exit(child.status ?? 1);
