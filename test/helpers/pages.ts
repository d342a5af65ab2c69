import type { Db } from '../../db/client';
import { databaseFromImage } from './database-images';

/** A seeded database holding the deterministic demonstration data (reports for 2025 and 2026), a copy of one built once. */
export function demoDatabase(): Db {
  return databaseFromImage('demo');
}

export const COMMITTEES = ['president', 'article5', 'victim-assistance', 'cooperation', 'compliance', 'coordination'];

export interface PageType {
  name: string;
  path: string;
}

/** An indicator of every kind. */
export const INDICATOR_EXAMPLES = [
  { kind: 'share', code: '1.1' },
  { kind: 'count', code: '46.1' },
  { kind: 'share of a yes-population', code: '15.2' },
  { kind: 'figure', code: '5.3' },
  { kind: 'ratio', code: '5.4' },
  { kind: 'share derived from the reports', code: '8.1' },
];

/** One page of each type the dashboard serves, with an indicator of each kind. */
export const PAGE_TYPES: PageType[] = [
  { name: 'overview', path: '/' },
  { name: 'overview filtered by committee', path: '/?comite=article5' },
  { name: 'section', path: '/sections/V' },
  { name: 'action', path: '/actions/5' },
  ...INDICATOR_EXAMPLES.map(({ kind, code }) => ({ name: `${kind} indicator ${code}`, path: `/indicators/${code}` })),
  ...COMMITTEES.map((id) => ({ name: `committee ${id}`, path: `/committees/${id}` })),
  { name: 'list of States', path: '/states' },
  { name: 'State with data', path: '/states/AFG' },
  { name: 'State not party', path: '/states/USA' },
];

/** Pages outside the dashboard's page types (no year selector): search, the API's documentation, the embeds. */
export const OTHER_PAGE_TYPES: PageType[] = [
  { name: 'search results', path: '/recherche?q=demin' },
  { name: 'search without results', path: '/recherche?q=zzzz' },
  { name: 'API documentation', path: '/donnees/api' },
  { name: 'indicator embed', path: '/embed/indicators/1.1' },
  { name: 'action embed', path: '/embed/actions/5' },
  { name: 'transparency embed', path: '/embed/transparence' },
];

/** The page types that draw charts. */
export const CHART_PAGE_TYPES = PAGE_TYPES.filter((p) => /^\/(actions|indicators)\//.test(p.path));

/** `path` with `name=value` added to its query string. */
export function withQuery(path: string, name: string, value: string | number): string {
  return `${path}${path.includes('?') ? '&' : '?'}${name}=${encodeURIComponent(String(value))}`;
}

/** An indicator as `GET /api/v1/indicators?year=` summarises it. */
export interface ApiIndicator {
  code: string;
  kind: 'share' | 'count' | 'figure' | 'ratio';
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  answered: number | null;
  baseline: number | null;
  delta: number | null;
  status: string;
  projection2029: number | null;
  progress: string;
  likeForLike: {
    denominator: number;
    numerator2025: number;
    numerator: number;
    delta: number;
    entered: string[];
    left: string[];
  } | null;
}

/** One year of `GET /api/v1/indicators/:code`. */
export interface ApiIndicatorYear extends Omit<ApiIndicator, 'code' | 'kind'> {
  year: number;
  states: { yes: string[]; no: string[]; blank: string[] } | null;
  publication: { revision: number; publishedAt: string; note: string | null } | null;
}

const NBSP = '\u00a0';
const frenchNumber = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** « 64,5 » (thousands separated by a no-break space, as the pages write them). */
export function fr(value: number): string {
  return frenchNumber.format(value).replace(/\u202f/g, NBSP);
}

export function frPercent(value: number): string {
  return `${fr(value)}${NBSP}%`;
}

const isPercentKind = (kind: ApiIndicator['kind']) => kind === 'share' || kind === 'ratio';

/** What a page should show as an indicator's value, computed here from the API's numbers. */
export function expectedValueText(i: Pick<ApiIndicator, 'kind' | 'value' | 'numerator' | 'denominator'>): string {
  if (i.value === null) throw new Error('no value: the page shows « sans objet » or « pas de données »');
  if (isPercentKind(i.kind)) return `${fr(i.numerator!)} / ${fr(i.denominator!)} (${frPercent(i.value)})`;
  if (i.kind === 'count') return `${fr(i.value)} sur ${fr(i.denominator!)}`;
  return fr(i.value);
}

/** « +9,7 points depuis 2025 », « −1 depuis 2025 ». */
export function expectedDeltaText(i: Pick<ApiIndicator, 'kind' | 'delta'>, baselineYear = 2025): string {
  if (i.delta === null) throw new Error('no change to show');
  const rounded = Math.round(i.delta * 10) / 10;
  const sign = rounded > 0 ? '+' : rounded < 0 ? '\u2212' : '';
  const unit = isPercentKind(i.kind) ? `${NBSP}points` : '';
  return `${sign}${fr(Math.abs(rounded))}${unit} depuis ${baselineYear}`;
}

/** The status as the pages say it in words. */
export const STATUS_WORDS: Record<string, string> = {
  improved: 'en progrès',
  unchanged: 'inchangé',
  worsened: 'en recul',
  changed: 'a évolué',
};
