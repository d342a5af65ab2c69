import fs from 'node:fs';
import { geoEqualEarth, geoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, Position } from 'geojson';
import countries from 'i18n-iso-countries';
import absentStates from './absent-states.json';

/**
 * The world map's geometry, projected (docs/architecture.md#world-maps): by `npm run build`, which
 * writes it beside the bundle, or on first use where there is no build (server/maps/world-geometry.ts).
 * Natural Earth's 1:110m countries (the `world-atlas` package): at this width the 1:50m file draws
 * the same small States as specks under a pixel, so they need a marker either way, and it weighs
 * seven times as much in every page. The States the 1:110m file leaves out (islands, microstates)
 * are drawn as markers at the points of absent-states.json.
 */

/** The map's width in SVG units; its height follows from the projection. */
export const MAP_WIDTH = 960;
/** A State drawn smaller than this (in square SVG units) also gets a marker, so that it can be seen. */
export const SMALL_AREA = 12;

/** Natural Earth 1:110m, from the `world-atlas` package (read from node_modules, not bundled). */
const ATLAS_FILE = require.resolve('world-atlas/countries-110m.json');
/** Antarctica: no State, and a third of the map's height. */
const ANTARCTICA = '010';
/**
 * Natural Earth draws some de facto entities apart, without an ISO code; the registry follows the
 * United Nations' membership, so they are drawn as part of the State they belong to there.
 */
const PART_OF: Record<string, string> = { Somaliland: 'SOM', 'N. Cyprus': 'CYP' };

export interface StateGeometry {
  /** The State's outline as SVG path data, or null when the atlas does not have it. */
  d: string | null;
  /** Where its marker goes when it is too small to see or absent: [x, y] in SVG units. */
  marker: [number, number] | null;
}

export interface WorldGeometry {
  width: number;
  height: number;
  /** The land the atlas gives no ISO code (Kosovo), as one path. */
  unnamedLand: string;
  /** By ISO 3166-1 alpha-3 code: the atlas's countries and territories, and the States it leaves out. */
  states: ReadonlyMap<string, StateGeometry>;
}

/** The geometry with the projection that drew it, which the tests compare with d3-geo's own paths. */
export interface ProjectedWorld extends WorldGeometry {
  /** Longitude and latitude to SVG units. */
  projection: GeoProjection;
}

/**
 * A d3-geo path context writing compact SVG path data: coordinates rounded to one decimal, each
 * point relative to the previous one, and points that round to the previous one dropped (the map
 * is a thumbnail of the world: a tenth of a unit is well under a pixel).
 */
class CompactPath {
  private out = '';
  private x = 0;
  private y = 0;
  private ringStart = 0;
  private startX = 0;
  private startY = 0;

  moveTo(x: number, y: number): void {
    const [rx, ry] = [Math.round(x * 10), Math.round(y * 10)];
    this.out += `m${num(rx - this.x)}${sep(ry - this.y)}`;
    [this.x, this.y, this.startX, this.startY] = [rx, ry, rx, ry];
    this.ringStart = this.out.length;
  }

  lineTo(x: number, y: number): void {
    const [rx, ry] = [Math.round(x * 10), Math.round(y * 10)];
    if (rx === this.x && ry === this.y) return;
    // After a ring's first « l », the next pairs need no letter: SVG repeats the last command.
    const first = this.out.length === this.ringStart;
    this.out += `${first ? `l${num(rx - this.x)}` : sep(rx - this.x)}${sep(ry - this.y)}`;
    [this.x, this.y] = [rx, ry];
  }

  closePath(): void {
    // A ring reduced to its first point draws nothing: leave it out rather than write « mXYz ».
    if (this.out.length === this.ringStart) return;
    this.out += 'z';
    // « z » brings the pen back to the ring's first point: the next move is relative to it.
    [this.x, this.y] = [this.startX, this.startY];
  }

  beginPath(): void {
    // Rings start with moveTo: nothing to do.
  }

  arc(): void {
    // Points are not drawn as paths (markers are circles).
  }

  /** Starts from the origin, where a relative first « m » means the same as an absolute one. */
  toString(): string {
    return this.out;
  }

  reset(): void {
    this.out = '';
    this.x = 0;
    this.y = 0;
  }
}

