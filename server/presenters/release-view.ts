import type { Catalogue } from '../domain/catalogue';
import type { ReleaseChanges, ReleaseHistory, ReleaseInfo, ReleaseRowKind, ReleaseValue } from '../domain/releases/release';
import { DATA_KINDS, EXCHANGE_KINDS } from '../domain/data-kinds';
import { formatDay } from './format';
import { formatIndicatorValue } from './indicator-view';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';

/** Where a year's releases and their changes are listed. */
export const releaseHref = (year: number) => `/donnees/#publication-${year}`;

/** The words for each kind of row, from its descriptor (../domain/data-kinds.ts). */
const ROW_KINDS = Object.fromEntries(
  EXCHANGE_KINDS.map((kind) => [DATA_KINDS[kind].dataKey, { label: DATA_KINDS[kind].releaseLabel, feminine: DATA_KINDS[kind].feminine }]),
) as Record<ReleaseRowKind, { label: string; feminine: boolean }>;

const plural = (n: number, word: string, feminine: boolean) => `${n} ${word}${feminine ? 'e' : ''}${n > 1 ? 's' : ''}`;

/** « 3 valeurs d’indicateurs modifiées ; réponses : 2 ajoutées, 1 modifiée ». */
export function releaseChangesText(changes: ReleaseChanges): string {
  const parts: string[] = [];
  const n = changes.values.length;
  parts.push(
    n === 0
      ? 'aucune valeur d’indicateur modifiée'
      : `${n} valeur${n > 1 ? 's' : ''} d’indicateur${n > 1 ? 's' : ''} modifiée${n > 1 ? 's' : ''}`,
  );
  for (const row of changes.rows) {
    const { label, feminine } = ROW_KINDS[row.kind];
    const counts = [
      row.added ? plural(row.added, 'ajouté', feminine) : null,
      row.changed ? plural(row.changed, 'modifié', feminine) : null,
      row.removed ? plural(row.removed, 'retiré', feminine) : null,
    ].filter(Boolean);
    parts.push(`${label} : ${counts.join(', ')}`);
  }
  return parts.join(' ; ');
}

export interface ValueChangeView {
  code: string;
  before: string;
  after: string;
}

/** The indicator values a revision changed, as they read (« 12 / 31 (38,7 %) »). */
export function valueChanges(catalogue: Catalogue, changes: ReleaseChanges | null): ValueChangeView[] {
  return (changes?.values ?? []).map(({ code, before, after }) => {
    const kind = catalogue.indicatorByCode.get(code)?.kind ?? 'figure';
    return { code, before: releasedValueText(kind, before), after: releasedValueText(kind, after) };
  });
}

const releasedValueText = (kind: Parameters<typeof formatIndicatorValue>[0], v: ReleaseValue) =>
  formatIndicatorValue(kind, v, v.answered !== null);

export interface ReleaseView {
  year: number;
  revision: number;
  /** « 23 novembre 2026 ». */
  publishedOn: string;
  publishedAt: string;
  /** The first release's day, for a revision. */
  firstPublishedOn: string;
  note: string | null;
  isRevision: boolean;
  changesText: string | null;
  href: string;
  /** « publiées le 2 mai 2026 » or « publiées le 2 mai 2026, révisées le 23 novembre 2026 (révision 2) ». */
  text: string;
}

export function releaseView(release: ReleaseInfo, first: ReleaseInfo, locale: Locale = DEFAULT_LOCALE): ReleaseView {
  const publishedOn = formatDay(release.publishedAt, locale);
  const firstPublishedOn = formatDay(first.publishedAt, locale);
  const isRevision = release.revision > 1;
  return {
    year: release.year,
    revision: release.revision,
    publishedOn,
    publishedAt: release.publishedAt,
    firstPublishedOn,
    note: release.note,
    isRevision,
    changesText: release.changes ? releaseChangesText(release.changes) : null,
    href: releaseHref(release.year),
    text: isRevision
      ? t(locale, 'release.revised', { first: firstPublishedOn, date: publishedOn, revision: release.revision })
      : t(locale, 'release.published', { date: publishedOn }),
  };
}

/** The latest release of a year as it reads, or null when the year is not published. */
export function latestReleaseView(history: ReleaseHistory, year: number, locale: Locale = DEFAULT_LOCALE): ReleaseView | null {
  const releases = history.get(year);
  return releases?.length ? releaseView(releases.at(-1)!, releases[0]!, locale) : null;
}

/**
 * « Valeur 2026 révisée le 23 novembre 2026 (révision 2) ; auparavant 12 / 31 (38,7 %). » when the
 * year's latest revision changed this indicator, else null.
 */
export function valueRevisionText(catalogue: Catalogue, history: ReleaseHistory, year: number, code: string): string | null {
  const release = history.get(year)?.at(-1);
  const change = valueChanges(catalogue, release?.changes ?? null).find((c) => c.code === code);
  if (!release || !change) return null;
  return `Valeur ${year} révisée le ${formatDay(release.publishedAt)} (révision ${release.revision}) ; auparavant ${change.before}.`;
}
