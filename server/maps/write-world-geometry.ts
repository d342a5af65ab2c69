import fs from 'node:fs';
import { geometryFileText } from './world-geometry';
import { buildWorldGeometry } from './world-projection';

/**
 * Run by `npm run build` (scripts/build.mjs, from its bundle dist/write-world-geometry.js): projects
 * the atlas once and writes it for the bundle of build `buildId`, whole or not at all.
 */
export function writeWorldGeometry(file: string, buildId: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, geometryFileText(buildWorldGeometry(), buildId));
  fs.renameSync(tmp, file);
}
