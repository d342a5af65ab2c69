import { inTransaction, type Db } from '../../../db/client';
import {
  bumpMeetingVersion,
  ensureMeetingItem,
  insertMeeting,
  insertSpeaker,
  meetingExists,
  readOtherInterventions,
  readSpeakers,
  replaceSpeakerGroup,
  setItemOtherInterventions,
  updateMeetingDetails,
} from '../../../db/queries/meetings';
import type { MeetingGuidelines } from '../../../seed/meeting-guidelines';
import type { MeetingDetails } from './meeting-form';
import { meetingPlan, type MeetingPlan, type SpeakerRow } from './plan';
import { byStateNameOrder, meetingDefaults, type SpeakerSource } from './speaker-groups';

// Reading a meeting applies no rule: routes and presenters reach these queries here.
export { listMeetings, nextIntersessional, readMeeting, readSpeakers, type Meeting } from '../../../db/queries/meetings';

/**
 * Writes to meetings and their speakers' lists. Every change after creation names the version the
 * user's page was built from: when the meeting moved since, nothing is written (`conflict`), so
 * that two people preparing the same meeting do not overwrite each other unawares.
 */

export type MeetingWrite<T = undefined> = { kind: 'saved'; value: T } | { kind: 'conflict' } | { kind: 'missing' };

interface Writer {
  userId: number | null;
  now?: Date;
}

/** Runs `write` in one transaction once the meeting's version is moved on from `version`. */
function writeMeeting<T>(db: Db, id: number, version: number | null, by: Writer, write: (tx: Db) => T): MeetingWrite<T> {
  return inTransaction(db, (tx): MeetingWrite<T> => {
    if (!bumpMeetingVersion(tx, id, version, (by.now ?? new Date()).toISOString(), by.userId)) {
      return { kind: meetingExists(tx, id) ? 'conflict' : 'missing' };
    }
    return { kind: 'saved', value: write(tx) };
  });
}

/**
 * Brings an intersessional meeting's list in line with the data: States that left a group's
 * population go (unless a user added them), States that joined come in at their alphabetical place,
 * and the rest keep their order and absences. Creates the items' rows when missing. Returns how
 * many States came in and went.
 */
function syncSpeakers(
  tx: Db,
  meetingId: number,
  guidelines: MeetingGuidelines,
  defaults: ReadonlyMap<string, string[]>,
  nameOf: (iso3: string) => string,
): { joined: number; left: number } {
  const current = readSpeakers(tx, meetingId);
  let joined = 0;
  let left = 0;
  const order = byStateNameOrder(nameOf);
  for (const item of guidelines.items) {
    ensureMeetingItem(tx, meetingId, item.number);
    for (const group of item.groups) {
      const wanted = new Set(defaults.get(group.key) ?? []);
      const rows = current.filter((r) => r.groupKey === group.key).sort((a, b) => a.position - b.position);
      const kept = rows.filter((r) => r.added || wanted.has(r.state));
      left += rows.length - kept.length;
      const present = new Set(rows.map((r) => r.state));
      for (const state of [...wanted].filter((s) => !present.has(s)).sort(order)) {
        const at = kept.findIndex((r) => order(state, r.state) < 0);
        const row: SpeakerRow = { groupKey: group.key, state, position: 0, absent: false, added: false };
        if (at < 0) kept.push(row);
        else kept.splice(at, 0, row);
        joined++;
      }
      replaceSpeakerGroup(tx, meetingId, group.key, kept);
    }
  }
  return { joined, left };
}

/** An intersessional meeting's plan as stored: its speakers' list and other interventions, with the time sums. */
export function readMeetingPlan(db: Db, guidelines: MeetingGuidelines, meetingId: number, nameOf: (iso3: string) => string): MeetingPlan {
  return meetingPlan(guidelines, readSpeakers(db, meetingId), readOtherInterventions(db, meetingId), nameOf);
}

/** Creates a meeting; an intersessional one gets its speakers' list from the data of its year. */
export function createMeeting(db: Db, details: MeetingDetails, source: SpeakerSource, by: Writer): number {
  const at = (by.now ?? new Date()).toISOString();
  return inTransaction(db, (tx) => {
    const id = insertMeeting(tx, details, at, by.userId);
    if (details.kind === 'intersessional') syncSpeakers(tx, id, source.guidelines, meetingDefaults(source, details), source.nameOf);
    return id;
  });
}

/**
 * Saves a meeting's details. An intersessional meeting whose year, kind or starting speakers changed
 * has its list brought in line with the data of its (new) year, or with nobody but the States added
 * by hand when only the States that asked for the floor speak.
 */
export function updateMeeting(db: Db, id: number, version: number | null, details: MeetingDetails, source: SpeakerSource, by: Writer) {
  return writeMeeting(db, id, version, by, (tx) => {
    const before = updateMeetingDetails(tx, id, details);
    const rebuild =
      details.kind === 'intersessional' &&
      (before.kind !== details.kind ||
        before.year !== details.year ||
        before.speakersFrom !== (details.speakersFrom ?? before.speakersFrom));
    return rebuild ? syncSpeakers(tx, id, source.guidelines, meetingDefaults(source, details), source.nameOf) : null;
  });
}

/** Brings the list in line with the data of the meeting's year (new populations, corrections). */
export function refreshSpeakers(
  db: Db,
  id: number,
  version: number | null,
  meeting: { year: number; speakersFrom?: 'population' | 'requests' },
  source: SpeakerSource,
  by: Writer,
) {
  return writeMeeting(db, id, version, by, (tx) =>
    syncSpeakers(tx, id, source.guidelines, meetingDefaults(source, meeting), source.nameOf),
  );
}

/** Replaces one group's rows (after `editGroup`). */
export function saveGroup(db: Db, id: number, version: number | null, groupKey: string, rows: readonly SpeakerRow[], by: Writer) {
  return writeMeeting(db, id, version, by, (tx) => replaceSpeakerGroup(tx, id, groupKey, rows));
}

/** Adds a State at the end of a group; refused (`false`) when it is already in the group. */
export function addSpeaker(db: Db, id: number, version: number | null, groupKey: string, state: string, by: Writer) {
  return writeMeeting(db, id, version, by, (tx) => {
    const rows = readSpeakers(tx, id).filter((r) => r.groupKey === groupKey);
    if (rows.some((r) => r.state === state)) return false;
    const position = rows.reduce((max, r) => Math.max(max, r.position), 0) + 1;
    insertSpeaker(tx, id, groupKey, state, position);
    return true;
  });
}

export function setOtherInterventions(db: Db, id: number, version: number | null, item: number, count: number, by: Writer) {
  return writeMeeting(db, id, version, by, (tx) => {
    setItemOtherInterventions(tx, id, item, count);
  });
}
