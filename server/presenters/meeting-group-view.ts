import type { Catalogue } from '../domain/catalogue';
import type { Meeting } from '../../db/queries/meetings';
import type { RegistryState } from '../domain/registry';
import type { Locale } from '../i18n/locale';
import type { PlannedGroup, PlannedItem } from '../domain/meetings/plan';
import type { TypedGroupForm } from '../domain/meetings/reorder';
import { errorFor, type FieldError } from '../domain/workspace/form';
import { sortStates, stateName } from '../domain/state-names';
import { formatMinutes } from './format';
import { addFieldId, groupAnchor, groupHeadView, itemAnchor, rankFieldId } from './meeting-plan-view';
import { meetingLastChange } from './meeting-messages';
import { t } from '../i18n/translate';

export interface GroupPageOptions {
  meeting: Meeting;
  /** The agenda item the group speaks under, and the group, as planned now. */
  item: PlannedItem;
  group: PlannedGroup;
  catalogue: Catalogue;
  states: readonly RegistryState[];
  /** The group was just saved: the page says so. */
  saved: boolean;
  errors?: FieldError[];
  errorTitle?: string | null;
  /** A refused form, shown again as it was typed rather than as stored. */
  typed?: TypedGroupForm | null;
  /** The State chosen in a refused « add a speaker » form, chosen again. */
  typedState?: string | null;
  locale: Locale;
}

/**
 * The view model of views/workspace/meeting-group.hbs: one speaker group's list with the forms that
 * change it (ranks, absences, up/down/remove, a State added), apart from the plan so that the plan
 * carries no form of the groups.
 */
export function meetingGroupView(options: GroupPageOptions) {
  const { meeting, item, group, typed } = options;
  const key = group.group.key;
  const speakers = group.speakers;
  const listed = new Set(speakers.map((s) => s.state));
  const addId = addFieldId(key);
  const typedState = options.typedState ?? null;
  return {
    title: t(options.locale, 'meetings.groupPage.title', { name: group.group.name }),
    meeting,
    version: meeting.version,
    lastChange: meetingLastChange(meeting, options.locale),
    item: { number: item.item.number, title: item.item.title, anchor: itemAnchor(item.item.number) },
    group: groupHeadView(group, { catalogue: options.catalogue, meeting, locale: options.locale }),
    /** Back to the group on the plan. */
    planHref: `/espace/reunions/${meeting.id}#${groupAnchor(key)}`,
    saved: options.saved,
    speakers: speakers.map((s, index) => {
      const rankId = rankFieldId(key, s.state);
      const rankError = errorFor(options.errors, rankId);
      return {
        iso3: s.state,
        name: s.name,
        rank: typed ? (typed.ranks.get(s.state) ?? '') : String(s.position),
        absent: typed ? typed.absent.has(s.state) : s.absent,
        storedAbsent: s.absent,
        added: s.added,
        minutesText: formatMinutes(s.minutes),
        rankId,
        rankError,
        rankErrorId: `${rankId}-error`,
        canMoveUp: index > 0,
        canMoveDown: index < speakers.length - 1,
      };
    }),
    addOptions: sortStates(options.states, options.locale)
      .filter((s) => !listed.has(s.iso3))
      .map((s) => ({ iso3: s.iso3, name: stateName(s, options.locale).name, selected: s.iso3 === typedState })),
    addFieldId: addId,
    addError: errorFor(options.errors, addId),
    errors: options.errors ?? [],
    errorTitle: options.errorTitle ?? null,
  };
}
