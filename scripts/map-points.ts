// npx tsx scripts/map-points.ts — writes server/maps/absent-states.json: where the world map puts
// the marker of each State of the registry that Natural Earth's 1:110m countries leave out (small
// islands, microstates). The points come from the 1:50m countries of the same package
// (world-atlas), which has all but Tuvalu: the centroid of each State's largest polygon, so that a
// marker sits on the main island rather than in the sea between islands.
import fs from 'node:fs';
import path from 'node:path';
import { geoArea, geoCentroid } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, Position } from 'geojson';
import countries from 'i18n-iso-countries';
import { readSeedRegistry } from '../seed/registry';

const root = path.dirname(__dirname);
const read = (name: string) => {
  const t = JSON.parse(fs.readFileSync(require.resolve(`world-atlas/${name}`), 'utf8')) as Topology<{ countries: GeometryCollection }>;
  return feature(t, t.objects.countries).features;
};
const alpha3 = (f: Feature) => (f.id === undefined ? null : (countries.numericToAlpha3(String(f.id)) ?? null));
const polygons = (f: Feature): Position[][][] =>
  f.geometry?.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry?.type === 'MultiPolygon' ? f.geometry.coordinates : [];

/** Not in the 1:50m file either: the capital, Funafuti (8°31′ S, 179°12′ E). */
const BY_HAND: Record<string, [number, number]> = { TUV: [179.2, -8.52] };

const inSmall = new Set(read('countries-110m.json').map(alpha3));
const large = read('countries-50m.json');
const points: Record<string, [number, number]> = {};
for (const { iso3 } of readSeedRegistry()) {
  if (inSmall.has(iso3)) continue;
  const candidates = large.filter((f) => alpha3(f) === iso3).flatMap(polygons);
  const largest = candidates.map((coordinates) => ({ type: 'Polygon' as const, coordinates })).sort((a, b) => geoArea(b) - geoArea(a))[0];
  const point = largest ? geoCentroid(largest) : BY_HAND[iso3];
  if (!point) throw new Error(`${iso3}: absent de l’atlas au 1:50m, et sans point saisi à la main`);
  points[iso3] = [Math.round(point[0] * 100) / 100, Math.round(point[1] * 100) / 100];
}
const source =
  'Natural Earth 1:50m admin-0 countries (npm package world-atlas, countries-50m.json): centroid of the largest polygon of each State absent from the 1:110m file, in degrees [longitude, latitude], rounded to 0.01; TUV (absent from both): its capital Funafuti. Written by scripts/map-points.ts.';
const lines = Object.entries(points).map(([iso3, [lon, lat]]) => `    "${iso3}": [${lon}, ${lat}]`);
fs.writeFileSync(
  path.join(root, 'server/maps/absent-states.json'),
  `{\n  "source": ${JSON.stringify(source)},\n  "points": {\n${lines.join(',\n')}\n  }\n}\n`,
);
console.log(Object.keys(points).length, 'points');
