import fs from 'node:fs';
import { BUILD_ID } from '../build-info';
import { projectPath } from '../project-root';
import type { StateGeometry, WorldGeometry } from './world-projection';

/**
 * The world map's geometry, kept in memory for the process's life: pages only give each State a
 * class (docs/architecture.md#world-maps). Projecting the atlas takes about 0.15 s and loads d3-geo:
 * `npm run build` does it once and writes the result beside the bundle, which the compiled server
 * reads at start and the compiled tools on first use; the sources (tests, `npm run dev`) project it.
 */

/** Where `npm run build` writes the geometry (scripts/build.mjs). */
export const WORLD_GEOMETRY_FILE = projectPath('dist', 'world-geometry.json');

/** The file's contents: the geometry, its States as pairs (JSON has no Map), and the build that wrote it. */
type GeometryFile = Omit<WorldGeometry, 'states'> & { buildId: string; states: [string, StateGeometry][] };

/** The geometry as the build writes it, for the bundle of build `buildId` to read. */
export function geometryFileText(geometry: WorldGeometry, buildId: string): string {
  const { width, height, unnamedLand, states } = geometry;
  const file: GeometryFile = { buildId, width, height, unnamedLand, states: [...states] };
  return JSON.stringify(file);
}

/**
 * The geometry written by build `buildId`, or null when the file is missing, unreadable or from
 * another build (the sources it was projected with may have changed since): then it is projected again.
 */
export function readGeometryFile(file: string, buildId: string): WorldGeometry | null {
  try {
    const { buildId: writtenBy, width, height, unnamedLand, states } = JSON.parse(fs.readFileSync(file, 'utf8')) as GeometryFile;
    return writtenBy === buildId ? { width, height, unnamedLand, states: new Map(states) } : null;
  } catch {
    return null;
  }
}

/** The projection's module, loaded only where the geometry is projected: d3-geo and the atlas stay out of a built server's start. */
function projectionModule(): typeof import('./world-projection') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy import, as in workbook-library.ts
  return require('./world-projection') as typeof import('./world-projection');
}

let cached: WorldGeometry | null = null;

/** The geometry: the build's when this is a build, projected otherwise; read at start (server/main.ts) or on first use. */
export function worldGeometry(): WorldGeometry {
  cached ??= (BUILD_ID === null ? null : readGeometryFile(WORLD_GEOMETRY_FILE, BUILD_ID)) ?? projectionModule().buildWorldGeometry();
  return cached;
}
