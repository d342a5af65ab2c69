import path from 'node:path';
import { z } from 'zod';
import { parsePopulationRef } from '../server/domain/population';
import { readJson, SEED_DATA_DIR } from './catalogue';

/**
 * The guidelines for intersessional meetings (docs/method.md#meeting-speakers) as
 * seed/data/meeting-guidelines.json holds them: agenda items 3 to 7, their speaker groups and the
 * questions put to each group, copied verbatim from the 2025 guidelines for participants.
 */

const nonEmpty = z.string().trim().min(1);
const populationRef = z.string().refine((p) => parsePopulationRef(p) !== null, { message: 'population inconnue' });

const groupSchema = z.object({
  /** Stable key: speakers' lists and URLs name the group by it. */
  key: z.string().regex(/^[a-z0-9-]+$/),
  name: nonEmpty,
  /** The population whose States speak; null: nobody by default (States ask for the floor). */
  population: populationRef.nullable(),
  /** Populations whose States speak in an earlier group of the item instead. */
  except: z.array(populationRef).default([]),
  minutes: z.number().int().min(1).max(60),
  /** The actions a briefing card covers; the item's actions when absent. */
  actions: z.array(z.number().int().min(1).max(48)).optional(),
  questionsHeading: nonEmpty,
  questions: z.array(z.object({ text: nonEmpty, details: z.array(nonEmpty).default([]) })).min(1),
});

const guidelinesSchema = z.object({
  source: nonEmpty,
  otherSpeakers: z.object({ name: nonEmpty, minutes: z.number().int().min(1).max(60) }),
  items: z
    .array(
      z.object({
        number: z.number().int().min(1),
        title: nonEmpty,
        /** The mechanism whose mandate the item covers. */
        mechanism: z.string().regex(/^[a-z0-9-]+$/),
        actions: z.array(z.number().int().min(1).max(48)).min(1),
        groups: z.array(groupSchema).min(1),
      }),
    )
    .min(1),
});

export type MeetingGuidelines = z.infer<typeof guidelinesSchema>;
export type GuidelineItem = MeetingGuidelines['items'][number];
export type GuidelineGroup = GuidelineItem['groups'][number];

let cached: MeetingGuidelines | null = null;

/** Reads and validates the guidelines (once); throws a French message naming the file on bad data. */
export function readMeetingGuidelines(dir = SEED_DATA_DIR): MeetingGuidelines {
  if (dir !== SEED_DATA_DIR) return readJson(guidelinesSchema, path.join(dir, 'meeting-guidelines.json'));
  cached ??= readJson(guidelinesSchema, path.join(dir, 'meeting-guidelines.json'));
  return cached;
}
