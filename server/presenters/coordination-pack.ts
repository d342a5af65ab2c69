import type { Meeting } from '../../db/queries/meetings';
import type { EngineSnapshot } from '../domain/engine/engine';
import type { IndicatorResult } from '../domain/engine/types';
import { MEETING_KIND_KEYS } from './meeting-labels';
import type { Locale } from '../i18n/locale';
import { translator, type Translate } from '../i18n/translate';
import type { LocalizedCatalogue } from '../domain/catalogue-i18n';
import { agendaPoints } from '../domain/meetings/meeting-form';
import type { ChangeStatus, CoordinationPack, IndicatorChange, MechanismPack, PackReport } from '../domain/meetings/pack';
import type { MeetingPlan, PlannedItem } from '../domain/meetings/plan';
import { storedSittings } from '../domain/meetings/sittings';
import { meetingTimeView } from './meeting-time-view';
import { formatDate, formatDay, formatNumber, formatSigned } from './format';
import { formatIndicatorValue } from './indicator-view';
import { flagMessage } from './flag-view';

/** The Coordinating Committee's pack in the reader's language, ready for its template. */

const CHANGE_KEYS: Record<ChangeStatus, string> = {
  improved: 'meetings.pack.improved',
  worsened: 'meetings.pack.worsened',
  changed: 'meetings.pack.changed',
};

const minutes = (n: number) => `${formatNumber(n)} min`;

/** « 23 novembre 2026 », or « du 23 novembre 2026 au 25 novembre 2026 » for a meeting of several days. */
export function meetingDates(meeting: Pick<Meeting, 'startsOn' | 'endsOn'>, locale: Locale = 'fr'): string {
  return meeting.endsOn === meeting.startsOn
    ? formatDate(meeting.startsOn)
    : translator(locale)('meetings.dayRange', { from: formatDate(meeting.startsOn), to: formatDate(meeting.endsOn) });
}

/** A window bound: a day (« 10 mars 2026 ») at midnight UTC, else (now) the day in Geneva. */
const boundText = (iso: string) => (iso.endsWith('T00:00:00.000Z') ? formatDate(iso.slice(0, 10)) : formatDay(iso));

function windowView(pack: CoordinationPack, meeting: Meeting, previous: Meeting | null, t: Translate, locale: Locale) {
  const { from, until } = pack.window;
  const untilText = boundText(until);
  const end = until === `${meeting.startsOn}T00:00:00.000Z` ? t('meetings.pack.untilFirstDay') : t('meetings.pack.untilToday');
  if (from === null) {
    return {
      heading: t('meetings.pack.sinceStart', { until: untilText }),
      fromHeader: t('meetings.pack.atStart'),
      untilHeader: t('meetings.pack.at', { date: untilText }),
      note: t('meetings.pack.noPrevious', {
        first: pack.firstEntryAt ? t('meetings.pack.firstChange', { date: formatDay(pack.firstEntryAt) }) : '',
        end,
      }),
    };
  }
  return {
    heading: t('meetings.pack.between', { from: boundText(from), until: untilText }),
    fromHeader: t('meetings.pack.at', { date: boundText(from) }),
    untilHeader: t('meetings.pack.at', { date: untilText }),
    note: previous ? t('meetings.pack.sincePrevious', { title: previous.title, dates: meetingDates(previous, locale), end }) : null,
  };
}

const valueText = (change: IndicatorChange, r: IndicatorResult) => formatIndicatorValue(change.indicator.kind, r, r.states !== null);

function changeView(change: IndicatorChange, t: Translate, catalogue: LocalizedCatalogue) {
  const { indicator, before, after } = change;
  const unit = indicator.kind === 'share' || indicator.kind === 'ratio' ? t('meetings.pack.points') : '';
  return {
    code: indicator.code,
    text: catalogue.indicatorByCode.get(indicator.code)?.text ?? indicator.text,
    href: `/indicators/${indicator.code}?year=${after.year}`,
    beforeText: valueText(change, before),
    afterText: valueText(change, after),
    deltaText: before.value !== null && after.value !== null ? formatSigned(after.value - before.value, unit) : null,
    status: change.status,
    statusText: t(CHANGE_KEYS[change.status]),
  };
}

