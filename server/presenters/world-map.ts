import { worldGeometry } from '../maps/world-geometry';
import type { Locale } from '../i18n/locale';
import { t } from '../i18n/translate';
import { formatNumber } from './format';

/**
 * The world maps' view model (views/partials/world-map.hbs): the geometry is built once
 * (server/maps/world-geometry.ts); a page only says which class each State has, from the figures
 * its own tables show.
 */

/** One class of the map: its CSS modifier (static/css/site.css, « World maps »), its name in the legend. */
export interface MapClass {
  key: string;
  label: string;
  /** What a State's tooltip says after its name: « compté ». */
  stateLabel: string;
}

export interface MapStateView {
  iso3: string;
  className: string;
  tooltip: string;
  d: string | null;
  marker: { x: number; y: number } | null;
}

export interface LegendEntry {
  className: string;
  label: string;
  count: number;
  countText: string;
}

export interface WorldMapView {
  id: string;
  title: string;
  description: string;
  viewBox: string;
  width: number;
  height: number;
  /** Land that is no State of the registry (territories): path data, drawn grey without a count. */
  otherLand: string[];
  states: MapStateView[];
  legend: LegendEntry[];
  /** The States of each class by name, for a page with no table of them (/transparence). */
  lists?: { className: string; label: string; countText: string; states: { iso3: string; name: string }[] }[];
}

export interface MapInput {
  locale: Locale;
  /** Unique in the page: the prefix of the SVG's ids. */
  id: string;
  title: string;
  /** What the map shows, in a sentence, before the counts (the SVG's description). */
  intro: string;
  /** Every State of the registry: ISO code and name. */
  registry: readonly { iso3: string; name: string }[];
  /** The classes in the legend's order, the population's States in each. */
  groups: readonly { cls: MapClass; states: readonly string[] }[];
  /** The States outside the population as the legend names them, when not « hors de la population ». */
  outside?: MapClass;
}

const classOf = (key: string) => `map-fill--${key}`;

/** The map of `input`: each State of the registry with the class of the group it is in, or « outside ». */
export function worldMap(input: MapInput): WorldMapView {
  const geometry = worldGeometry();
  const inRegistry = new Set(input.registry.map((s) => s.iso3));
  const { locale } = input;
  const outside = input.outside ?? { key: 'out', label: t(locale, 'map.outside'), stateLabel: t(locale, 'map.outsideState') };
  const groupOf = new Map<string, MapClass>();
  for (const { cls, states } of input.groups) for (const iso3 of states) groupOf.set(iso3, cls);
  // One message per class, the name put in per State: 197 tooltips cost one translation per class.
  const tooltips = new Map<MapClass, [string, string]>();
  const tooltip = (cls: MapClass, name: string) => {
    let parts = tooltips.get(cls);
    if (!parts) {
      const [before = '', after = ''] = t(locale, 'map.tooltip', { name: '\u0000', status: cls.stateLabel }).split('\u0000');
      tooltips.set(cls, (parts = [before, after]));
    }
    return parts[0] + name + parts[1];
  };
  const states = input.registry.flatMap(({ iso3, name }) => {
    const shape = geometry.states.get(iso3);
    if (!shape) return [];
    const cls = groupOf.get(iso3) ?? outside;
    return [
      {
        iso3,
        className: classOf(cls.key),
        tooltip: tooltip(cls, name),
        d: shape.d,
        marker: shape.marker && { x: shape.marker[0], y: shape.marker[1] },
      },
    ];
  });
  const inPopulation = input.groups.reduce((n, g) => n + g.states.length, 0);
  const legend = [
    ...input.groups.map(({ cls, states }) => ({ cls, count: states.length })),
    { cls: outside, count: input.registry.length - inPopulation },
  ].map(({ cls, count }) => ({ className: classOf(cls.key), label: cls.label, count, countText: formatNumber(count) }));
  const counts = legend
    .slice(0, -1)
    .map((l) => t(locale, 'map.countItem', { label: l.label, n: l.countText }))
    .join(t(locale, 'map.separator'));
  const others = input.registry.length - inPopulation;
  return {
    id: input.id,
    title: input.title,
    description: t(locale, 'map.description', {
      intro: input.intro,
      counts,
      population: t(locale, 'map.population', { count: inPopulation }),
      others: t(locale, 'map.others', { count: others }),
    }),
    viewBox: `0 0 ${geometry.width} ${geometry.height}`,
    width: geometry.width,
    height: geometry.height,
    otherLand: [
      geometry.unnamedLand,
      ...[...geometry.states].flatMap(([iso3, shape]) => (inRegistry.has(iso3) || !shape.d ? [] : [shape.d])),
    ],
    states,
    legend,
  };
}
