import type { Meeting } from '../../db/queries/meetings';
import type { MeetingGuidelines } from '../../seed/meeting-guidelines';
import type { DataView } from '../data-source';
import { PLAN_YEARS } from '../domain/engine/types';
import type { Viewer } from '../domain/permissions';
import { actionsOfMechanisms, draftsToValidate, isLate, missingAnswers, warningsFollowed } from '../domain/workspace/committee-work';
import { isAnswerable } from '../domain/workspace/report-entry';
import { formatDate } from './format';
import { byStateName } from '../domain/state-names';
import type { Locale } from '../i18n/locale';
import { translator } from '../i18n/translate';
import { localizeCatalogue } from '../domain/catalogue-i18n';
import { flagMessage } from './flag-view';

/** The year a member's home opens on: this calendar year, within the plan. */
export function defaultWorkYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return Math.min(Math.max(year, PLAN_YEARS[0]), PLAN_YEARS[PLAN_YEARS.length - 1]!);
}

export interface MemberHomeInput {
  view: DataView;
  viewer: Viewer;
  year: number;
  /** YYYY-MM-DD, in Geneva. */
  today: string;
  /** The next intersessional meeting (today or later), and the agenda items of the guidelines. */
  nextMeeting: Meeting | null;
  guidelines: MeetingGuidelines;
  locale: Locale;
}

/**
 * « Mon comité »: what a member's committees have to do in a year, each line a count computed from
 * the data with a link to where it is done (README.md, « Workspace »).
 */
export function memberHome({ view, viewer, year, today, nextMeeting, guidelines, locale }: MemberHomeInput) {
  const { engine } = view;
  const catalogue = localizeCatalogue(view.catalogue, locale);
  const t = translator(locale);
  const actions = actionsOfMechanisms(catalogue, viewer.mechanisms);
  const mechanisms = catalogue.mechanisms.filter((m) => viewer.mechanisms.includes(m.id));
  const indicators = catalogue.actions.filter((a) => actions.has(a.number)).flatMap((a) => a.indicators);
  const answerable = indicators.filter(isAnswerable);
  const missing = missingAnswers(catalogue, engine, year, actions);
  const missingCount = [...missing.values()].reduce((sum, codes) => sum + codes.length, 0);
  const toValidate = draftsToValidate(catalogue, engine, view.drafts.get(year) ?? new Set(), year, viewer)
    .map((iso3) => ({ iso3, name: engine.stateName(iso3), href: `/espace/saisie/${year}/${iso3}` }))
    .sort(byStateName(locale, (s) => s.name));
  const warnings = [...warningsFollowed(catalogue, engine, year, actions)]
    .flatMap(([iso3, flags]) =>
      flags.map((f) => ({ iso3, name: engine.stateName(iso3), message: flagMessage(f, locale), href: `/espace/saisie/${year}/${iso3}` })),
    )
    .sort(byStateName(locale, (s) => s.name));
  const late = engine.states().filter((s) => isLate(engine, year, s.iso3, today)).length;

  const items = nextMeeting
    ? guidelines.items
        .filter((item) => viewer.mechanisms.includes(item.mechanism))
        .map((item) => ({ number: item.number, title: item.title, href: `/espace/reunions/${nextMeeting.id}#point-${item.number}` }))
    : [];
  const list = `/espace/saisie/${year}`;

  return {
    year,
    years: PLAN_YEARS.map((y) => ({ year: y, current: y === year, href: `/espace?annee=${y}` })),
    committees: mechanisms.map((m) => ({ name: m.name, href: `/committees/${m.id}?year=${year}` })),
    lines: [
      {
        key: 'actions',
        count: actions.size,
        text: t('workspace.home.lineActions', {
          actions: t('workspace.home.nActions', { count: actions.size }),
          indicators: t('workspace.home.nIndicators', { count: indicators.length }),
          answerable: t('workspace.home.nAnswerable', { count: answerable.length }),
        }),
        links: mechanisms.map((m) => ({
          text: t('workspace.home.publicPage', { name: m.name }),
          href: `/committees/${m.id}?year=${year}`,
        })),
      },
      {
        key: 'validation',
        count: toValidate.length,
        text: t('workspace.home.lineValidation', { count: toValidate.length, year }),
        links: [{ text: t('workspace.home.linkDrafts', { year }), href: `${list}?statut=brouillon` }],
        states: toValidate.slice(0, 20),
        more: toValidate.length > 20 ? toValidate.length - 20 : 0,
      },
      {
        key: 'missing',
        count: missingCount,
        text: t('workspace.home.lineMissing', {
          answers: t('workspace.home.nMissingAnswers', { count: missingCount }),
          year,
          states: t('workspace.home.nStates', { count: missing.size }),
        }),
        links: [{ text: t('workspace.home.linkMissing', { year }), href: `${list}?manquantes=oui&tri=manquantes` }],
      },
      {
        key: 'warnings',
        count: warnings.length,
        text: t('workspace.home.lineWarnings', { count: warnings.length, year }),
        links: [{ text: t('workspace.home.linkWarnings', { year }), href: `${list}?alerte=oui` }],
        states: warnings.slice(0, 20).map((w) => ({ iso3: w.iso3, name: w.name, href: w.href, detail: w.message })),
        more: warnings.length > 20 ? warnings.length - 20 : 0,
      },
      {
        key: 'late',
        count: late,
        text: t('workspace.home.lineLate', { count: late, year }),
        links: [{ text: t('workspace.home.linkLate', { year }), href: `${list}?retard=oui` }],
      },
      {
        key: 'meeting',
        count: items.length,
        text: nextMeeting
          ? t('workspace.home.lineMeeting', {
              count: items.length,
              title: nextMeeting.title,
              date: formatDate(nextMeeting.startsOn, locale),
              place: nextMeeting.place,
            })
          : t('workspace.home.noMeeting'),
        links: nextMeeting
          ? items.map((i) => ({ text: t('workspace.home.linkItem', { number: i.number, title: i.title }), href: i.href }))
          : [{ text: t('workspace.home.meetings'), href: '/espace/reunions' }],
      },
    ],
  };
}
