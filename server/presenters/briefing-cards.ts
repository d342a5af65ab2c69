import type { Meeting } from '../../db/queries/meetings';
import type { MeetingGuidelines } from '../../seed/meeting-guidelines';
import type { DataView } from '../data-source';
import type { Briefing, BriefingCard, BriefingScope, CardAnswer, CardReport } from '../domain/meetings/briefing';
import type { MeetingPlan } from '../domain/meetings/plan';
import { reportDueDate } from '../domain/registry';
import { reportStatus, type ReportStatus } from '../domain/review';
import { formatDate, formatDayRange, formatMinutes, formatSigned } from './format';
import { ANSWER_KEYS, KIND_KEYS, REPORT_STATUS_KEYS } from './workspace-labels';
import type { Locale } from '../i18n/locale';
import { translator, type Translate } from '../i18n/translate';
import { localizeCatalogue, type LocalizedCatalogue } from '../domain/catalogue-i18n';
import { flagMessage } from './flag-view';

/** The view model of the briefing cards page (views/workspace/briefing-cards.hbs). */

/** « 1er », « 2e » / “1st”, “2nd” / « 1.º »: ordinals as a speaking order reads, by CLDR's ordinal rules. */
const ORDINAL_KEYS: Record<string, string> = {
  one: 'meetings.cards.ordinalOne',
  two: 'meetings.cards.ordinalTwo',
  few: 'meetings.cards.ordinalFew',
  other: 'meetings.cards.ordinalOther',
};
const ordinal = (n: number, t: Translate, locale: Locale) =>
  t(ORDINAL_KEYS[new Intl.PluralRules(locale, { type: 'ordinal' }).select(n)] ?? 'meetings.cards.ordinalOther', { n });

const STATUS_BADGES: Record<ReportStatus, string> = {
  draft: 'badge--draft',
  validated: 'badge--validated',
  published: 'badge--published',
};

const cardsHref = (meetingId: number, query: string) => `/espace/reunions/${meetingId}/fiches${query}`;

function reportView(view: DataView, state: string, r: CardReport, t: Translate) {
  const due = formatDate(reportDueDate(r.year));
  // Where the report stands: a chair must know that a draft may still change.
  const status = r.report ? reportStatus(view.review, r.year, state) : null;
  return {
    year: r.year,
    received: r.report ? t('meetings.cards.received', { date: formatDate(r.report.receivedOn) }) : t('meetings.cards.noReport'),
    timeliness: r.report ? (r.onTime ? t('meetings.cards.onTime') : t('meetings.cards.late')) : null,
    timelinessClass: r.report ? (r.onTime ? 'briefing-card__on-time' : 'briefing-card__late') : 'briefing-card__missing',
    due: r.party ? t('meetings.cards.due', { date: due }) : t('meetings.cards.voluntary', { year: r.year }),
    statusLabel: status ? (status === 'draft' ? t('meetings.cards.draftNotValidated') : t(REPORT_STATUS_KEYS[status])) : null,
    statusBadge: status ? STATUS_BADGES[status] : null,
  };
}

function answerView(answer: CardAnswer, year: number, t: Translate) {
  switch (answer.kind) {
    case 'no-data':
      return { label: t('meetings.cards.noData'), details: [t('meetings.cards.noDataFor', { year })] };
    case 'outside':
      return { label: t('meetings.cards.outside'), details: [t('meetings.cards.notAsked', { year })] };
    case 'answer': {
      const details = answer.entered
        ? [
            answer.source ? t('meetings.cards.source', { source: answer.source }) : null,
            answer.note ? t('meetings.cards.note', { note: answer.note }) : null,
          ].filter((d): d is string => d !== null)
        : [t('meetings.cards.noAnswer')];
      return { label: t(ANSWER_KEYS[answer.value]), details };
    }
  }
}

