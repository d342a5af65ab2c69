import { geometryFileText } from './world-geometry';
import { buildWorldGeometry } from './world-projection';

/**
 * Run by `npm run build` (scripts/build.mjs, from its bundle dist/write-world-geometry.js): projects
 * the atlas once, as the file the bundle of build `buildId` reads. The build writes it whole or not at
 * all, as it writes the bundles.
 */
export function worldGeometryFileText(buildId: string): string {
  return geometryFileText(buildWorldGeometry(), buildId);
}