function agendaItemView(item: PlannedItem, otherSpeakers: string, t: Translate) {
  return {
    otherSpeakers,
    number: item.item.number,
    title: item.item.title,
    groups: item.groups.map((g) => ({
      name: g.group.name,
      minutesEach: minutes(g.group.minutes),
      speakers: g.speakers.filter((s) => !s.absent).map((s) => s.name),
      present: g.present,
      minutes: minutes(g.minutes),
    })),
    otherText: t('meetings.pack.otherPlanned', { count: item.otherInterventions, n: formatNumber(item.otherInterventions) }),
    otherMinutes: minutes(item.otherMinutes),
    minutes: minutes(item.minutes),
  };
}

/**
 * Codes of the mechanisms for the « Comités concernés » column, so that a report's row holds on one
 * printed line; the legend above the table gives the full names.
 */
const SHORT_NAMES: Record<string, string> = {
  president: 'P',
  article5: 'A5',
  'victim-assistance': 'AV',
  cooperation: 'CA',
  compliance: 'RO',
};
const shortName = (pack: CoordinationPack, id: string) =>
  SHORT_NAMES[id] ?? pack.mechanisms.find((m) => m.mechanism.id === id)?.mechanism.name ?? id;

const countChanges = (changes: readonly IndicatorChange[]) => ({
  improved: changes.filter((c) => c.status === 'improved').length,
  worsened: changes.filter((c) => c.status === 'worsened').length,
  changed: changes.filter((c) => c.status === 'changed').length,
});

const changeSummaryText = (changes: readonly IndicatorChange[], t: Translate) => {
  const n = countChanges(changes);
  return [
    t('meetings.pack.nImproved', { count: n.improved, n: formatNumber(n.improved) }),
    t('meetings.pack.nWorsened', { count: n.worsened, n: formatNumber(n.worsened) }),
    t('meetings.pack.nChangedNeither', { count: n.changed, n: formatNumber(n.changed) }),
  ].join(', ');
};

function mechanismView(m: MechanismPack, otherSpeakers: string, t: Translate, catalogue: LocalizedCatalogue) {
  return {
    id: m.mechanism.id,
    name: mechanismName(catalogue, m),
    actionsText: m.mechanism.lead.join(', '),
    indicatorCount: m.indicators.length,
    changes: m.changes.map((c) => changeView(c, t, catalogue)),
    changeSummary: changeSummaryText(m.changes, t),
    agenda: m.agenda.map((item) => agendaItemView(item, otherSpeakers, t)),
  };
}

const mechanismName = (catalogue: LocalizedCatalogue, m: MechanismPack) =>
  catalogue.mechanisms.find((c) => c.id === m.mechanism.id)?.name ?? m.mechanism.name;

function reportView(pack: CoordinationPack, engine: EngineSnapshot, r: PackReport, t: Translate) {
  return {
    year: r.year,
    state: engine.stateName(r.state),
    iso3: r.state,
    receivedOn: r.received ? formatDate(r.received.receivedOn) : '—',
    timeliness: r.received ? (r.received.onTime ? t('meetings.cards.onTime') : t('meetings.cards.late')) : null,
    onTime: r.received?.onTime ?? null,
    validatedAt: r.validated ? formatDay(r.validated.at) : '—',
    validatedBy: r.validated?.actor ?? null,
    answers: r.validated ? formatNumber(r.validated.answers) : null,
    committees: r.mechanisms.map((id) => shortName(pack, id)).join(' · '),
    entryHref: `/espace/saisie/${r.year}/${r.state}`,
  };
}