/** « des actions 30, 31 et 32 » / « de l’action 16 », as « indicateurs … » reads on. */
function actionsText(actions: readonly number[], t: Translate): string {
  if (actions.length === 1) return t('meetings.cards.ofAction', { action: actions[0] });
  return t('meetings.cards.ofActions', { actions: actions.slice(0, -1).join(', '), last: actions.at(-1) });
}

/** Points listed on a printed card: with the rest of the card they fit on one A4 page; the others are counted. */
export const CARD_POINTS_MAX = 8;

/** « 12 oui · 6 non · 3 sans réponse ; +3 oui depuis 2025 ». */
function tallyText(card: BriefingCard, years: readonly number[], t: Translate): string {
  const { tally } = card;
  const asked = tally.yes + tally.no + tally.blank;
  if (card.indicators.length === 0) return t('meetings.cards.noIndicator');
  if (tally.noData === card.indicators.length) return t('meetings.cards.noDataTally', { year: years[0] });
  if (asked === 0) return t('meetings.cards.notAskedTally', { year: years[0], count: tally.outside });
  const parts = [
    t('meetings.cards.tallyYes', { count: tally.yes }),
    t('meetings.cards.tallyNo', { count: tally.no }),
    t('meetings.cards.tallyBlank', { count: tally.blank }),
  ];
  const outside = tally.outside > 0 ? t('meetings.cards.tallyOutside', { count: tally.outside }) : '';
  const since =
    card.yesBefore !== null && years[1] !== undefined
      ? t('meetings.cards.tallySince', { change: formatSigned(tally.yes - card.yesBefore, ''), year: years[1] })
      : '';
  return `${parts.join(' · ')}${since}${outside}`;
}

function pointView(catalogue: LocalizedCatalogue, years: readonly number[], point: BriefingCard['points'][number], t: Translate) {
  const [year, baseline] = years;
  const already = (was: boolean) => (was ? t('meetings.cards.already', { year: baseline }) : '');
  const answer =
    point.kind === 'changed'
      ? t('meetings.cards.changed', { before: t(ANSWER_KEYS[point.before!]), baseline, now: t(ANSWER_KEYS[point.now]), year })
      : point.kind === 'no'
        ? `${t('meetings.cards.pointNo')}${already(point.before === 'no')}`
        : `${t('meetings.cards.pointBlank')}${already(point.before === 'blank')}`;
  return { code: point.code, text: catalogue.indicatorByCode.get(point.code)?.text ?? point.code, answer, kind: point.kind };
}

function cardView(
  view: DataView,
  meetingId: number,
  years: readonly number[],
  card: BriefingCard,
  index: number,
  total: number,
  locale: Locale,
) {
  const t = translator(locale);
  const catalogue = localizeCatalogue(view.catalogue, locale);
  const indicatorText = (code: string) => catalogue.indicatorByCode.get(code)?.text ?? code;
  const id = `fiche-${index + 1}`;
  // Changes and « non » one by one, with their text; the answers missing by their codes only (the summary line counts them).
  const listed = card.points.filter((p) => p.kind !== 'blank');
  const blank = card.points.filter((p) => p.kind === 'blank').map((p) => p.code);
  const hidden = listed.length - CARD_POINTS_MAX;
  return {
    tallyText: tallyText(card, years, t),
    points: listed.slice(0, CARD_POINTS_MAX).map((p) => pointView(catalogue, years, p, t)),
    morePoints: hidden > 0 ? t('meetings.cards.morePoints', { count: hidden }) : null,
    blankText: blank.length > 0 ? t('meetings.cards.blank', { year: years[0], count: blank.length, codes: blank.join(', ') }) : null,
    detailHref: cardsHref(meetingId, `?groupe=${encodeURIComponent(card.group.key)}&etat=${card.state}`),
    group: card.group.key,
    id,
    headingId: `${id}-titre`,
    positionText: t('meetings.cards.position', { n: index + 1, total }),
    name: card.name,
    iso3: card.state,
    itemLabel: t('workspace.home.linkItem', { number: card.item.number, title: card.item.title }),
    groupName: card.group.name,
    orderText: t('meetings.cards.order', { ordinal: ordinal(card.order, t, locale), total: card.speakers }),
    minutesText: formatMinutes(card.minutes),
    actionsText: actionsText(card.actions, t),
    reports: card.reports.map((r) => reportView(view, card.state, r, t)),
    flags: card.flags.map((f) => ({ message: flagMessage(f, locale), action: f.action })),
    indicators: card.indicators.map((i) => ({
      code: i.code,
      text: indicatorText(i.code),
      cells: i.answers.map((a, column) => answerView(a, years[column] ?? 0, t)),
    })),
    withoutAnswers: card.withoutAnswers.map((code) => {
      const kind = catalogue.indicatorByCode.get(code)?.kind;
      return { code, text: indicatorText(code), kind: kind ? t(KIND_KEYS[kind]).toLowerCase() : null };
    }),
  };
}

