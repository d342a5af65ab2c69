import fs from 'node:fs';
import request from 'supertest';
import { geoPath } from 'd3-geo';
import { testApp } from '../helpers/context';
import { demoDatabase, fr, type ApiIndicatorYear } from '../helpers/pages';
import { fragment, htmlProblems } from '../helpers/html';
import { alpha3Of, atlasFeatures, buildWorldGeometry } from '../../server/maps/world-projection';
import { geometryFileText, readGeometryFile } from '../../server/maps/world-geometry';
import { worldGeometryFileText } from '../../server/maps/write-world-geometry';
import { useTempDir } from '../helpers/temp-dir';
import { readSeedRegistry } from '../../seed/registry';

jest.setTimeout(120_000);

const registry = readSeedRegistry().map((s) => s.iso3);

/** The absolute points of each ring of SVG path data made of m, l (or implicit l), z, M, L and Z commands. */
function rings(d: string): [number, number][][] {
  const out: [number, number][][] = [];
  let x = 0;
  let y = 0;
  let start: [number, number] = [0, 0];
  let command = '';
  for (const [, letter, numbers] of d.matchAll(/([mlzMLZ])([^mlzMLZ]*)/g)) {
    command = letter!;
    if (command === 'z' || command === 'Z') {
      [x, y] = start;
      continue;
    }
    const values = [...numbers!.matchAll(/-?(?:\d+\.?\d*|\.\d+)/g)].map((m) => Number(m[0]));
    for (let i = 0; i < values.length; i += 2) {
      const relative = command === command.toLowerCase();
      [x, y] = relative ? [x + values[i]!, y + values[i + 1]!] : [values[i]!, values[i + 1]!];
      x = Math.round(x * 10) / 10;
      y = Math.round(y * 10) / 10;
      if (i === 0 && (command === 'm' || command === 'M')) {
        start = [x, y];
        out.push([[x, y]]);
      } else {
        const ring = out.at(-1)!;
        const last = ring.at(-1)!;
        if (last[0] !== x || last[1] !== y) ring.push([x, y]);
      }
    }
  }
  return out.filter((r) => r.length > 1);
}

describe('the world map’s geometry (server/maps/world-geometry.ts)', () => {
  const geometry = buildWorldGeometry();

  test('every State of the registry has an outline or a marker, inside the map', () => {
    for (const iso3 of registry) {
      const shape = geometry.states.get(iso3)!;
      expect({ iso3, drawn: shape !== undefined }).toEqual({ iso3, drawn: true });
      expect({ iso3, drawn: shape.d !== null || shape.marker !== null }).toEqual({ iso3, drawn: true });
      if (shape.marker) {
        const [x, y] = shape.marker;
        expect(x >= 0 && x <= geometry.width && y >= 0 && y <= geometry.height).toBe(true);
      }
    }
  });

  test('the Holy See (absent from the atlas) is a marker alone; Palestine and Luxembourg, too small to see, an outline and a marker', () => {
    expect(geometry.states.get('VAT')).toEqual({ d: null, marker: expect.any(Array) });
    for (const iso3 of ['PSE', 'LUX']) expect(geometry.states.get(iso3)).toEqual({ d: expect.any(String), marker: expect.any(Array) });
    expect(geometry.states.get('FRA')!.marker).toBeNull();
  });

  test('the compact path data draws the same points as d3-geo’s own, rounded to a tenth', () => {
    const features = atlasFeatures();
    const reference = geoPath(geometry.projection).digits(1);
    for (const iso3 of ['FRA', 'IDN', 'CHL', 'KHM', 'FJI']) {
      const d = geometry.states.get(iso3)!.d!;
      expect(d).toMatch(/^m[-\d. lzm]+$/);
      const expected = features
        .filter((f) => alpha3Of(f) === iso3)
        .flatMap((f) => rings(reference(f)!))
        .map((ring) => ring.map(([x, y]) => `${x},${y}`).join(' '));
      const actual = rings(d).map((ring) => ring.map(([x, y]) => `${x},${y}`).join(' '));
      expect(actual).toEqual(expected);
    }
  });
});