/** The first page: what changed across the plan, in figures, and per mechanism. */
function overviewView(
  pack: CoordinationPack,
  plan: MeetingPlan | null,
  intersessional: Meeting | null,
  t: Translate,
  locale: Locale,
  catalogue: LocalizedCatalogue,
) {
  const received = pack.reports.filter((r) => r.received !== null);
  const onTime = received.filter((r) => r.received!.onTime).length;
  const validated = pack.reports.filter((r) => r.validated !== null).length;
  const changes = pack.mechanisms.flatMap((m) => m.changes);
  const unique = [...new Map(changes.map((c) => [c.indicator.code, c])).values()];
  const counts = countChanges(unique);
  const flagCount = pack.flags.reduce((sum, f) => sum + f.flags.length, 0);
  const time = plan && intersessional ? meetingTimeView(plan, storedSittings(intersessional.sittings), locale) : null;
  return {
    figures: [
      {
        label: t('meetings.pack.received'),
        value: formatNumber(received.length),
        detail: t('meetings.pack.receivedDetail', {
          onTime: t('meetings.pack.nOnTime', { count: onTime, n: formatNumber(onTime) }),
          late: t('meetings.pack.nLate', { count: received.length - onTime, n: formatNumber(received.length - onTime) }),
        }),
      },
      { label: t('meetings.pack.validated'), value: formatNumber(validated), detail: null },
      {
        label: t('meetings.pack.changedIndicators', { year: pack.year }),
        value: formatNumber(unique.length),
        detail: t('meetings.pack.changedDetail', {
          improved: t('meetings.pack.nImproved', { count: counts.improved, n: formatNumber(counts.improved) }),
          worsened: t('meetings.pack.nWorsened', { count: counts.worsened, n: formatNumber(counts.worsened) }),
          changed: t('meetings.pack.nChanged', { count: counts.changed, n: formatNumber(counts.changed) }),
        }),
      },
      {
        label: t('meetings.pack.flagged', { year: pack.year }),
        value: formatNumber(pack.flags.length),
        detail: t('meetings.pack.nOpenFlags', { count: flagCount, n: formatNumber(flagCount) }),
      },
    ],
    rows: pack.mechanisms.map((m) => {
      const n = countChanges(m.changes);
      const items = m.agenda.map((i) => t('meetings.pack.itemMinutes', { number: i.item.number, minutes: minutes(i.minutes) }));
      return {
        id: m.mechanism.id,
        name: mechanismName(catalogue, m),
        short: SHORT_NAMES[m.mechanism.id] ?? null,
        reports: formatNumber(pack.reports.filter((r) => r.mechanisms.includes(m.mechanism.id)).length),
        improved: formatNumber(n.improved),
        worsened: formatNumber(n.worsened),
        changed: formatNumber(n.changed),
        flags: formatNumber(m.flags.length),
        agenda: items.length > 0 ? items.join(' ; ') : '—',
      };
    }),
    intersessional: plan
      ? {
          present: formatNumber(plan.present),
          needed: minutes(plan.minutes),
          available: time ? time.availableText : null,
          warning: time?.warning ?? null,
          fits: time ? time.fits : null,
        }
      : null,
  };
}

export interface PackPageInput {
  meeting: Meeting;
  previous: Meeting | null;
  intersessional: Meeting | null;
  pack: CoordinationPack;
  engine: EngineSnapshot;
  /** What the guidelines call the other speakers of an item (« Autres États parties et organisations »). */
  otherSpeakers: string;
  /** The next intersessional meeting's plan, or null. */
  plan?: MeetingPlan | null;
  locale: Locale;
  /** The catalogue in the reader's language: mechanisms' names and indicators' texts. */
  catalogue: LocalizedCatalogue;
}

export function coordinationPackPage(input: PackPageInput) {
  const { meeting, previous, intersessional, pack, engine, otherSpeakers, plan = null, locale, catalogue } = input;
  const t = translator(locale);
  const title = t('meetings.pack.title', { title: meeting.title });
  return {
    title,
    heading: title,
    meeting: {
      id: meeting.id,
      title: meeting.title,
      href: `/espace/reunions/${meeting.id}`,
      kind: t(MEETING_KIND_KEYS[meeting.kind]),
      dates: meetingDates(meeting, locale),
      place: meeting.place,
      year: meeting.year,
    },
    agenda: agendaPoints(meeting.agenda),
    previous: previous ? { title: previous.title, href: `/espace/reunions/${previous.id}`, dates: meetingDates(previous, locale) } : null,
    window: windowView(pack, meeting, previous, t, locale),
    year: pack.year,
    intersessional: intersessional
      ? {
          title: intersessional.title,
          href: `/espace/reunions/${intersessional.id}`,
          dates: meetingDates(intersessional, locale),
          place: intersessional.place,
        }
      : null,
    overview: overviewView(pack, plan, intersessional, t, locale, catalogue),
    reports: pack.reports.map((r) => reportView(pack, engine, r, t)),
    committeesLegend: pack.mechanisms
      .map((m) => `${SHORT_NAMES[m.mechanism.id] ?? mechanismName(catalogue, m)}${t('workspace.colon')}${mechanismName(catalogue, m)}`)
      .join(t('meetings.pack.separator')),
    flags: pack.flags.map((f) => ({
      state: engine.stateName(f.state),
      iso3: f.state,
      messages: f.flags.map((flag) => flagMessage(flag, locale)),
      href: `/states/${f.state}?year=${pack.year}`,
      committees: f.mechanisms.map((id) => shortName(pack, id)).join(' · '),
    })),
    mechanisms: pack.mechanisms.map((m) => mechanismView(m, otherSpeakers, t, catalogue)),
  };
}
