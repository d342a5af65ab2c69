import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder holding package.json, views/, static/, db/migrations/ and seed/data/. Found by walking up
 * from this module's folder rather than by a fixed `..`, because the same code runs from its source
 * (server/, through tsx) and from the compiled bundle (dist/, `npm start`).
 */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`package.json introuvable au-dessus de ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(__dirname);

/** A path inside the project, e.g. `projectPath('views')`. */
export function projectPath(...parts: string[]): string {
  return path.join(PROJECT_ROOT, ...parts);
}