/** A coordinate in tenths of a unit as SVG writes it: « 12.3 », « -0.4 », « 5 ». */
function num(tenths: number): string {
  const s = (tenths / 10).toFixed(1);
  return s.endsWith('.0') ? s.slice(0, -2).replace(/^-0$/, '0') : s.replace(/^(-?)0\./, '$1.');
}

/** The second number of a pair, with the separator SVG needs (none before a minus sign). */
function sep(tenths: number): string {
  const s = num(tenths);
  return s.startsWith('-') ? s : ` ${s}`;
}

/** The polygons of a feature, one by one. */
function polygonsOf(f: Feature): Position[][][] {
  if (f.geometry?.type === 'Polygon') return [f.geometry.coordinates];
  if (f.geometry?.type === 'MultiPolygon') return f.geometry.coordinates;
  return [];
}

/** Where a marker goes for an outline: the centroid of its largest polygon, in SVG units (the main island, not the sea between islands). */
function markerPoint(features: Feature[], path: ReturnType<typeof geoPath>): [number, number] | null {
  let best: { area: number; centroid: [number, number] } | null = null;
  for (const f of features) {
    for (const coordinates of polygonsOf(f)) {
      const polygon: GeoPermissibleObjects = { type: 'Polygon', coordinates };
      const area = path.area(polygon);
      if (!best || area > best.area) best = { area, centroid: path.centroid(polygon) };
    }
  }
  return best && Number.isFinite(best.centroid[0]) ? [round1(best.centroid[0]), round1(best.centroid[1])] : null;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** The ISO alpha-3 code of an atlas feature (its id is the ISO numeric code), or null for land that is no State. */
export function alpha3Of(f: Feature): string | null {
  const name = (f.properties as { name?: string } | null)?.name;
  if (name && PART_OF[name]) return PART_OF[name];
  return f.id === undefined ? null : (countries.numericToAlpha3(String(f.id)) ?? null);
}

/** The atlas's countries, Antarctica left out. */
export function atlasFeatures(): Feature[] {
  const topology = JSON.parse(fs.readFileSync(ATLAS_FILE, 'utf8')) as Topology<{ countries: GeometryCollection }>;
  return feature(topology, topology.objects.countries).features.filter((f) => f.id !== ANTARCTICA);
}

/**
 * Projects the atlas: the work done once. Every country the atlas names gets its path data by
 * ISO code (the pages colour those of the registry and draw the others as land that is no State);
 * the States the atlas leaves out get the marker of absent-states.json.
 */
export function buildWorldGeometry(): ProjectedWorld {
  const all = atlasFeatures();
  // The whole sphere's width (a marker may lie east of any outline: Tuvalu), the land's height only.
  const projection: GeoProjection = geoEqualEarth().fitWidth(MAP_WIDTH, { type: 'Sphere' });
  const [[, top], [, bottom]] = geoPath(projection).bounds({ type: 'FeatureCollection', features: all });
  const [tx, ty] = projection.translate();
  projection.translate([tx, ty - Math.floor(top)]);
  const context = new CompactPath();
  const draw = geoPath(projection, context);
  const measure = geoPath(projection);
  const pathData = (object: GeoPermissibleObjects) => {
    context.reset();
    draw(object);
    return context.toString();
  };

  const byCode = new Map<string, Feature[]>();
  const unnamed: Feature[] = [];
  for (const f of all) {
    const iso3 = alpha3Of(f);
    if (iso3) byCode.set(iso3, [...(byCode.get(iso3) ?? []), f]);
    else unnamed.push(f);
  }

  const states = new Map<string, StateGeometry>();
  for (const [iso3, features] of byCode) {
    const collection: GeoPermissibleObjects = { type: 'FeatureCollection', features };
    const small = measure.area(collection) < SMALL_AREA;
    states.set(iso3, { d: pathData(collection), marker: small ? markerPoint(features, measure) : null });
  }
  for (const [iso3, [lon, lat]] of Object.entries(absentStates.points)) {
    if (states.has(iso3) || lon === undefined || lat === undefined) continue;
    const xy = projection([lon, lat]);
    if (xy) states.set(iso3, { d: null, marker: [round1(xy[0]), round1(xy[1])] });
  }

  return {
    width: MAP_WIDTH,
    height: Math.ceil(bottom - Math.floor(top)),
    unnamedLand: pathData({ type: 'FeatureCollection', features: unnamed }),
    states,
    projection,
  };
}
