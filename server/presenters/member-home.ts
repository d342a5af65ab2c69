import type { Meeting } from '../../db/queries/meetings';
import type { MeetingGuidelines } from '../../seed/meeting-guidelines';
import type { DataView } from '../data-source';
import { PLAN_YEARS } from '../domain/engine/types';
import type { Viewer } from '../domain/permissions';
import { actionsOfMechanisms, draftsToValidate, isLate, missingAnswers, warningsFollowed } from '../domain/workspace/committee-work';
import { isAnswerable } from '../domain/workspace/report-entry';
import { formatDate } from './format';
import { byStateName } from '../domain/state-names';

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

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
}

/**
 * « Mon comité »: what a member's committees have to do in a year, each line a count computed from
 * the data with a link to where it is done (README.md, « Workspace »).
 */
export function memberHome({ view, viewer, year, today, nextMeeting, guidelines }: MemberHomeInput) {
  const { catalogue, engine } = view;
  const actions = actionsOfMechanisms(catalogue, viewer.mechanisms);
  const mechanisms = catalogue.mechanisms.filter((m) => viewer.mechanisms.includes(m.id));
  const indicators = catalogue.actions.filter((a) => actions.has(a.number)).flatMap((a) => a.indicators);
  const answerable = indicators.filter(isAnswerable);
  const missing = missingAnswers(catalogue, engine, year, actions);
  const missingCount = [...missing.values()].reduce((sum, codes) => sum + codes.length, 0);
  const toValidate = draftsToValidate(catalogue, engine, view.drafts.get(year) ?? new Set(), year, viewer)
    .map((iso3) => ({ iso3, name: engine.stateName(iso3), href: `/espace/saisie/${year}/${iso3}` }))
    .sort(byStateName('fr', (s) => s.name));
  const warnings = [...warningsFollowed(catalogue, engine, year, actions)]
    .flatMap(([iso3, flags]) =>
      flags.map((f) => ({ iso3, name: engine.stateName(iso3), message: f.message, href: `/espace/saisie/${year}/${iso3}` })),
    )
    .sort(byStateName('fr', (s) => s.name));
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
        text: `${plural(actions.size, 'action', 'actions')} de vos comités (responsables ou contributeurs), ${plural(indicators.length, 'indicateur', 'indicateurs')} dont ${plural(answerable.length, 'se saisit', 'se saisissent')} État par État`,
        links: mechanisms.map((m) => ({ text: `Page publique : ${m.name}`, href: `/committees/${m.id}?year=${year}` })),
      },
      {
        key: 'validation',
        count: toValidate.length,
        text: `${plural(toValidate.length, 'rapport', 'rapports')} ${year} en brouillon ${toValidate.length > 1 ? 'attendent' : 'attend'} une validation que vous pouvez donner`,
        links: [{ text: `Les rapports ${year} en brouillon`, href: `${list}?statut=brouillon` }],
        states: toValidate.slice(0, 20),
        more: toValidate.length > 20 ? toValidate.length - 20 : 0,
      },
      {
        key: 'missing',
        count: missingCount,
        text: `${plural(missingCount, 'réponse manque', 'réponses manquent')} en ${year} à vos indicateurs, pour ${plural(missing.size, 'État', 'États')} de leurs populations`,
        links: [
          { text: `Les États ${year}, ceux à qui il manque le plus de réponses d’abord`, href: `${list}?manquantes=oui&tri=manquantes` },
        ],
      },
      {
        key: 'warnings',
        count: warnings.length,
        text: `${plural(warnings.length, 'alerte précoce', 'alertes précoces')} en ${year} sur des États que suivent vos actions`,
        links: [{ text: `Les États ${year} en alerte`, href: `${list}?alerte=oui` }],
        states: warnings.slice(0, 20).map((w) => ({ iso3: w.iso3, name: w.name, href: w.href, detail: w.message })),
        more: warnings.length > 20 ? warnings.length - 20 : 0,
      },
      {
        key: 'late',
        count: late,
        text: `${plural(late, 'État partie', 'États parties')} en retard pour leur rapport ${year} (dû le 30 avril)`,
        links: [{ text: `Les États ${year} en retard`, href: `${list}?retard=oui` }],
      },
      {
        key: 'meeting',
        count: items.length,
        text: nextMeeting
          ? `${plural(items.length, 'point', 'points')} de vos comités à l’ordre du jour de la prochaine réunion, ${nextMeeting.title} (${formatDate(nextMeeting.startsOn)}, ${nextMeeting.place})`
          : 'Aucune réunion intersessions n’est prévue : l’Unité d’appui la crée dans « Réunions ».',
        links: nextMeeting
          ? items.map((i) => ({ text: `Point ${i.number} : ${i.title}`, href: i.href }))
          : [{ text: 'Réunions', href: '/espace/reunions' }],
      },
    ],
  };
}
