import { MARK_END, MARK_START, type SearchDocument, type SearchHit } from '../domain/search';
import type { DataView } from '../data-source';
import { formatNumber } from './format';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';

/** What a result is, by kind: its message (docs/i18n.md). */
const SEARCH_KIND_KEYS = {
  indicator: 'search.kind.indicator',
  action: 'search.kind.action',
  section: 'search.kind.section',
  committee: 'search.kind.committee',
  state: 'search.kind.state',
} as const;

/** The kinds of result the index holds; each is worded by SEARCH_KIND_KEYS in the page's language. */
export const SEARCH_KINDS = ['indicator', 'action', 'section', 'committee', 'state'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Results shown at most: past that, the visitor is asked to type more. */
export const MAX_RESULTS = 50;

// The marks FTS5's snippet() puts around a match (MARK_START, MARK_END) never belong in a title or a code.
const clean = (text: string) => text.replaceAll(MARK_START, '').replaceAll(MARK_END, '');

/** Everything a visitor may look for, with the page it leads to: the public's catalogue and registry. */
export function searchDocuments(view: DataView): SearchDocument[] {
  const { catalogue } = view;
  const doc = (kind: SearchKind, title: string, code: string, body: string, url: string): SearchDocument => ({
    kind,
    title: clean(title),
    code: clean(code),
    body: clean(body),
    url,
  });
  const sectionTitle = new Map(catalogue.sections.map((s) => [s.number, s.title]));
  return [
    ...catalogue.sections
      .filter((s) => s.actions.length > 0)
      .map((s) => doc('section', `Section ${s.number}. ${s.title}`, s.number, s.introduction.join(' '), `/sections/${s.number}`)),
    ...catalogue.actions.map((a) =>
      doc(
        'action',
        `Action ${a.number}`,
        String(a.number),
        `${a.text} (section ${a.section}, ${sectionTitle.get(a.section) ?? ''})`,
        `/actions/${a.number}`,
      ),
    ),
    ...[...catalogue.indicatorByCode.values()].map((i) =>
      doc('indicator', `Indicateur ${i.code}`, i.code, `${i.text} (action ${i.action})`, `/indicators/${encodeURIComponent(i.code)}`),
    ),
    ...catalogue.mechanisms.map((m) => doc('committee', m.name, m.id, m.mandate, `/committees/${encodeURIComponent(m.id)}`)),
    ...view.engine
      .states()
      .map((s) => doc('state', s.nameFr, s.iso3, s.nameEn === s.nameFr ? s.iso3 : `${s.nameEn} (${s.iso3})`, `/states/${s.iso3}`)),
  ];
}

/** A passage cut into plain and matched parts, for <mark>. */
function snippetParts(snippet: string): { text: string; mark: boolean }[] {
  const parts: { text: string; mark: boolean }[] = [];
  for (const piece of snippet.split(MARK_START)) {
    const end = piece.indexOf(MARK_END);
    if (end < 0) {
      if (piece) parts.push({ text: piece, mark: false });
      continue;
    }
    parts.push({ text: piece.slice(0, end), mark: true });
    if (end + 1 < piece.length) parts.push({ text: piece.slice(end + 1), mark: false });
  }
  return parts;
}

const isKind = (kind: string): kind is SearchKind => (SEARCH_KINDS as readonly string[]).includes(kind);

/** The /recherche page: the query as typed, how many results, and each saying what it is. */
export function searchPage(query: string, hits: SearchHit[] | null, locale: Locale = DEFAULT_LOCALE) {
  const results = (hits ?? []).map((hit) => ({
    kind: isKind(hit.kind) ? t(locale, SEARCH_KIND_KEYS[hit.kind]) : hit.kind,
    title: hit.title,
    href: hit.url,
    parts: snippetParts(hit.snippet),
  }));
  const n = results.length;
  let summary: string | null = null;
  if (hits !== null) {
    summary =
      n === 0
        ? t(locale, 'search.none', { query })
        : t(locale, 'search.count', { count: n, n: formatNumber(n), query }) +
          (n >= MAX_RESULTS ? t(locale, 'search.first', { max: MAX_RESULTS }) : '') +
          '.';
  }
  return { title: query ? t(locale, 'search.titleWithQuery', { query }) : t(locale, 'search.title'), query, summary, results };
}
