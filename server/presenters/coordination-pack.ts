import type { Meeting } from '../../db/queries/meetings';
import type { EngineSnapshot } from '../domain/engine/engine';
import type { IndicatorResult } from '../domain/engine/types';
import { MEETING_KIND_LABELS } from '../domain/meetings/kinds';
import { agendaPoints } from '../domain/meetings/meeting-form';
import type { ChangeStatus, CoordinationPack, IndicatorChange, MechanismPack, PackReport } from '../domain/meetings/pack';
import type { MeetingPlan, PlannedItem } from '../domain/meetings/plan';
import { storedSittings } from '../domain/meetings/sittings';
import { meetingTimeView } from './meeting-time-view';
import { formatDate, formatDay, formatNumber, formatSigned } from './format';
import { formatIndicatorValue } from './indicator-view';
import { STATUS_LABELS } from './labels';

/** The Coordinating Committee's pack in French, ready for its template. */

const CHANGE_LABELS: Record<ChangeStatus, string> = {
  improved: STATUS_LABELS.improved,
  worsened: STATUS_LABELS.worsened,
  changed: 'modifié',
};

const minutes = (n: number) => `${formatNumber(n)} min`;
/** French plural: 0 and 1 take the singular. */
const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n > 1 ? many : one}`;

/** « 23 novembre 2026 », or « du 23 novembre 2026 au 25 novembre 2026 » for a meeting of several days. */
export function meetingDates(meeting: Pick<Meeting, 'startsOn' | 'endsOn'>): string {
  return meeting.endsOn === meeting.startsOn
    ? formatDate(meeting.startsOn)
    : `du ${formatDate(meeting.startsOn)} au ${formatDate(meeting.endsOn)}`;
}

/** A window bound: a day (« 10 mars 2026 ») at midnight UTC, else (now) the day in Geneva. */
const boundText = (iso: string) => (iso.endsWith('T00:00:00.000Z') ? formatDate(iso.slice(0, 10)) : formatDay(iso));

function windowView(pack: CoordinationPack, meeting: Meeting, previous: Meeting | null) {
  const { from, until } = pack.window;
  const untilText = boundText(until);
  const end =
    until === `${meeting.startsOn}T00:00:00.000Z` ? 'jusqu’au premier jour de celle-ci' : 'jusqu’à aujourd’hui, la réunion étant à venir';
  if (from === null) {
    return {
      heading: `Modifications depuis le début du journal jusqu’au ${untilText}`,
      fromHeader: 'Au début du journal',
      untilHeader: `Au ${untilText}`,
      note: `Aucune réunion antérieure du Comité de coordination n’est enregistrée : le dossier reprend toutes les modifications depuis le début du journal${
        pack.firstEntryAt ? ` (première modification le ${formatDay(pack.firstEntryAt)})` : ''
      }, ${end}.`,
    };
  }
  return {
    heading: `Modifications du ${boundText(from)} au ${untilText}`,
    fromHeader: `Au ${boundText(from)}`,
    untilHeader: `Au ${untilText}`,
    note: previous
      ? `Depuis le premier jour de la réunion précédente du Comité de coordination, « ${previous.title} » (${meetingDates(previous)}), ${end}.`
      : null,
  };
}

const valueText = (change: IndicatorChange, r: IndicatorResult) => formatIndicatorValue(change.indicator.kind, r, r.states !== null);

function changeView(change: IndicatorChange) {
  const { indicator, before, after } = change;
  const unit = indicator.kind === 'share' || indicator.kind === 'ratio' ? 'points' : '';
  return {
    code: indicator.code,
    text: indicator.text,
    href: `/indicators/${indicator.code}?year=${after.year}`,
    beforeText: valueText(change, before),
    afterText: valueText(change, after),
    deltaText: before.value !== null && after.value !== null ? formatSigned(after.value - before.value, unit) : null,
    status: change.status,
    statusText: CHANGE_LABELS[change.status],
  };
}

function agendaItemView(item: PlannedItem, otherSpeakers: string) {
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
    otherText: plural(item.otherInterventions, 'intervention prévue', 'interventions prévues'),
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

const changeSummaryText = (changes: readonly IndicatorChange[]) => {
  const n = countChanges(changes);
  return [
    plural(n.improved, 'en progrès', 'en progrès'),
    plural(n.worsened, 'en recul', 'en recul'),
    plural(n.changed, 'modifié sans progrès ni recul', 'modifiés sans progrès ni recul'),
  ].join(', ');
};

function mechanismView(m: MechanismPack, otherSpeakers: string) {
  return {
    id: m.mechanism.id,
    name: m.mechanism.name,
    actionsText: m.mechanism.lead.join(', '),
    indicatorCount: m.indicators.length,
    changes: m.changes.map(changeView),
    changeSummary: changeSummaryText(m.changes),
    agenda: m.agenda.map((item) => agendaItemView(item, otherSpeakers)),
  };
}

function reportView(pack: CoordinationPack, engine: EngineSnapshot, r: PackReport) {
  return {
    year: r.year,
    state: engine.stateName(r.state),
    iso3: r.state,
    receivedOn: r.received ? formatDate(r.received.receivedOn) : '—',
    timeliness: r.received ? (r.received.onTime ? 'dans les délais' : 'en retard') : null,
    onTime: r.received?.onTime ?? null,
    validatedAt: r.validated ? formatDay(r.validated.at) : '—',
    validatedBy: r.validated?.actor ?? null,
    answers: r.validated ? formatNumber(r.validated.answers) : null,
    committees: r.mechanisms.map((id) => shortName(pack, id)).join(' · '),
    entryHref: `/espace/saisie/${r.year}/${r.state}`,
  };
}

/** The first page: what changed across the plan, in figures, and per mechanism. */
function overviewView(pack: CoordinationPack, plan: MeetingPlan | null, intersessional: Meeting | null) {
  const received = pack.reports.filter((r) => r.received !== null);
  const onTime = received.filter((r) => r.received!.onTime).length;
  const validated = pack.reports.filter((r) => r.validated !== null).length;
  const changes = pack.mechanisms.flatMap((m) => m.changes);
  const unique = [...new Map(changes.map((c) => [c.indicator.code, c])).values()];
  const counts = countChanges(unique);
  const flagCount = pack.flags.reduce((sum, f) => sum + f.flags.length, 0);
  const time = plan && intersessional ? meetingTimeView(plan, storedSittings(intersessional.sittings)) : null;
  return {
    figures: [
      {
        label: 'Rapports reçus',
        value: formatNumber(received.length),
        detail: `${plural(onTime, 'dans les délais', 'dans les délais')}, ${plural(received.length - onTime, 'en retard', 'en retard')}`,
      },
      { label: 'Rapports validés', value: formatNumber(validated), detail: null },
      {
        label: `Indicateurs qui ont évolué (${pack.year})`,
        value: formatNumber(unique.length),
        detail: `${plural(counts.improved, 'en progrès', 'en progrès')}, ${plural(counts.worsened, 'en recul', 'en recul')}, ${plural(counts.changed, 'modifié', 'modifiés')} sans progrès ni recul`,
      },
      {
        label: `États signalés par l’alerte précoce (${pack.year})`,
        value: formatNumber(pack.flags.length),
        detail: plural(flagCount, 'signalement ouvert', 'signalements ouverts'),
      },
    ],
    rows: pack.mechanisms.map((m) => {
      const n = countChanges(m.changes);
      const items = m.agenda.map((i) => `point ${i.item.number} : ${minutes(i.minutes)}`);
      return {
        id: m.mechanism.id,
        name: m.mechanism.name,
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
}

export function coordinationPackPage({ meeting, previous, intersessional, pack, engine, otherSpeakers, plan = null }: PackPageInput) {
  const title = `Dossier du Comité de coordination — ${meeting.title}`;
  return {
    title,
    heading: title,
    meeting: {
      id: meeting.id,
      title: meeting.title,
      href: `/espace/reunions/${meeting.id}`,
      kind: MEETING_KIND_LABELS[meeting.kind],
      dates: meetingDates(meeting),
      place: meeting.place,
      year: meeting.year,
    },
    agenda: agendaPoints(meeting.agenda),
    previous: previous ? { title: previous.title, href: `/espace/reunions/${previous.id}`, dates: meetingDates(previous) } : null,
    window: windowView(pack, meeting, previous),
    year: pack.year,
    intersessional: intersessional
      ? {
          title: intersessional.title,
          href: `/espace/reunions/${intersessional.id}`,
          dates: meetingDates(intersessional),
          place: intersessional.place,
        }
      : null,
    overview: overviewView(pack, plan, intersessional),
    reports: pack.reports.map((r) => reportView(pack, engine, r)),
    committeesLegend: pack.mechanisms.map((m) => `${SHORT_NAMES[m.mechanism.id] ?? m.mechanism.name} : ${m.mechanism.name}`).join(' ; '),
    flags: pack.flags.map((f) => ({
      state: engine.stateName(f.state),
      iso3: f.state,
      messages: f.flags.map((flag) => flag.message),
      href: `/states/${f.state}?year=${pack.year}`,
      committees: f.mechanisms.map((id) => shortName(pack, id)).join(' · '),
    })),
    mechanisms: pack.mechanisms.map((m) => mechanismView(m, otherSpeakers)),
  };
}
