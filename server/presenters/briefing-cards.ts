import type { Meeting } from '../../db/queries/meetings';
import type { MeetingGuidelines } from '../../seed/meeting-guidelines';
import type { DataView } from '../data-source';
import type { Briefing, BriefingCard, BriefingScope, CardAnswer, CardReport } from '../domain/meetings/briefing';
import type { MeetingPlan } from '../domain/meetings/plan';
import { reportDueDate } from '../domain/registry';
import { REPORT_STATUS_LABELS, reportStatus, type ReportStatus } from '../domain/review';
import { formatDate, formatDayRange, formatMinutes, formatSigned } from './format';
import { ANSWER_LABELS, KIND_LABELS } from './labels';

/** The view model of the briefing cards page (views/workspace/briefing-cards.hbs). */

/** French plural: 0 and 1 take the singular. */
const plural = (n: number, one: string, many: string) => `${n} ${n <= 1 ? one : many}`;

/** « 1er », « 2e », « 12e »: French ordinals as a speaking order reads. */
const ordinal = (n: number) => (n === 1 ? '1er' : `${n}e`);

const STATUS_BADGES: Record<ReportStatus, string> = {
  draft: 'badge--draft',
  validated: 'badge--validated',
  published: 'badge--published',
};

const cardsHref = (meetingId: number, query: string) => `/espace/reunions/${meetingId}/fiches${query}`;

function reportView(view: DataView, state: string, r: CardReport) {
  const due = formatDate(reportDueDate(r.year));
  // Where the report stands: a chair must know that a draft may still change.
  const status = r.report ? reportStatus(view.review, r.year, state) : null;
  return {
    year: r.year,
    received: r.report ? `reçu le ${formatDate(r.report.receivedOn)}` : 'aucun rapport reçu',
    timeliness: r.report ? (r.onTime ? 'dans les délais' : 'en retard') : null,
    timelinessClass: r.report ? (r.onTime ? 'briefing-card__on-time' : 'briefing-card__late') : 'briefing-card__missing',
    due: r.party ? `date limite : ${due}` : `État non partie en ${r.year} : rapport volontaire`,
    statusLabel: status ? (status === 'draft' ? `${REPORT_STATUS_LABELS.draft} (non validé)` : REPORT_STATUS_LABELS[status]) : null,
    statusBadge: status ? STATUS_BADGES[status] : null,
  };
}

function answerView(answer: CardAnswer, year: number) {
  switch (answer.kind) {
    case 'no-data':
      return { label: 'pas de données', details: [`aucune donnée pour ${year}`] };
    case 'outside':
      return { label: 'hors population', details: [`question non posée à cet État en ${year}`] };
    case 'answer': {
      const details = answer.entered
        ? [answer.source ? `Source : ${answer.source}` : null, answer.note ? `Note : ${answer.note}` : null].filter(
            (d): d is string => d !== null,
          )
        : ['aucune réponse saisie'];
      return { label: ANSWER_LABELS[answer.value], details };
    }
  }
}

/** « des actions 30, 31 et 32 » / « de l’action 16 », as « indicateurs … » reads on. */
function actionsText(actions: readonly number[]): string {
  if (actions.length === 1) return `de l’action ${actions[0]}`;
  return `des actions ${actions.slice(0, -1).join(', ')} et ${actions.at(-1)}`;
}

/** Points listed on a printed card: with the rest of the card they fit on one A4 page; the others are counted. */
export const CARD_POINTS_MAX = 8;

/** « 12 oui · 6 non · 3 sans réponse ; +3 oui depuis 2025 ». */
function tallyText(card: BriefingCard, years: readonly number[]): string {
  const { tally } = card;
  const asked = tally.yes + tally.no + tally.blank;
  if (card.indicators.length === 0) return 'Aucun indicateur de ces actions n’appelle de réponse par État.';
  if (tally.noData === card.indicators.length) return `Pas de données pour ${years[0]}.`;
  if (asked === 0)
    return `Question non posée à cet État en ${years[0]} (hors population pour ${plural(tally.outside, 'indicateur', 'indicateurs')}).`;
  const parts = [`${tally.yes} oui`, `${tally.no} non`, `${tally.blank} sans réponse`];
  const outside = tally.outside > 0 ? ` (${plural(tally.outside, 'indicateur', 'indicateurs')} hors population)` : '';
  const since =
    card.yesBefore !== null && years[1] !== undefined ? ` ; ${formatSigned(tally.yes - card.yesBefore, '')} oui depuis ${years[1]}` : '';
  return `${parts.join(' · ')}${since}${outside}`;
}

function pointView(view: DataView, years: readonly number[], point: BriefingCard['points'][number]) {
  const [year, baseline] = years;
  const answer =
    point.kind === 'changed'
      ? `${ANSWER_LABELS[point.before!]} en ${baseline} → ${ANSWER_LABELS[point.now]} en ${year}`
      : point.kind === 'no'
        ? `non${point.before === 'no' ? ` (déjà en ${baseline})` : ''}`
        : `sans réponse${point.before === 'blank' ? ` (déjà en ${baseline})` : ''}`;
  return { code: point.code, text: view.catalogue.indicatorByCode.get(point.code)?.text ?? point.code, answer, kind: point.kind };
}

