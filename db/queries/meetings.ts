import { and, asc, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { META } from './meta';
import { prepareOnce } from './prepared';
import { meetingItems, meetings, meetingSpeakers, users } from '../schema';
import type { SpeakerRow } from '../../server/domain/meetings/plan';

export type Meeting = typeof meetings.$inferSelect & { updatedByEmail: string | null };

const meetingColumns = {
  id: meetings.id,
  kind: meetings.kind,
  title: meetings.title,
  startsOn: meetings.startsOn,
  endsOn: meetings.endsOn,
  place: meetings.place,
  year: meetings.year,
  agenda: meetings.agenda,
  sittings: meetings.sittings,
  speakersFrom: meetings.speakersFrom,
  version: meetings.version,
  createdAt: meetings.createdAt,
  createdBy: meetings.createdBy,
  updatedAt: meetings.updatedAt,
  updatedBy: meetings.updatedBy,
  updatedByEmail: users.email,
};

const selectMeetings = (db: Db) => db.select(meetingColumns).from(meetings).leftJoin(users, eq(users.id, meetings.updatedBy));

/** Every meeting, the latest first. */
export function listMeetings(db: Db): Meeting[] {
  return selectMeetings(db).orderBy(desc(meetings.startsOn), desc(meetings.id)).all();
}

export function readMeeting(db: Db, id: number): Meeting | null {
  return selectMeetings(db).where(eq(meetings.id, id)).get() ?? null;
}

/** The meeting of the same kind just before this one (by first day, then by creation), or null. */
export function previousMeeting(db: Db, meeting: Pick<Meeting, 'id' | 'kind' | 'startsOn'>): Meeting | null {
  return (
    selectMeetings(db)
      .where(
        and(
          eq(meetings.kind, meeting.kind),
          or(lt(meetings.startsOn, meeting.startsOn), and(eq(meetings.startsOn, meeting.startsOn), lt(meetings.id, meeting.id))),
        ),
      )
      .orderBy(desc(meetings.startsOn), desc(meetings.id))
      .limit(1)
      .get() ?? null
  );
}

/** The next intersessional meeting on or after a day, or null. */
export function nextIntersessional(db: Db, fromDay: string): Meeting | null {
  return (
    selectMeetings(db)
      .where(and(eq(meetings.kind, 'intersessional'), sql`${meetings.endsOn} >= ${fromDay}`))
      .orderBy(asc(meetings.startsOn), asc(meetings.id))
      .limit(1)
      .get() ?? null
  );
}

export function readSpeakers(db: Db, meetingId: number): SpeakerRow[] {
  return db
    .select({
      groupKey: meetingSpeakers.groupKey,
      state: meetingSpeakers.state,
      position: meetingSpeakers.position,
      absent: meetingSpeakers.absent,
      added: meetingSpeakers.added,
    })
    .from(meetingSpeakers)
    .where(eq(meetingSpeakers.meetingId, meetingId))
    .orderBy(asc(meetingSpeakers.groupKey), asc(meetingSpeakers.position))
    .all();
}

/** Agenda item → number of other interventions planned. */
export function readOtherInterventions(db: Db, meetingId: number): Map<number, number> {
  const rows = db.select().from(meetingItems).where(eq(meetingItems.meetingId, meetingId)).all();
  return new Map(rows.map((r) => [r.item, r.otherInterventions]));
}

/**
 * A key that changes whenever any meeting, agenda item or speakers' list changes, from any connection:
 * triggers move a counter in `meta` on every write to those tables (migration 0010_meetings_version).
 * Meetings are not audited, so the data version does not see them. Read on every signed-in request:
 * one lookup by key.
 */
export function meetingsVersion(db: Db): string {
  const row = prepareOnce(db, `SELECT value FROM meta WHERE key = '${META.meetingsVersion}'`).get() as { value: string } | undefined;
  return row?.value ?? '';
}

/**
 * Moves a meeting's version on from `version`, recording who and when; false when the meeting is
 * at another version (or gone): the caller writes nothing then.
 */
export function bumpMeetingVersion(db: Db, id: number, version: number | null, at: string, by: number | null): boolean {
  return (
    db
      .update(meetings)
      .set({ version: sql`${meetings.version} + 1`, updatedAt: at, updatedBy: by })
      .where(and(eq(meetings.id, id), eq(meetings.version, version ?? -1)))
      .run().changes > 0
  );
}

export const meetingExists = (db: Db, id: number): boolean =>
  db.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, id)).get() !== undefined;

export type MeetingDetailsRow = Pick<typeof meetings.$inferInsert, 'kind' | 'title' | 'startsOn' | 'endsOn' | 'place' | 'year' | 'agenda'>;

/** Adds a meeting; returns its id. */
export function insertMeeting(db: Db, details: MeetingDetailsRow, at: string, by: number | null): number {
  return db
    .insert(meetings)
    .values({ ...details, createdAt: at, createdBy: by, updatedAt: at, updatedBy: by })
    .returning({ id: meetings.id })
    .get().id;
}

/** Replaces a meeting's details; returns its kind and year before. */
export function updateMeetingDetails(
  db: Db,
  id: number,
  details: MeetingDetailsRow,
): { kind: Meeting['kind']; year: number | null; speakersFrom: Meeting['speakersFrom'] } {
  const before = db
    .select({ kind: meetings.kind, year: meetings.year, speakersFrom: meetings.speakersFrom })
    .from(meetings)
    .where(eq(meetings.id, id))
    .get()!;
  db.update(meetings).set(details).where(eq(meetings.id, id)).run();
  return before;
}

/** The row of an agenda item of a meeting, made when missing. */
export function ensureMeetingItem(db: Db, meetingId: number, item: number): void {
  db.insert(meetingItems).values({ meetingId, item }).onConflictDoNothing().run();
}

/** Replaces one group's rows of a speakers' list, numbered in the given order. */
export function replaceSpeakerGroup(
  db: Db,
  meetingId: number,
  groupKey: string,
  rows: readonly Omit<SpeakerRow, 'groupKey' | 'position'>[],
): void {
  db.delete(meetingSpeakers)
    .where(and(eq(meetingSpeakers.meetingId, meetingId), eq(meetingSpeakers.groupKey, groupKey)))
    .run();
  rows.forEach((row, index) => {
    db.insert(meetingSpeakers)
      .values({ meetingId, groupKey, state: row.state, position: index + 1, absent: row.absent, added: row.added })
      .run();
  });
}

/** Adds a State, added by a user, at `position` of a group. */
export function insertSpeaker(db: Db, meetingId: number, groupKey: string, state: string, position: number): void {
  db.insert(meetingSpeakers).values({ meetingId, groupKey, state, position, absent: false, added: true }).run();
}

/** The number of other interventions planned for an agenda item. */
export function setItemOtherInterventions(db: Db, meetingId: number, item: number, count: number): void {
  db.insert(meetingItems)
    .values({ meetingId, item, otherInterventions: count })
    .onConflictDoUpdate({ target: [meetingItems.meetingId, meetingItems.item], set: { otherInterventions: count } })
    .run();
}
