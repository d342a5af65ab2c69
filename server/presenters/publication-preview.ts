import type { DataView } from '../data-source';
import type { Catalogue } from '../domain/catalogue';
import { localizeCatalogue } from '../domain/catalogue-i18n';
import type { EngineSnapshot } from '../domain/engine/engine';
import { BASELINE_YEAR, type Status } from '../domain/engine/types';
import { publicDefaultYear, reachesCoverage, releaseCoverage, type Coverage } from '../domain/releases/coverage';
import type { ReleaseCandidate } from '../domain/releases/publish';
import { hasReleaseContent, releaseChanges, releaseValues, sameReleaseData } from '../domain/releases/release';
import { publishFields, LOW_COVERAGE_REASON_MAX, RELEASE_NOTE_MAX, type PublishProblem } from '../domain/workspace/publication';
import type { YearProgress } from '../domain/workspace/year-progress';
import { formatDay, formatNumber, formatPercent } from './format';
import { formatShare } from './release-note';
import { STATUS_KEYS } from './labels';
import { releaseChangesText, valueChanges } from './release-view';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { t as translate, translator } from '../i18n/translate';

export { formatShare, lowCoverageNote } from './release-note';

const STATUS_ORDER: Status[] = ['improved', 'unchanged', 'worsened', 'changed', 'no-baseline', 'no-data'];

interface Headline {
  parties: number;
  coverage: Coverage;
  withValue: number;
  statuses: Map<Status, number>;
  flags: number;
}

function headline(engine: EngineSnapshot, year: number, coverage: Coverage): Headline {
  const result = engine.year(year);
  const statuses = new Map<Status, number>();
  let withValue = 0;
  for (const r of result.indicators.values()) {
    statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    if (r.value !== null) withValue++;
  }
  return { parties: result.populations.get('party').size, coverage, withValue, statuses, flags: result.flags.size };
}

export interface PreviewInput {
  catalogue: Catalogue;
  publicView: DataView;
  candidate: ReleaseCandidate;
  progress: YearProgress;
  /** The States whose report of the year is still a draft (names and links). */
  drafts: { iso3: string; name: string }[];
  minCoverage: number;
  /** What the admin typed, shown back after a refusal. */
  typed?: { note: string; reason: string };
  /** The member's language (French when not said). */
  locale?: Locale;
}

/**
 * The publication preview (views/workspace/publication-preview.hbs): what the public will see
 * change, how complete the year is, the warnings, and the confirmation form when publishing is
 * possible (docs/method.md#publishing).
 */
