import type { DataView } from '../data-source';
import { isAdmin, type Viewer } from '../domain/permissions';
import { latestRelease } from '../domain/releases/release';
import { canCarryForward } from '../domain/workspace/carry-forward';
import type { YearProgress } from '../domain/workspace/year-progress';
import { PLAN_YEARS } from '../domain/engine/types';
import { formatDay, formatNumber } from './format';
import { formatShare } from './publication-preview';

type StepState = 'done' | 'todo' | 'check';
const STATE_LABELS: Record<StepState, string> = { done: 'fait', todo: 'à faire', check: 'à vérifier' };
const STATE_BADGES: Record<StepState, string> = { done: 'badge--published', todo: 'badge--draft', check: 'badge--none' };

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n > 1 ? many : one}`;

interface Link {
  href: string;
  label: string;
}

/**
 * The checklist of a year (views/workspace/year.hbs): each step of opening, filling, validating and
 * publishing a year, with its counts, whether it is done, and where to do it.
 */
export function yearChecklist(view: DataView, viewer: Viewer, progress: YearProgress, options: { flash?: string | null } = {}) {
  const { year, previousYear } = progress;
  const admin = isAdmin(viewer);
  const names = (iso3s: string[]) => iso3s.map((s) => view.engine.stateName(s)).join(', ');
  const step = (id: string, title: string, state: StepState, summary: string, links: (Link | null)[], details: string[] = []) => ({
    id,
    title,
    state: { label: STATE_LABELS[state], badge: STATE_BADGES[state] },
    summary,
    details,
    links: links.filter((l): l is Link => l !== null),
  });

  const registryDetails = [
    progress.joined.length ? `Nouveaux États parties : ${names(progress.joined)}.` : null,
    progress.left.length ? `Ne sont plus parties : ${names(progress.left)}.` : null,
  ].filter((d): d is string => d !== null);
  const missingPopulations = progress.populations.filter((p) => p.members === 0 && (p.previous ?? 0) > 0);
  const withMembers = progress.populations.filter((p) => p.members > 0).length;
  const figuresEntered = progress.figures.filter((f) => f.entered).length;
  const release = latestRelease(view.releases, year);
  const unreleased = view.unreleasedYears().has(year);

  const steps = [
    step(
      'registre',
      'Registre des États',
      'check',
      `${plural(progress.parties, 'État partie', 'États parties')} en ${year}${
        previousYear === null
          ? ''
          : ` ; ${plural(progress.joined.length, 'entrée', 'entrées')} et ${plural(progress.left.length, 'retrait', 'retraits')} depuis ${previousYear}`
      }.`,
      [{ href: '/espace/registre', label: 'Registre des États' }],
      registryDetails,
    ),
    step(
      'populations',
      'Populations',
      missingPopulations.length > 0 || withMembers === 0 ? 'todo' : 'done',
      `${formatShare(withMembers, progress.populations.length)} des populations saisies ont au moins un État en ${year}.`,
      [
        admin && previousYear !== null && canCarryForward(year)
          ? { href: `/espace/annees/${year}/populations`, label: `Reprendre les populations de ${previousYear} (aperçu)` }
          : null,
        { href: `/espace/saisie/${year}`, label: `Populations État par État (formulaires ${year})` },
      ],
    ),
    step(
      'chiffres',
      'Chiffres',
      figuresEntered === progress.figures.length ? 'done' : 'todo',
      `${formatShare(figuresEntered, progress.figures.length)} des chiffres saisis${
        figuresEntered < progress.figures.length
          ? ` ; manquent : ${progress.figures
              .filter((f) => !f.entered)
              .map((f) => f.code)
              .join(', ')}`
          : ''
      }.`,
      [{ href: `/espace/chiffres/${year}`, label: `Chiffres ${year}` }],
    ),
    step(
      'rapports',
      'Rapports reçus',
      progress.reportsReceived === progress.parties ? 'done' : 'todo',
      `${formatShare(progress.reportsReceived, progress.parties)} des États parties ont un rapport ${year} saisi${
        progress.voluntaryReports
          ? ` ; ${plural(progress.voluntaryReports, 'rapport volontaire', 'rapports volontaires')} d’États non parties`
          : ''
      }.`,
      [
        { href: `/espace/saisie/${year}?statut=aucun`, label: 'États sans rapport saisi' },
        { href: '/espace/import', label: 'Importer des fichiers' },
      ],
    ),
    step(
      'validation',
      'Validation',
      progress.drafts > 0 || progress.reportsValidated === 0 ? 'todo' : 'done',
      `${formatShare(progress.reportsValidated, progress.reportsReceived)} des rapports reçus d’États parties sont validés ; ${plural(progress.drafts, 'rapport en brouillon', 'rapports en brouillon')}.`,
      [{ href: `/espace/saisie/${year}?statut=brouillon`, label: 'Rapports en brouillon' }],
    ),
    step(
      'publication',
      'Publication',
      release && !unreleased ? 'done' : 'todo',
      release
        ? `Publiée le ${formatDay(release.publishedAt)} (révision ${release.revision})${unreleased ? ' ; des modifications ne sont pas encore publiées' : ''}.`
        : `${year} n’est pas publiée : le public ne la voit pas.`,
      [admin && (unreleased || !release) ? { href: `/espace/annees/${year}/publication`, label: 'Aperçu de la publication' } : null],
    ),
  ];

  return {
    year,
    flash: options.flash ?? null,
    steps,
    populations: progress.populations.map((p) => ({
      name: p.name,
      members: formatNumber(p.members),
      previous: p.previous === null ? '—' : formatNumber(p.previous),
      missing: p.members === 0 && (p.previous ?? 0) > 0,
    })),
    previousYear,
    answers: progress.byMechanism.map((m) => ({
      name: m.name,
      share: formatShare(m.entered, m.expected),
    })),
    answersTotal: plural(progress.answers, 'réponse saisie', 'réponses saisies'),
    years: PLAN_YEARS.map((y) => ({ year: y, current: y === year, href: `/espace/annees/${y}` })),
  };
}