describe('the geometry the build writes (dist/world-geometry.json)', () => {
  const dir = useTempDir('world-geometry-');

  test('reads back as projected, for the build that wrote it only', () => {
    const file = dir.file('world-geometry.json');
    fs.writeFileSync(file, worldGeometryFileText('aaaaaaaaaaaa'));
    const { projection: _projection, ...projected } = buildWorldGeometry();
    expect(readGeometryFile(file, 'aaaaaaaaaaaa')).toEqual(projected);
    // Another build's bundle projects again: the atlas or the code may have changed since.
    expect(readGeometryFile(file, 'bbbbbbbbbbbb')).toBeNull();
    // Cut short or missing: projected again, never half a map.
    fs.writeFileSync(file, geometryFileText(projected, 'aaaaaaaaaaaa').slice(0, 1000));
    expect(readGeometryFile(file, 'aaaaaaaaaaaa')).toBeNull();
    expect(readGeometryFile(dir.file('none.json'), 'aaaaaaaaaaaa')).toBeNull();
  });
});

/** Each State's class on the page's map (`data-iso3` → `map-fill--…`). */
function mapClasses(html: string): Map<string, string> {
  const svg = fragment(html, '<svg class="world-map__svg"', '</svg>\n<figcaption>');
  const groups = [
    ...svg.matchAll(
      /<g class="map-state map-fill--([a-z-]+)" data-iso3="([A-Z]{3})"><title>[^<]*<\/title>(<path d="[^"]+"\/>)?(<circle [^>]*\/>)?<\/g>/g,
    ),
  ];
  // Every group has a shape or a marker, and no State appears twice.
  for (const g of groups) expect(Boolean(g[3] || g[4])).toBe(true);
  const classes = new Map(groups.map((g) => [g[2]!, g[1]!]));
  expect(classes.size).toBe(groups.length);
  return classes;
}

/** The legend's counts by class, as the page writes them. */
function legendCounts(html: string): Map<string, string> {
  const legend = fragment(html, '<ul class="map-legend"', '</ul>');
  return new Map(
    [...legend.matchAll(/data-class="map-fill--([a-z-]+)">[\s\S]*?<span class="map-legend__count">([^<]+)<\/span>/g)].map((m) => [
      m[1]!,
      m[2]!,
    ]),
  );
}

const countOf = (classes: Map<string, string>, cls: string) => [...classes.values()].filter((c) => c === cls).length;

function expectStrictMarkup(html: string) {
  const figure = fragment(html, '<figure class="world-map"', '</figure>');
  // Strict CSP: no style attribute, and no SVG presentation attribute carrying a colour.
  expect(figure).not.toMatch(/\s(style|fill|stroke)=/);
  const svgTag = fragment(figure, '<svg class="world-map__svg"', '>');
  expect(svgTag).toContain('role="img"');
  const labelledBy = /aria-labelledby="([^"]+)"/.exec(svgTag)![1]!.split(' ');
  for (const id of labelledBy) expect(figure).toMatch(new RegExp(`<(title|desc) id="${id}">[^<]+</(title|desc)>`));
}

