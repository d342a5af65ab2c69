import type { Catalogue } from '../domain/catalogue';
import type { Meeting } from '../../db/queries/meetings';
import { MEETING_KIND_KEYS, SPEAKERS_FROM_KEYS } from './meeting-labels';
import type { Locale } from '../i18n/locale';
import { t } from '../i18n/translate';
import { agendaPoints } from '../domain/meetings/meeting-form';
import type { MeetingPlan, PlannedGroup, PlannedItem } from '../domain/meetings/plan';
import type { MeetingGuidelines } from '../../seed/meeting-guidelines';
import { errorFor, type FieldError } from '../domain/workspace/form';
import { formatDateTime, formatDayRange, formatMinutes } from './format';
import { populationLabel } from './labels';
import { parsePopulationRef } from '../domain/population';
import { meetingLastChange } from './meeting-messages';
import { meetingTimeView } from './meeting-time-view';
import { storedSittings } from '../domain/meetings/sittings';

/** Element ids of the speakers' list forms (the posted names are `rank:ISO3`). */
export const groupAnchor = (key: string) => `groupe-${key}`;
export const itemAnchor = (item: number) => `point-${item}`;
export const rankFieldId = (group: string, state: string) => `rang-${group}-${state}`;
export const addFieldId = (group: string) => `ajout-${group}`;
/** The address of a group's own page (without the language prefix, which localPath adds). */
export const groupPagePath = (meetingId: number, group: string) => `/espace/reunions/${meetingId}/groupes/${encodeURIComponent(group)}`;

export interface MeetingPageOptions {
  meeting: Meeting;
  guidelines: MeetingGuidelines;
  /** Null for meetings other than intersessional ones. */
  plan: MeetingPlan | null;
  catalogue: Catalogue;
  canEdit: boolean;
  /** How the list differs from the data of the meeting's year. */
  drift: { joined: number; left: number } | null;
  /** The anchor of the part just saved (an item or the list; a group is saved on its own page). */
  saved?: string | null;
  errors?: FieldError[];
  errorTitle?: string | null;
  /** A refused number of other interventions, shown again as typed. */
  typedOthers?: { item: number; text: string } | null;
  locale: Locale;
}

/** A population's name in the page's language (« yes(X) » said as the States that answered yes to X). */
function populationName(options: Pick<MeetingPageOptions, 'catalogue' | 'locale'>, ref: string): string {
  const parsed = parsePopulationRef(ref);
  if (parsed?.key === 'yes') return t(options.locale, 'workspace.notOffered.yesPopulation', { code: parsed.of });
  return populationLabel(options.catalogue, ref) ?? ref;
}

/** A group's heading part, the same on the plan and on the group's own page. */
export function groupHeadView(planned: PlannedGroup, options: Pick<MeetingPageOptions, 'catalogue' | 'meeting' | 'locale'>) {
  const { group, speakers } = planned;
  const exceptions = group.except.map((ref) => populationName(options, ref));
  return {
    key: group.key,
    anchor: groupAnchor(group.key),
    name: group.name,
    open: group.population === null,
    population: group.population ? populationName(options, group.population) : null,
    exceptions,
    exceptionsText: exceptions.join(t(options.locale, 'meetings.group.and')),
    minutesPerSpeaker: formatMinutes(group.minutes),
    present: planned.present,
    summary: t(options.locale, 'meetings.group.summary', { count: planned.present, total: speakers.length }),
    minutesText: formatMinutes(planned.minutes),
    hasSpeakers: speakers.length > 0,
    cardsHref: `/espace/reunions/${options.meeting.id}/fiches?groupe=${encodeURIComponent(group.key)}`,
    /** The group's own page, where its list is changed (views/workspace/meeting-group.hbs). */
    editHref: groupPagePath(options.meeting.id, group.key),
  };
}

/**
 * A group on the plan: its list read only. The forms that change it are on the group's own page
 * (presenters/meeting-group-view.ts), so that the plan stays light to send and to read with a
 * screen reader: one « add a speaker » list of every State per group made the plan weigh 338 kB.
 */
function groupView(planned: PlannedGroup, options: MeetingPageOptions) {
  return {
    ...groupHeadView(planned, options),
    questionsHeading: planned.group.questionsHeading,
    questions: planned.group.questions,
    speakers: planned.speakers.map((s) => ({
      name: s.name,
      position: s.position,
      absent: s.absent,
      added: s.added,
      minutesText: formatMinutes(s.minutes),
    })),
  };
}

function itemView(planned: PlannedItem, options: MeetingPageOptions) {
  const { item } = planned;
  const mechanism = options.catalogue.mechanisms.find((m) => m.id === item.mechanism);
  const othersId = `autres-${item.number}`;
  return {
    number: item.number,
    anchor: itemAnchor(item.number),
    title: item.title,
    mechanism: mechanism?.name ?? item.mechanism,
    minutesText: formatMinutes(planned.minutes),
    groups: planned.groups.map((g) => groupView(g, options)),
    others: {
      id: othersId,
      count: planned.otherInterventions,
      value: options.typedOthers?.item === item.number ? options.typedOthers.text : String(planned.otherInterventions),
      minutesEach: formatMinutes(options.guidelines.otherSpeakers.minutes),
      minutesText: formatMinutes(planned.otherMinutes),
      error: errorFor(options.errors, othersId),
    },
    saved: options.saved === itemAnchor(item.number),
  };
}

/** The view model of views/workspace/meeting.hbs: the meeting, and for an intersessional one its plan. */
export function meetingPageView(options: MeetingPageOptions) {
  const { meeting, plan } = options;
  const time = plan ? meetingTimeView(plan, storedSittings(meeting.sittings), options.locale) : null;
  const items = plan ? plan.items.map((i) => ({ ...itemView(i, options), time: time?.items.get(i.item.number) ?? null })) : [];
  return {
    title: meeting.title,
    meeting,
    kindLabel: t(options.locale, MEETING_KIND_KEYS[meeting.kind]),
    dates: formatDayRange(meeting.startsOn, meeting.endsOn, options.locale),
    lastChange: meetingLastChange(meeting, options.locale),
    created: formatDateTime(meeting.createdAt),
    agenda: agendaPoints(meeting.agenda),
    isIntersessional: meeting.kind === 'intersessional',
    isCoordination: meeting.kind === 'coordination',
    canEdit: options.canEdit,
    version: meeting.version,
    items,
    summary: plan
      ? {
          rows: items.map((i, index) => ({
            number: i.number,
            anchor: i.anchor,
            title: i.title,
            present: plan.items[index]!.groups.reduce((sum, g) => sum + g.present, 0),
            others: plan.items[index]!.otherInterventions,
            minutesText: i.minutesText,
            time: i.time,
          })),
          present: plan.present,
          others: plan.items.reduce((sum, i) => sum + i.otherInterventions, 0),
          minutesText: formatMinutes(plan.minutes),
        }
      : null,
    drift:
      options.drift && (options.drift.joined > 0 || options.drift.left > 0)
        ? t(options.locale, 'meetings.plan.drift', {
            joined: t(options.locale, 'meetings.plan.driftJoined', { count: options.drift.joined }),
            left: t(options.locale, 'meetings.plan.driftLeft', { count: options.drift.left }),
          })
        : null,
    time,
    speakersFromText: t(options.locale, SPEAKERS_FROM_KEYS[meeting.speakersFrom]),
    onlyRequests: meeting.speakersFrom === 'requests',
    listSaved: options.saved === 'liste',
    errors: options.errors ?? [],
    errorTitle: options.errorTitle ?? null,
  };
}