export interface BriefingPageOptions {
  meeting: Meeting;
  guidelines: MeetingGuidelines;
  plan: MeetingPlan;
  briefing: Briefing;
  scope: BriefingScope;
  locale: Locale;
}

/** The links to print a part only: every item, and every group of the items, with their number of cards. */
function scopeLinks({ meeting, plan, scope, locale }: BriefingPageOptions) {
  const t = translator(locale);
  return plan.items.map((planned) => ({
    label: t('meetings.cards.item', { number: planned.item.number }),
    title: planned.item.title,
    href: cardsHref(meeting.id, `?point=${planned.item.number}`),
    current: scope.item === planned.item.number && scope.group === null,
    count: t('meetings.cards.nCards', { count: planned.groups.reduce((sum, g) => sum + g.present, 0) }),
    groups: planned.groups.map((g) => ({
      label: g.group.name,
      href: cardsHref(meeting.id, `?groupe=${encodeURIComponent(g.group.key)}`),
      current: scope.group === g.group.key,
      count: t('meetings.cards.nCards', { count: g.present }),
    })),
  }));
}

function scopeText({ guidelines, scope, briefing, locale }: BriefingPageOptions): string {
  const t = translator(locale);
  const item = guidelines.items.find((i) => i.number === scope.item);
  const group = item?.groups.find((g) => g.key === scope.group);
  if (item && group && scope.state)
    return t('meetings.cards.scopeState', { name: briefing.cards[0]?.name ?? scope.state, number: item.number, group: group.name });
  if (item && group) return t('meetings.cards.scopeGroup', { number: item.number, group: group.name });
  if (item) return t('workspace.home.linkItem', { number: item.number, title: item.title });
  return t('meetings.cards.scopeAll');
}

export function briefingCardsPage(view: DataView, options: BriefingPageOptions) {
  const { meeting, briefing, scope, locale } = options;
  const t = translator(locale);
  const cards = briefing.cards.map((card, index, all) => cardView(view, meeting.id, briefing.years, card, index, all.length, locale));
  const full = Boolean(scope.state);
  const heading = t('meetings.cards.heading', { title: meeting.title });
  return {
    title: scope.item === null ? heading : `${heading} (${scopeText(options)})`,
    heading,
    meetingHref: `/espace/reunions/${meeting.id}`,
    meetingTitle: meeting.title,
    meetingWhen: `${formatDayRange(meeting.startsOn, meeting.endsOn, locale)}, ${meeting.place}`,
    year: briefing.year,
    years: briefing.years,
    yearsText: briefing.years.map((y) => t('meetings.cards.inYear', { year: y })).join(t('meetings.group.and')),
    scopeText: scopeText(options),
    filtered: scope.item !== null,
    full,
    baselineYear: briefing.years[1] ?? null,
    allHref: cardsHref(meeting.id, ''),
    scopeLinks: scopeLinks(options),
    countText: cards.length === 0 ? t('meetings.cards.noCard') : t('meetings.cards.nCards', { count: cards.length }),
    absentText: briefing.absent === 0 ? t('meetings.cards.noAbsent') : t('meetings.cards.absent', { count: briefing.absent }),
    cards,
  };
}