function cardView(view: DataView, meetingId: number, years: readonly number[], card: BriefingCard, index: number, total: number) {
  const indicatorText = (code: string) => view.catalogue.indicatorByCode.get(code)?.text ?? code;
  const id = `fiche-${index + 1}`;
  // Changes and « non » one by one, with their text; the answers missing by their codes only (the summary line counts them).
  const listed = card.points.filter((p) => p.kind !== 'blank');
  const blank = card.points.filter((p) => p.kind === 'blank').map((p) => p.code);
  const hidden = listed.length - CARD_POINTS_MAX;
  return {
    tallyText: tallyText(card, years),
    points: listed.slice(0, CARD_POINTS_MAX).map((p) => pointView(view, years, p)),
    morePoints:
      hidden > 0
        ? `… et ${plural(hidden, 'autre changement ou « non »', 'autres changements ou « non »')} : voir le détail complet.`
        : null,
    blankText: blank.length > 0 ? `Sans réponse en ${years[0]} (${blank.length}) : ${blank.join(', ')}.` : null,
    detailHref: cardsHref(meetingId, `?groupe=${encodeURIComponent(card.group.key)}&etat=${card.state}`),
    group: card.group.key,
    id,
    headingId: `${id}-titre`,
    positionText: `fiche ${index + 1} sur ${total}`,
    name: card.name,
    iso3: card.state,
    itemLabel: `Point ${card.item.number} : ${card.item.title}`,
    groupName: card.group.name,
    orderText: `${ordinal(card.order)} orateur sur ${card.speakers}`,
    minutesText: formatMinutes(card.minutes),
    actionsText: actionsText(card.actions),
    reports: card.reports.map((r) => reportView(view, card.state, r)),
    flags: card.flags.map((f) => ({ message: f.message, action: f.action })),
    indicators: card.indicators.map((i) => ({
      code: i.code,
      text: indicatorText(i.code),
      cells: i.answers.map((a, column) => answerView(a, years[column] ?? 0)),
    })),
    withoutAnswers: card.withoutAnswers.map((code) => {
      const kind = view.catalogue.indicatorByCode.get(code)?.kind;
      return { code, text: indicatorText(code), kind: kind ? KIND_LABELS[kind].toLowerCase() : null };
    }),
  };
}

export interface BriefingPageOptions {
  meeting: Meeting;
  guidelines: MeetingGuidelines;
  plan: MeetingPlan;
  briefing: Briefing;
  scope: BriefingScope;
}

/** The links to print a part only: every item, and every group of the items, with their number of cards. */
function scopeLinks({ meeting, plan, scope }: BriefingPageOptions) {
  return plan.items.map((planned) => ({
    label: `Point ${planned.item.number}`,
    title: planned.item.title,
    href: cardsHref(meeting.id, `?point=${planned.item.number}`),
    current: scope.item === planned.item.number && scope.group === null,
    count: plural(
      planned.groups.reduce((sum, g) => sum + g.present, 0),
      'fiche',
      'fiches',
    ),
    groups: planned.groups.map((g) => ({
      label: g.group.name,
      href: cardsHref(meeting.id, `?groupe=${encodeURIComponent(g.group.key)}`),
      current: scope.group === g.group.key,
      count: plural(g.present, 'fiche', 'fiches'),
    })),
  }));
}

function scopeText({ guidelines, scope, briefing }: BriefingPageOptions): string {
  const item = guidelines.items.find((i) => i.number === scope.item);
  const group = item?.groups.find((g) => g.key === scope.group);
  if (item && group && scope.state)
    return `détail complet de la fiche de ${briefing.cards[0]?.name ?? scope.state}, point ${item.number}, ${group.name}`;
  if (item && group) return `Point ${item.number}, ${group.name}`;
  if (item) return `Point ${item.number} : ${item.title}`;
  return 'tous les points de l’ordre du jour';
}

export function briefingCardsPage(view: DataView, options: BriefingPageOptions) {
  const { meeting, briefing, scope } = options;
  const cards = briefing.cards.map((card, index, all) => cardView(view, meeting.id, briefing.years, card, index, all.length));
  const full = Boolean(scope.state);
  const heading = `Fiches d’information — ${meeting.title}`;
  return {
    title: scope.item === null ? heading : `${heading} (${scopeText(options)})`,
    heading,
    meetingHref: `/espace/reunions/${meeting.id}`,
    meetingTitle: meeting.title,
    meetingWhen: `${formatDayRange(meeting.startsOn, meeting.endsOn)}, ${meeting.place}`,
    year: briefing.year,
    years: briefing.years,
    yearsText: briefing.years.map((y) => `en ${y}`).join(' et '),
    scopeText: scopeText(options),
    filtered: scope.item !== null,
    full,
    baselineYear: briefing.years[1] ?? null,
    allHref: cardsHref(meeting.id, ''),
    scopeLinks: scopeLinks(options),
    countText: cards.length === 0 ? 'Aucune fiche' : plural(cards.length, 'fiche', 'fiches'),
    absentText:
      briefing.absent === 0
        ? 'Aucun orateur n’est marqué absent.'
        : `${plural(briefing.absent, 'État marqué absent n’a', 'États marqués absents n’ont')} pas de fiche.`,
    cards,
  };
}