export function publicationPreview(input: PreviewInput) {
  const { catalogue, publicView, candidate, progress, minCoverage } = input;
  const { year, previous, data } = candidate;
  const indicatorCount = catalogue.indicatorByCode.size;
  const publicRelease = publicView.latestReleases().find((r) => r.year === year) ?? null;
  const before = publicRelease ? headline(publicView.engine, year, releaseCoverage(publicRelease.data)) : null;
  const coverageAfter = releaseCoverage(data);
  const after = headline(candidate.engineAfter, year, coverageAfter);
  const defaultBefore = publicView.defaultYear;
  const defaultAfter = publicDefaultYear(candidate.releasesAfter, minCoverage);
  const complete = reachesCoverage(coverageAfter, minCoverage);
  const locale = input.locale ?? DEFAULT_LOCALE;
  const t = translator(locale);
  const number = (n: number) => formatNumber(n, locale);
  const share = (n: number, d: number) => formatShare(n, d, locale);
  const percent = (n: number) => formatPercent(n, locale);

  const row = (label: string, b: string | null, a: string) => ({
    label,
    before: b ?? t('publication.notPublished'),
    after: a,
    changed: b !== a,
  });
  const headlines = [
    row(t('publication.headline.parties'), before && number(before.parties), number(after.parties)),
    row(
      t('publication.headline.reports'),
      before && share(before.coverage.reports, before.coverage.parties),
      share(after.coverage.reports, after.coverage.parties),
    ),
    row(t('publication.headline.withValue'), before && share(before.withValue, indicatorCount), share(after.withValue, indicatorCount)),
    ...STATUS_ORDER.map((status) =>
      row(
        t('publication.headline.status', { status: t(STATUS_KEYS[status]) }),
        before && number(before.statuses.get(status) ?? 0),
        number(after.statuses.get(status) ?? 0),
      ),
    ),
    row(t('publication.headline.flags'), before && number(before.flags), number(after.flags)),
  ];

  const unchanged = previous !== null && sameReleaseData(previous.data, data);
  const empty = previous === null && !hasReleaseContent(data);
  const nothingValidated = previous === null && data.reports.length === 0 && data.answers.length === 0;
  const changes = previous && !unchanged ? releaseChanges(previous, { data, values: releaseValues(candidate.engineAfter, year) }) : null;

  const blockers: string[] = [];
  if (input.drafts.length > 0) {
    blockers.push(t('publication.blocker.drafts', { count: input.drafts.length, n: number(input.drafts.length), year }));
  }
  if (unchanged) blockers.push(t('publication.blocker.unchanged', { year, revision: previous.revision }));
  else if (nothingValidated || empty) blockers.push(t('publication.blocker.nothingValidated', { year }));

  const warnings: string[] = [];
  if (!complete) {
    warnings.push(
      t('publication.warning.lowCoverage', { share: share(coverageAfter.reports, coverageAfter.parties), year, min: percent(minCoverage) }),
    );
  }
  if (defaultAfter !== year) {
    warnings.push(t('publication.warning.notDefault', { defaultYear: defaultAfter, year, min: percent(minCoverage) }));
  }
  const missingReports = progress.parties - progress.reportsReceived;
  if (missingReports > 0) {
    warnings.push(t('publication.warning.missingReports', { count: missingReports, n: number(missingReports), year }));
  }
  const populationName = new Map(localizeCatalogue(catalogue, locale).populations.map((p) => [p.key, p.name]));
  const emptyPopulations = progress.populations.filter((p) => p.members === 0);
  if (emptyPopulations.length === progress.populations.length) {
    warnings.push(t('publication.warning.noPopulation', { year }));
  } else if (emptyPopulations.length > 0) {
    warnings.push(
      t('publication.warning.emptyPopulations', {
        year,
        names: emptyPopulations.map((p) => t('publication.quoted', { text: populationName.get(p.key) ?? p.name })).join(', '),
      }),
    );
  }
  const missingFigures = progress.figures.filter((f) => !f.entered);
  if (missingFigures.length > 0) {
    warnings.push(t('publication.warning.missingFigures', { year, codes: missingFigures.map((f) => f.code).join(', ') }));
  }
  const worsened = after.statuses.get('worsened') ?? 0;
  if (year !== BASELINE_YEAR && worsened > (before?.statuses.get('worsened') ?? 0)) {
    const vars = { count: worsened, n: number(worsened), baseline: BASELINE_YEAR };
    warnings.push(
      before
        ? t('publication.warning.worsenedSince', { ...vars, today: number(before.statuses.get('worsened') ?? 0) })
        : t('publication.warning.worsened', vars),
    );
  }

  const withPopulation = progress.populations.filter((p) => p.members > 0).length;
  const completeness = [
    {
      label: t('publication.completeness.received'),
      value: share(progress.reportsReceived, progress.parties),
      href: `/espace/saisie/${year}`,
    },
    {
      label: t('publication.completeness.validated'),
      value: share(progress.reportsValidated, progress.parties),
      href: `/espace/saisie/${year}?statut=valide`,
    },
    { label: t('publication.completeness.drafts'), value: number(progress.drafts), href: `/espace/saisie/${year}?statut=brouillon` },
    { label: t('publication.completeness.voluntary'), value: number(progress.voluntaryReports), href: null },
    {
      label: t('publication.completeness.populations'),
      value: share(withPopulation, progress.populations.length),
      href: `/espace/annees/${year}`,
    },
    {
      label: t('publication.completeness.figures'),
      value: share(progress.figures.filter((f) => f.entered).length, progress.figures.length),
      href: `/espace/chiffres/${year}`,
    },
    { label: t('publication.completeness.answers'), value: number(progress.answers), href: null },
  ];

  const needsReason = previous === null && !complete;
  const canPublish = blockers.length === 0;
  return {
    year,
    isRevision: previous !== null,
    title: previous ? t('publication.titleRevision', { revision: previous.revision + 1, year }) : t('publication.title', { year }),
    current: previous
      ? t('publication.current', { year, revision: previous.revision, date: formatDay(previous.publishedAt, locale) })
      : t('publication.notYetPublished', { year }),
    headlines,
    defaultYear: { before: defaultBefore, after: defaultAfter, moves: defaultBefore !== defaultAfter },
    changesText: changes ? releaseChangesText(changes, locale) : null,
    valueChanges: changes ? valueChanges(catalogue, changes, locale) : [],
    completeness,
    coverage: share(coverageAfter.reports, coverageAfter.parties),
    minCoverage: percent(minCoverage),
    warnings,
    blockers,
    drafts: input.drafts.map((d) => ({ ...d, href: `/espace/saisie/${year}/${d.iso3}` })),
    canPublish,
    form: canPublish
      ? {
          action: `/espace/annees/${year}/publication`,
          fingerprint: { name: publishFields.fingerprint, value: candidate.fingerprint },
          note: { id: 'note', name: publishFields.note, value: input.typed?.note ?? '', max: RELEASE_NOTE_MAX },
          reason: needsReason
            ? { id: 'reason', name: publishFields.reason, value: input.typed?.reason ?? '', max: LOW_COVERAGE_REASON_MAX }
            : null,
          button: previous
            ? t('publication.confirmRevision', { revision: previous.revision + 1, year })
            : t('publication.confirm', { year }),
        }
      : null,
    checklistHref: `/espace/annees/${year}`,
  };
}

/** Why a publication was refused, in the member's language (the domain gives a code: ../domain/workspace/publication.ts). */
export function publishProblemMessage(problem: PublishProblem, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale);
  switch (problem.code) {
    case 'noteTooLong':
      return t('publication.refused.noteTooLong', { max: formatNumber(problem.max, locale) });
    case 'reasonTooLong':
      return t('publication.refused.reasonTooLong', { max: formatNumber(problem.max, locale) });
    case 'drafts':
      return t('publication.refused.drafts', { year: problem.year, count: problem.count, n: formatNumber(problem.count, locale) });
    case 'nothingValidated':
      return t('publication.blocker.nothingValidated', { year: problem.year });
    case 'unchanged':
      return t('publication.refused.unchanged', { year: problem.year, revision: problem.revision });
    case 'unconfirmed':
      return t('publication.refused.unconfirmed', { year: problem.year });
    case 'stale':
      return t('publication.refused.stale', { year: problem.year });
    case 'reasonMissing':
      return t('publication.refused.reasonMissing', { year: problem.year, min: formatPercent(problem.minCoverage, locale) });
    case 'empty':
      return t('publication.refused.empty', { year: problem.year });
  }
}

/** The flash after a publication: « L’année 2026 est publiée… » or its revision. */
export const publishedMessage = (year: number, revision: number | null, locale: Locale = DEFAULT_LOCALE): string =>
  revision === 1 || revision === null
    ? translate(locale, 'publication.published', { year })
    : translate(locale, 'publication.publishedRevision', { year, revision });
