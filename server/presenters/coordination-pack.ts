import type { Meeting } from '../../db/queries/meetings';
import type { EngineSnapshot } from '../domain/engine/engine';
import type { IndicatorResult } from '../domain/engine/types';
import { MEETING_KIND_LABELS } from '../domain/meetings/kinds';
import { agendaPoints } from '../domain/meetings/meeting-form';
import type { ChangeStatus, CoordinationPack, IndicatorChange, MechanismPack } from '../domain/meetings/pack';
import type { PlannedItem } from '../domain/meetings/plan';
import { formatDate, formatDateTime, formatDay, formatNumber, formatSigned } from './format';
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
  const end = until === `${meeting.startsOn}T00:00:00.000Z` ? 'jusqu’au premier jour de celle-ci' : 'jusqu’à aujourd’hui, la réunion étant à venir';
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

const nameOf = (engine: EngineSnapshot) => (iso3: string) => engine.stateName(iso3);

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

function mechanismView(m: MechanismPack, engine: EngineSnapshot, year: number, otherSpeakers: string) {
  const name = nameOf(engine);
  const changes = m.changes.map(changeView);
  return {
    id: m.mechanism.id,
    name: m.mechanism.name,
    actionsText: m.mechanism.lead.join(', '),
    indicatorCount: m.indicators.length,
    reports: m.reports.map((r) => ({
      year: r.year,
      state: name(r.state),
      iso3: r.state,
      receivedOn: formatDate(r.receivedOn),
      timeliness: r.onTime ? 'dans les délais' : 'en retard',
      onTime: r.onTime,
      enteredAt: formatDateTime(r.at),
      actor: r.actor,
      entryHref: `/espace/saisie/${r.year}/${r.state}`,
    })),
    validations: m.validations.map((v) => ({
      year: v.year,
      state: name(v.state),
      iso3: v.state,
      answers: formatNumber(v.answers),
      at: formatDateTime(v.at),
      actor: v.actor,
      entryHref: `/espace/saisie/${v.year}/${v.state}`,
    })),
    changes,
    changeSummary: [
      plural(m.changes.filter((c) => c.status === 'improved').length, 'en progrès', 'en progrès'),
      plural(m.changes.filter((c) => c.status === 'worsened').length, 'en recul', 'en recul'),
      plural(m.changes.filter((c) => c.status === 'changed').length, 'modifié sans progrès ni recul', 'modifiés sans progrès ni recul'),
    ].join(', '),
    flags: m.flags.map((f) => ({ state: name(f.state), iso3: f.state, messages: f.flags.map((flag) => flag.message), href: `/states/${f.state}?year=${year}` })),
    agenda: m.agenda.map((item) => agendaItemView(item, otherSpeakers)),
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
}

export function coordinationPackPage({ meeting, previous, intersessional, pack, engine, otherSpeakers }: PackPageInput) {
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
      ? { title: intersessional.title, href: `/espace/reunions/${intersessional.id}`, dates: meetingDates(intersessional), place: intersessional.place }
      : null,
    mechanisms: pack.mechanisms.map((m) => mechanismView(m, engine, pack.year, otherSpeakers)),
  };
}
