import type { Catalogue } from '../domain/catalogue';
import type { ReleaseChanges, ReleaseHistory, ReleaseInfo, ReleaseRowKind, ReleaseValue } from '../domain/releases/release';
import { formatDay } from './format';
import { formatIndicatorValue } from './indicator-view';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t } from '../i18n/translate';
import { releaseNoteIn } from './release-note';

/** Where a year's releases and their changes are listed. */
export const releaseHref = (year: number) => `/donnees/#publication-${year}`;

/**
 * The words for each kind of row and its counts, per kind because the words agree with the kind's
 * gender, which differs between languages (« chiffres » / « cifras »). Full keys: docs/i18n.md#messages.
 */
const ROW_KEYS: Record<ReleaseRowKind, { label: string; added: string; changed: string; removed: string }> = {
  states: {
    label: 'publication.rows.states.label',
    added: 'publication.rows.states.added',
    changed: 'publication.rows.states.changed',
    removed: 'publication.rows.states.removed',
  },
  memberships: {
    label: 'publication.rows.memberships.label',
    added: 'publication.rows.memberships.added',
    changed: 'publication.rows.memberships.changed',
    removed: 'publication.rows.memberships.removed',
  },
  reports: {
    label: 'publication.rows.reports.label',
    added: 'publication.rows.reports.added',
    changed: 'publication.rows.reports.changed',
    removed: 'publication.rows.reports.removed',
  },
  answers: {
    label: 'publication.rows.answers.label',
    added: 'publication.rows.answers.added',
    changed: 'publication.rows.answers.changed',
    removed: 'publication.rows.answers.removed',
  },
  figures: {
    label: 'publication.rows.figures.label',
    added: 'publication.rows.figures.added',
    changed: 'publication.rows.figures.changed',
    removed: 'publication.rows.figures.removed',
  },
};

/** « 3 valeurs d’indicateurs modifiées ; réponses : 2 ajoutées, 1 modifiée », in `locale`. */
export function releaseChangesText(changes: ReleaseChanges, locale: Locale = DEFAULT_LOCALE): string {
  const parts: string[] = [];
  const n = changes.values.length;
  parts.push(n === 0 ? t(locale, 'publication.changes.noValue') : t(locale, 'publication.changes.values', { count: n }));
  for (const row of changes.rows) {
    const keys = ROW_KEYS[row.kind];
    const counts = [
      row.added ? t(locale, keys.added, { count: row.added }) : null,
      row.changed ? t(locale, keys.changed, { count: row.changed }) : null,
      row.removed ? t(locale, keys.removed, { count: row.removed }) : null,
    ].filter(Boolean);
    parts.push(t(locale, 'publication.changes.row', { label: t(locale, keys.label), counts: counts.join(', ') }));
  }
  return parts.join(t(locale, 'common.listSeparator'));
}

export interface ValueChangeView {
  code: string;
  before: string;
  after: string;
}

/** The indicator values a revision changed, as they read (« 12 / 31 (38,7 %) »). */
export function valueChanges(catalogue: Catalogue, changes: ReleaseChanges | null, locale: Locale = DEFAULT_LOCALE): ValueChangeView[] {
  return (changes?.values ?? []).map(({ code, before, after }) => {
    const kind = catalogue.indicatorByCode.get(code)?.kind ?? 'figure';
    return { code, before: releasedValueText(kind, before, locale), after: releasedValueText(kind, after, locale) };
  });
}

const releasedValueText = (kind: Parameters<typeof formatIndicatorValue>[0], v: ReleaseValue, locale: Locale) =>
  formatIndicatorValue(kind, v, v.answered !== null, locale);

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
    note: releaseNoteIn(release.note, locale),
    isRevision,
    changesText: release.changes ? releaseChangesText(release.changes, locale) : null,
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
export function valueRevisionText(
  catalogue: Catalogue,
  history: ReleaseHistory,
  year: number,
  code: string,
  locale: Locale = DEFAULT_LOCALE,
): string | null {
  const release = history.get(year)?.at(-1);
  const change = valueChanges(catalogue, release?.changes ?? null, locale).find((c) => c.code === code);
  if (!release || !change) return null;
  return t(locale, 'publication.valueRevised', {
    year,
    date: formatDay(release.publishedAt, locale),
    revision: release.revision,
    before: change.before,
  });
}