describe('world maps on the pages (demonstration data)', () => {
  const { app } = testApp(demoDatabase());

  test.each(['1.1', '15.2', '8.1'])(
    'indicator %s: one shape or marker per State of the registry, the population coloured by its answer as in the page’s lists, legend counts equal to the lists’',
    async (code) => {
      const html = (await request(app).get(`/indicators/${code}?year=2026`).expect(200)).text;
      expect(await htmlProblems(html)).toEqual([]);
      expectStrictMarkup(html);
      const classes = mapClasses(html);
      expect([...classes.keys()].sort()).toEqual([...registry].sort());
      const legend = legendCounts(html);
      const lists = { yes: 'etats-comptes', no: 'etats-non-comptes', blank: 'etats-non-traites' };
      let population = 0;
      for (const [cls, id] of Object.entries(lists)) {
        const from = html.indexOf(`<section class="state-list" aria-labelledby="${id}">`);
        const next = html.indexOf('<section class="state-list"', from + 1);
        const list = html.slice(from, next < 0 ? html.indexOf('</main>', from) : next);
        const heading = /<h3 id="[^"]+">[^<]*\((\d+)\)<\/h3>/.exec(list)!;
        const states = [...list.matchAll(/<a href="\/states\/([A-Z]{3})/g)].map((m) => m[1]!);
        expect(states.length).toBe(Number(heading[1]));
        // Each State listed has the list's class on the map; the legend says the list's count.
        expect(states.map((iso3) => [iso3, classes.get(iso3)])).toEqual(states.map((iso3) => [iso3, cls]));
        expect(countOf(classes, cls)).toBe(states.length);
        expect(legend.get(cls)).toBe(fr(states.length));
        population += states.length;
      }
      // The population is the API's: every other State is grey.
      const api = (await request(app).get(`/api/v1/indicators/${code}`).expect(200)).body as { years: ApiIndicatorYear[] };
      const states = api.years.find((y) => y.year === 2026)!.states!;
      expect(population).toBe(states.yes.length + states.no.length + states.blank.length);
      expect(countOf(classes, 'out')).toBe(registry.length - population);
      expect(legend.get('out')).toBe(fr(registry.length - population));
    },
  );

  test('at /en/… the map speaks English, with the same classes and counts as in French', async () => {
    const french = (await request(app).get('/indicators/1.1?year=2026').expect(200)).text;
    const english = (await request(app).get('/en/indicators/1.1?year=2026').expect(200)).text;
    expect(mapClasses(english)).toEqual(mapClasses(french));
    expect([...legendCounts(english).values()]).toEqual([...legendCounts(french).values()]);
    expect(english).toContain(
      '<title id="carte-etats-titre">Map: States in the population of indicator 1.1 in 2026, by their answer</title>',
    );
    expect(fragment(english, '<ul class="map-legend"', '</ul>')).toContain(
      'States counted (answer “yes”): <span class="map-legend__count">',
    );
    expect(fragment(english, '<desc', '</desc>')).toMatch(/States in the population; \d+ other States in grey\./);
  });

  test('/transparence: the States Parties by report, legend counts equal to the key figures and to the list beside the map', async () => {
    const html = (await request(app).get('/transparence').expect(200)).text;
    expect(await htmlProblems(html)).toEqual([]);
    expectStrictMarkup(html);
    const classes = mapClasses(html);
    expect([...classes.keys()].sort()).toEqual([...registry].sort());
    const legend = legendCounts(html);
    const figure = (id: string) => new RegExp(`id="${id}">([\\d\\s\u00a0]+) / ([\\d\\s\u00a0]+)`).exec(html)!;
    const numberOf = (s: string) => Number(s.replace(/[\s\u00a0]/g, ''));
    const [, received, parties] = figure('rapports-recus');
    const [, onTime] = figure('rapports-a-temps');
    const expected = {
      'on-time': numberOf(onTime!),
      late: numberOf(received!) - numberOf(onTime!),
      missing: numberOf(parties!) - numberOf(received!),
    };
    const lists = fragment(html, '<details class="map-lists">', '</details>');
    for (const [cls, count] of Object.entries(expected)) {
      expect(legend.get(cls)).toBe(fr(count));
      expect(countOf(classes, cls)).toBe(count);
      const row = fragment(lists, `<tr data-class="map-fill--${cls}">`, '</tr>');
      const states = [...row.matchAll(/<a href="\/states\/([A-Z]{3})/g)].map((m) => m[1]!);
      expect(states.length).toBe(count);
      expect(states.every((iso3) => classes.get(iso3) === cls)).toBe(true);
    }
    expect(countOf(classes, 'out')).toBe(registry.length - numberOf(parties!));
  });

  test('/states: each State’s class follows its row of the table (party, report on time, late or missing)', async () => {
    const html = (await request(app).get('/states').expect(200)).text;
    expectStrictMarkup(html);
    const classes = mapClasses(html);
    const table = fragment(html, '<tbody>', '</tbody>');
    const rows = [
      ...table.matchAll(/<a href="\/states\/([A-Z]{3})[^"]*">[^<]*<\/a><\/th><td>([^<]*)<\/td><td>[^<]*<\/td><td>([^<]*)<\/td>/g),
    ];
    expect(rows.length).toBe(registry.length);
    const expected = (status: string, report: string) =>
      status !== 'État partie' ? 'out' : report === 'pas de rapport' ? 'missing' : report.includes('(en retard)') ? 'late' : 'on-time';
    expect(rows.map((r) => [r[1], classes.get(r[1]!)])).toEqual(rows.map((r) => [r[1], expected(r[2]!, r[3]!)]));
    const legend = legendCounts(html);
    for (const cls of ['on-time', 'late', 'missing', 'out']) expect(legend.get(cls)).toBe(fr(countOf(classes, cls)));
  });
});
