import type { Catalogue } from '../domain/catalogue';
import type { Meeting } from '../../db/queries/meetings';
import type { RegistryState } from '../domain/registry';
import { MEETING_KIND_KEYS, SPEAKERS_FROM_KEYS } from './meeting-labels';
import type { Locale } from '../i18n/locale';
import { t } from '../i18n/translate';
import { agendaPoints } from '../domain/meetings/meeting-form';
import type { MeetingPlan, PlannedGroup, PlannedItem } from '../domain/meetings/plan';
import type { MeetingGuidelines } from '../../seed/meeting-guidelines';
import type { FieldError } from '../domain/workspace/form';
import { formatDateTime, formatDayRange, formatMinutes } from './format';
import { populationLabel } from './labels';
import { parsePopulationRef } from '../domain/population';
import { meetingLastChange } from './meeting-messages';
import { meetingTimeView } from './meeting-time-view';
import { storedSittings } from '../domain/meetings/sittings';
import { sortStates, stateName } from '../domain/state-names';

/** Element ids of the speakers' list forms (the posted names are `rank:ISO3`). */
export const groupAnchor = (key: string) => `groupe-${key}`;
export const itemAnchor = (item: number) => `point-${item}`;
export const rankFieldId = (group: string, state: string) => `rang-${group}-${state}`;

export interface MeetingPageOptions {
  meeting: Meeting;
  guidelines: MeetingGuidelines;
  /** Null for meetings other than intersessional ones. */
  plan: MeetingPlan | null;
  catalogue: Catalogue;
  states: readonly RegistryState[];
  canEdit: boolean;
  /** How the list differs from the data of the meeting's year. */
  drift: { joined: number; left: number } | null;
  /** The anchor of the part just saved (group, item or list). */
  saved?: string | null;
  errors?: FieldError[];
  errorTitle?: string | null;
  locale: Locale;
}

/** A population's name in the page's language (« yes(X) » said as the States that answered yes to X). */
function populationName(options: MeetingPageOptions, ref: string): string {
  const parsed = parsePopulationRef(ref);
  if (parsed?.key === 'yes') return t(options.locale, 'workspace.notOffered.yesPopulation', { code: parsed.of });
  return populationLabel(options.catalogue, ref) ?? ref;
}

function groupView(planned: PlannedGroup, options: MeetingPageOptions, byName: RegistryState[]) {
  const { group, speakers } = planned;
  const listed = new Set(speakers.map((s) => s.state));
  return {
    key: group.key,
    anchor: groupAnchor(group.key),
    name: group.name,
    open: group.population === null,
    population: group.population ? populationName(options, group.population) : null,
    exceptions: group.except.map((ref) => populationName(options, ref)),
    exceptionsText: group.except.map((ref) => populationName(options, ref)).join(t(options.locale, 'meetings.group.and')),
    minutesPerSpeaker: formatMinutes(group.minutes),
    present: planned.present,
    summary: t(options.locale, 'meetings.group.summary', { count: planned.present, total: speakers.length }),
    minutesText: formatMinutes(planned.minutes),
    questionsHeading: group.questionsHeading,
    questions: group.questions,
    saved: options.saved === groupAnchor(group.key),
    speakers: speakers.map((s, index) => ({
      iso3: s.state,
      name: s.name,
      position: s.position,
      absent: s.absent,
      added: s.added,
      minutesText: formatMinutes(s.minutes),
      rankId: rankFieldId(group.key, s.state),
      rankError: options.errors?.find((e) => e.field === rankFieldId(group.key, s.state))?.message ?? null,
      canMoveUp: index > 0,
      canMoveDown: index < speakers.length - 1,
    })),
    addOptions: byName.filter((s) => !listed.has(s.iso3)).map((s) => ({ iso3: s.iso3, name: stateName(s, options.locale).name })),
    addFieldId: `ajout-${group.key}`,
    addError: options.errors?.find((e) => e.field === `ajout-${group.key}`)?.message ?? null,
    cardsHref: `/espace/reunions/${options.meeting.id}/fiches?groupe=${encodeURIComponent(group.key)}`,
  };
}

function itemView(planned: PlannedItem, options: MeetingPageOptions, byName: RegistryState[]) {
  const { item } = planned;
  const mechanism = options.catalogue.mechanisms.find((m) => m.id === item.mechanism);
  const othersId = `autres-${item.number}`;
  return {
    number: item.number,
    anchor: itemAnchor(item.number),
    title: item.title,
    mechanism: mechanism?.name ?? item.mechanism,
    minutesText: formatMinutes(planned.minutes),
    groups: planned.groups.map((g) => groupView(g, options, byName)),
    others: {
      id: othersId,
      count: planned.otherInterventions,
      minutesEach: formatMinutes(options.guidelines.otherSpeakers.minutes),
      minutesText: formatMinutes(planned.otherMinutes),
      error: options.errors?.find((e) => e.field === othersId)?.message ?? null,
    },
    saved: options.saved === itemAnchor(item.number),
  };
}

/** The view model of views/workspace/meeting.hbs: the meeting, and for an intersessional one its plan. */
export function meetingPageView(options: MeetingPageOptions) {
  const { meeting, plan } = options;
  const byName = sortStates(options.states, options.locale);
  const time = plan ? meetingTimeView(plan, storedSittings(meeting.sittings), options.locale) : null;
  const items = plan ? plan.items.map((i) => ({ ...itemView(i, options, byName), time: time?.items.get(i.item.number) ?? null })) : [];
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
