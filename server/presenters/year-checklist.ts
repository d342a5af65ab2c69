import type { DataView } from '../data-source';
import { isAdmin, type Viewer } from '../domain/permissions';
import { latestRelease } from '../domain/releases/release';
import { canCarryForward } from '../domain/workspace/carry-forward';
import type { YearProgress } from '../domain/workspace/year-progress';
import { PLAN_YEARS } from '../domain/engine/types';
import { localizeCatalogue } from '../domain/catalogue-i18n';
import { stateName } from '../domain/state-names';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { translator } from '../i18n/translate';
import { formatDay, formatNumber } from './format';
import { formatShare } from './publication-preview';

type StepState = 'done' | 'todo' | 'check';
const STATE_KEYS: Record<StepState, string> = { done: 'year.state.done', todo: 'year.state.todo', check: 'year.state.check' };
const STATE_BADGES: Record<StepState, string> = { done: 'badge--published', todo: 'badge--draft', check: 'badge--none' };

interface Link {
  href: string;
  label: string;
}

/**
 * The checklist of a year (views/workspace/year.hbs): each step of opening, filling, validating and
 * publishing a year, with its counts, whether it is done, and where to do it; in the member's
 * language (messages `year.…`), French when not said.
 */
export function yearChecklist(
  view: DataView,
  viewer: Viewer,
  progress: YearProgress,
  options: { flash?: string | null } = {},
  locale: Locale = DEFAULT_LOCALE,
) {
  const t = translator(locale);
  const share = (n: number, d: number) => formatShare(n, d, locale);
  const { year, previousYear } = progress;
  const admin = isAdmin(viewer);
  const names = (iso3s: string[]) =>
    iso3s
      .map((s) => {
        const state = view.engine.state(s);
        return state ? stateName(state, locale).name : s;
      })
      .join(', ');
  const localized = localizeCatalogue(view.catalogue, locale);
  const populationName = new Map(localized.populations.map((p) => [p.key, p.name]));
  const mechanismName = new Map(localized.mechanisms.map((m) => [m.id, m.name]));
  const step = (id: string, title: string, state: StepState, summary: string, links: (Link | null)[], details: string[] = []) => ({
    id,
    title,
    state: { label: t(STATE_KEYS[state]), badge: STATE_BADGES[state] },
    summary,
    details,
    links: links.filter((l): l is Link => l !== null),
  });

  const registryDetails = [
    progress.joined.length ? t('year.registry.joined', { names: names(progress.joined) }) : null,
    progress.left.length ? t('year.registry.left', { names: names(progress.left) }) : null,
  ].filter((d): d is string => d !== null);
  const missingPopulations = progress.populations.filter((p) => p.members === 0 && (p.previous ?? 0) > 0);
  const withMembers = progress.populations.filter((p) => p.members > 0).length;
  const figuresEntered = progress.figures.filter((f) => f.entered).length;
  const release = latestRelease(view.releases, year);
  const unreleased = view.unreleasedYears().has(year);
  const parties = t('year.registry.parties', { count: progress.parties, n: formatNumber(progress.parties, locale), year });

  const steps = [
    step(
      'registre',
      t('year.registry.title'),
      'check',
      previousYear === null
        ? t('year.registry.summary', { parties })
        : t('year.registry.summaryChanges', {
            parties,
            joined: t('year.registry.entries', { count: progress.joined.length, n: formatNumber(progress.joined.length, locale) }),
            left: t('year.registry.exits', { count: progress.left.length, n: formatNumber(progress.left.length, locale) }),
            previous: previousYear,
          }),
      [{ href: '/espace/registre', label: t('year.registry.title') }],
      registryDetails,
    ),
    step(
      'populations',
      t('year.populations.title'),
      missingPopulations.length > 0 || withMembers === 0 ? 'todo' : 'done',
      t('year.populations.summary', { share: share(withMembers, progress.populations.length), year }),
      [
        admin && previousYear !== null && canCarryForward(year)
          ? { href: `/espace/annees/${year}/populations`, label: t('year.populations.carry', { previous: previousYear }) }
          : null,
        { href: `/espace/saisie/${year}`, label: t('year.populations.byState', { year }) },
      ],
    ),
    step(
      'chiffres',
      t('year.figures.title'),
      figuresEntered === progress.figures.length ? 'done' : 'todo',
      figuresEntered < progress.figures.length
        ? t('year.figures.summaryMissing', {
            share: share(figuresEntered, progress.figures.length),
            codes: progress.figures
              .filter((f) => !f.entered)
              .map((f) => f.code)
              .join(', '),
          })
        : t('year.figures.summary', { share: share(figuresEntered, progress.figures.length) }),
      [{ href: `/espace/chiffres/${year}`, label: t('year.figures.link', { year }) }],
    ),
    step(
      'rapports',
      t('year.reports.title'),
      progress.reportsReceived === progress.parties ? 'done' : 'todo',
      progress.voluntaryReports
        ? t('year.reports.summaryVoluntary', {
            share: share(progress.reportsReceived, progress.parties),
            year,
            voluntary: t('year.reports.voluntary', {
              count: progress.voluntaryReports,
              n: formatNumber(progress.voluntaryReports, locale),
            }),
          })
        : t('year.reports.summary', { share: share(progress.reportsReceived, progress.parties), year }),
      [
        { href: `/espace/saisie/${year}?statut=aucun`, label: t('year.reports.withoutReport') },
        { href: '/espace/import', label: t('year.reports.import') },
      ],
    ),
    step(
      'validation',
      t('year.validation.title'),
      progress.drafts > 0 || progress.reportsValidated === 0 ? 'todo' : 'done',
      t('year.validation.summary', {
        share: share(progress.reportsValidated, progress.reportsReceived),
        drafts: t('year.validation.drafts', { count: progress.drafts, n: formatNumber(progress.drafts, locale) }),
      }),
      [{ href: `/espace/saisie/${year}?statut=brouillon`, label: t('year.validation.draftsLink') }],
    ),
    step(
      'publication',
      t('year.publication.title'),
      release && !unreleased ? 'done' : 'todo',
      release
        ? t(unreleased ? 'year.publication.publishedChanged' : 'year.publication.published', {
            date: formatDay(release.publishedAt, locale),
            revision: release.revision,
          })
        : t('year.publication.notPublished', { year }),
      [admin && (unreleased || !release) ? { href: `/espace/annees/${year}/publication`, label: t('year.publication.preview') } : null],
    ),
  ];

  return {
    year,
    flash: options.flash ?? null,
    steps,
    populations: progress.populations.map((p) => ({
      name: populationName.get(p.key) ?? p.name,
      members: formatNumber(p.members, locale),
      previous: p.previous === null ? '—' : formatNumber(p.previous, locale),
      missing: p.members === 0 && (p.previous ?? 0) > 0,
    })),
    previousYear,
    answers: progress.byMechanism.map((m) => ({
      name: mechanismName.get(m.id) ?? m.name,
      share: share(m.entered, m.expected),
    })),
    answersTotal: t('year.answersTotal', { count: progress.answers, n: formatNumber(progress.answers, locale) }),
    years: PLAN_YEARS.map((y) => ({ year: y, current: y === year, href: `/espace/annees/${y}` })),
  };
}
