import type { GuidelineGroup, GuidelineItem, MeetingGuidelines } from '../../../seed/meeting-guidelines';

/** One row of a meeting's speakers' list, as stored. */
export interface SpeakerRow {
  groupKey: string;
  state: string;
  position: number;
  absent: boolean;
  added: boolean;
}

export interface PlannedSpeaker extends SpeakerRow {
  name: string;
  /** Speaking time planned: the group's minutes, 0 when absent. */
  minutes: number;
}

export interface PlannedGroup {
  group: GuidelineGroup;
  speakers: PlannedSpeaker[];
  present: number;
  minutes: number;
}

export interface PlannedItem {
  item: GuidelineItem;
  groups: PlannedGroup[];
  /** Interventions of other States and organisations planned for the item, and their time. */
  otherInterventions: number;
  otherMinutes: number;
  minutes: number;
}

export interface MeetingPlan {
  items: PlannedItem[];
  speakers: number;
  present: number;
  minutes: number;
}

/**
 * The intersessional meeting's plan: each agenda item with its groups' speakers in their order,
 * each present speaker given the group's time, other interventions at their own time, and the time
 * summed per group, per item and for the whole meeting.
 */
export function meetingPlan(
  guidelines: MeetingGuidelines,
  rows: readonly SpeakerRow[],
  otherInterventions: ReadonlyMap<number, number>,
  nameOf: (iso3: string) => string,
): MeetingPlan {
  const byGroup = new Map<string, SpeakerRow[]>();
  for (const row of rows) {
    const list = byGroup.get(row.groupKey) ?? [];
    list.push(row);
    byGroup.set(row.groupKey, list);
  }
  const items = guidelines.items.map((item): PlannedItem => {
    const groups = item.groups.map((group): PlannedGroup => {
      const speakers = [...(byGroup.get(group.key) ?? [])]
        .sort((a, b) => a.position - b.position)
        .map((row) => ({ ...row, name: nameOf(row.state), minutes: row.absent ? 0 : group.minutes }));
      const present = speakers.filter((s) => !s.absent).length;
      return { group, speakers, present, minutes: present * group.minutes };
    });
    const others = otherInterventions.get(item.number) ?? 0;
    const otherMinutes = others * guidelines.otherSpeakers.minutes;
    return {
      item,
      groups,
      otherInterventions: others,
      otherMinutes,
      minutes: groups.reduce((sum, g) => sum + g.minutes, 0) + otherMinutes,
    };
  });
  const groups = items.flatMap((i) => i.groups);
  return {
    items,
    speakers: groups.reduce((sum, g) => sum + g.speakers.length, 0),
    present: groups.reduce((sum, g) => sum + g.present, 0),
    minutes: items.reduce((sum, i) => sum + i.minutes, 0),
  };
}

/** The guidelines' group of a key, with its item; null for an unknown key. */
export function findGroup(guidelines: MeetingGuidelines, key: string): { item: GuidelineItem; group: GuidelineGroup } | null {
  for (const item of guidelines.items) {
    const group = item.groups.find((g) => g.key === key);
    if (group) return { item, group };
  }
  return null;
}
