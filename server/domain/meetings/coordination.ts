import type { Db } from '../../../db/client';
import { nextIntersessional, previousMeeting, type Meeting } from '../../../db/queries/meetings';
import { auditEntriesSince } from '../../../db/queries/pack';
import type { MeetingGuidelines } from '../../../seed/meeting-guidelines';
import type { Catalogue } from '../catalogue';
import type { EngineSnapshot } from '../engine/engine';
import { buildPack, packWindow, type CoordinationPack } from './pack';
import type { MeetingPlan } from './plan';
import { readMeetingPlan } from './store';

export interface CoordinationPackRead {
  /** The Committee's previous meeting, whose first day opens the pack's window; null: since the trail began. */
  previous: Meeting | null;
  /** The next intersessional meeting, whose speakers' list the pack quotes; null when none is planned. */
  intersessional: Meeting | null;
  pack: CoordinationPack;
  /** The intersessional meeting's speakers' list as planned; null without one. */
  plan: MeetingPlan | null;
}

/** The Coordinating Committee's pack of one of its meetings, from the data as the workspace sees them. */
export function readCoordinationPack(
  db: Db,
  meeting: Meeting,
  view: { catalogue: Catalogue; engine: EngineSnapshot },
  guidelines: MeetingGuidelines,
  now: Date = new Date(),
): CoordinationPackRead {
  const previous = previousMeeting(db, meeting);
  const window = packWindow(previous?.startsOn ?? null, meeting.startsOn, now);
  const intersessional = nextIntersessional(db, meeting.startsOn);
  const plan = intersessional ? readMeetingPlan(db, guidelines, intersessional.id, (iso3) => view.engine.stateName(iso3)) : null;
  const pack = buildPack({
    catalogue: view.catalogue,
    year: meeting.year,
    window,
    entries: auditEntriesSince(db, window.from),
    data: view.engine.data,
    engine: view.engine,
    plan,
  });
  return { previous, intersessional, pack, plan };
}
