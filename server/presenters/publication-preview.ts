import type { DataView } from '../data-source';
import type { Catalogue } from '../domain/catalogue';
import type { EngineSnapshot } from '../domain/engine/engine';
import { BASELINE_YEAR, type Status } from '../domain/engine/types';
import { publicDefaultYear, reachesCoverage, releaseCoverage, type Coverage } from '../domain/releases/coverage';
import type { ReleaseCandidate } from '../domain/releases/publish';
import { hasReleaseContent, releaseChanges, releaseValues, sameReleaseData } from '../domain/releases/release';
import { publishFields, LOW_COVERAGE_REASON_MAX, RELEASE_NOTE_MAX } from '../domain/workspace/publication';
import type { YearProgress } from '../domain/workspace/year-progress';
import { formatDay, formatNumber, formatPercent } from './format';
import { STATUS_LABELS } from './labels';
import { releaseChangesText, valueChanges } from './release-view';

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n > 1 ? many : one}`;

/** « 12 / 31 (38,7 %) »; « 0 / 0 (sans objet) » when there is nothing to count. */
export const formatShare = (n: number, d: number): string =>
  d > 0 ? `${formatNumber(n)} / ${formatNumber(d)} (${formatPercent((100 * n) / d)})` : `${formatNumber(n)} / 0 (sans objet)`;

/** The public note of a first publication below the threshold: the coverage, then the admin's reason. */
export function lowCoverageNote(coverage: Coverage, minCoverage: number, reason: string, note: string): string {
  const head = `Publication anticipée : ${formatShare(coverage.reports, coverage.parties)} des États parties ont un rapport validé publié, sous le seuil de ${formatPercent(minCoverage)}.`;
  return [`${head} Raison : ${reason}`, note].filter(Boolean).join(' — ');
}

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

  const row = (label: string, b: string | null, a: string) => ({ label, before: b ?? 'non publiée', after: a, changed: b !== a });
  const headlines = [
    row('États parties', before && formatNumber(before.parties), formatNumber(after.parties)),
    row(
      'Rapports d’États parties publiés',
      before && formatShare(before.coverage.reports, before.coverage.parties),
      formatShare(after.coverage.reports, after.coverage.parties),
    ),
    row(
      'Indicateurs ayant une valeur',
      before && formatShare(before.withValue, indicatorCount),
      formatShare(after.withValue, indicatorCount),
    ),
    ...STATUS_ORDER.map((status) =>
      row(
        `Indicateurs « ${STATUS_LABELS[status]} »`,
        before && formatNumber(before.statuses.get(status) ?? 0),
        formatNumber(after.statuses.get(status) ?? 0),
      ),
    ),
    row('États signalés par l’alerte précoce', before && formatNumber(before.flags), formatNumber(after.flags)),
  ];

  const unchanged = previous !== null && sameReleaseData(previous.data, data);
  const empty = previous === null && !hasReleaseContent(data);
  const nothingValidated = previous === null && data.reports.length === 0 && data.answers.length === 0;
  const changes = previous && !unchanged ? releaseChanges(previous, { data, values: releaseValues(candidate.engineAfter, year) }) : null;

  const blockers: string[] = [];
  if (input.drafts.length > 0) {
    blockers.push(
      `${plural(input.drafts.length, 'rapport est', 'rapports sont')} encore en brouillon : faites-les valider (ou supprimez-les) avant de publier ${year}.`,
    );
  }
  if (unchanged)
    blockers.push(`Rien n’a changé dans les données de ${year} depuis sa révision ${previous.revision} : il n’y a rien à publier.`);
  else if (nothingValidated || empty) blockers.push(`L’année ${year} n’a aucun rapport validé : rien à publier.`);

  const warnings: string[] = [];
  if (!complete) {
    warnings.push(
      `Seuls ${formatShare(coverageAfter.reports, coverageAfter.parties)} des États parties auraient un rapport validé publié pour ${year} : moins que le seuil de ${formatPercent(minCoverage)}.`,
    );
  }
  if (defaultAfter !== year) {
    warnings.push(
      `Les visiteurs continueront d’arriver sur ${defaultAfter} : ${year} ne leur sera montrée que s’ils la choisissent, tant qu’elle n’atteint pas ${formatPercent(minCoverage)} de rapports validés.`,
    );
  }
  const missingReports = progress.parties - progress.reportsReceived;
  if (missingReports > 0) {
    warnings.push(`${plural(missingReports, 'État partie n’a', 'États parties n’ont')} pas encore de rapport ${year} saisi.`);
  }
  const emptyPopulations = progress.populations.filter((p) => p.members === 0);
  if (emptyPopulations.length === progress.populations.length) {
    warnings.push(`Aucune population n’est saisie pour ${year} : les indicateurs qui en dépendent seront « sans objet ».`);
  } else if (emptyPopulations.length > 0) {
    warnings.push(
      `Populations sans aucun État en ${year} : ${emptyPopulations.map((p) => `« ${p.name} »`).join(', ')} ; leurs indicateurs seront « sans objet ».`,
    );
  }
  const missingFigures = progress.figures.filter((f) => !f.entered);
  if (missingFigures.length > 0) {
    warnings.push(
      `Chiffres non saisis pour ${year} : ${missingFigures.map((f) => f.code).join(', ')} ; ces indicateurs n’auront pas de valeur.`,
    );
  }
  const worsened = after.statuses.get('worsened') ?? 0;
  if (year !== BASELINE_YEAR && worsened > (before?.statuses.get('worsened') ?? 0)) {
    warnings.push(
      `${plural(worsened, 'indicateur serait', 'indicateurs seraient')} « en recul » par rapport à ${BASELINE_YEAR}${before ? ` (${formatNumber(before.statuses.get('worsened') ?? 0)} aujourd’hui)` : ''} : vérifiez qu’il ne s’agit pas de rapports manquants.`,
    );
  }

  const withPopulation = progress.populations.filter((p) => p.members > 0).length;
  const completeness = [
    {
      label: 'Rapports reçus d’États parties',
      value: formatShare(progress.reportsReceived, progress.parties),
      href: `/espace/saisie/${year}`,
    },
    {
      label: 'Rapports validés d’États parties',
      value: formatShare(progress.reportsValidated, progress.parties),
      href: `/espace/saisie/${year}?statut=valide`,
    },
    { label: 'Rapports en brouillon', value: formatNumber(progress.drafts), href: `/espace/saisie/${year}?statut=brouillon` },
    { label: 'Rapports volontaires d’États non parties', value: formatNumber(progress.voluntaryReports), href: null },
    {
      label: 'Populations saisies (au moins un État)',
      value: formatShare(withPopulation, progress.populations.length),
      href: `/espace/annees/${year}`,
    },
    {
      label: 'Chiffres saisis',
      value: formatShare(progress.figures.filter((f) => f.entered).length, progress.figures.length),
      href: `/espace/chiffres/${year}`,
    },
    { label: 'Réponses saisies', value: formatNumber(progress.answers), href: null },
  ];

  const needsReason = previous === null && !complete;
  const canPublish = blockers.length === 0;
  return {
    year,
    isRevision: previous !== null,
    title: previous ? `Publier la révision ${previous.revision + 1} de ${year} : aperçu` : `Publier ${year} : aperçu`,
    current: previous
      ? `${year} est publiée (révision ${previous.revision}, le ${formatDay(previous.publishedAt)}).`
      : `${year} n’est pas encore publiée.`,
    headlines,
    defaultYear: { before: defaultBefore, after: defaultAfter, moves: defaultBefore !== defaultAfter },
    changesText: changes ? releaseChangesText(changes) : null,
    valueChanges: changes ? valueChanges(catalogue, changes) : [],
    completeness,
    coverage: formatShare(coverageAfter.reports, coverageAfter.parties),
    minCoverage: formatPercent(minCoverage),
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
            ? `Confirmer la publication de la révision ${previous.revision + 1} de ${year}`
            : `Confirmer la publication de ${year}`,
        }
      : null,
    checklistHref: `/espace/annees/${year}`,
  };
}
