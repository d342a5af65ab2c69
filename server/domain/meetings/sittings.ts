/**
 * The sittings of a meeting (days and hours) and whether the speakers' list fits in them
 * (docs/method.md#meeting-time). Entered with the meeting, one sitting per line:
 * « 2027-06-16 10:00-13:00 ». Pure: text in, sittings or problems out, as codes with what the
 * message needs (worded by presenters/meeting-problems.ts in the reader's language).
 */

/** One sitting: a day, and its start and end in minutes from midnight. */
export interface Sitting {
  day: string;
  start: number;
  end: number;
}

/** A meeting of a week holds about ten sittings; beyond this, the text is not a list of sittings. */
export const SITTINGS_MAX = 40;

/** What is wrong with the typed sittings; `line` is the line's number in the field, from 1. */
export type SittingProblem =
  | { code: 'tooManyLines'; max: number; lines: number }
  | { code: 'lineFormat'; line: number; text: string }
  | { code: 'notADay'; line: number; day: string }
  | { code: 'badHour'; line: number }
  | { code: 'endsBeforeStart'; line: number; start: string; end: string }
  | { code: 'outsideMeeting'; line: number; day: string; startsOn: string | null; endsOn: string | null }
  | { code: 'overlap'; day: string; start: string; previousStart: string; previousEnd: string };

export type SittingsReading = { ok: true; sittings: Sitting[] } | { ok: false; problems: SittingProblem[] };

const LINE = /^(\d{4}-\d{2}-\d{2})\s+(\d{1,2})\s*[:h]\s*(\d{2})?\s*(?:-|–|à)\s*(\d{1,2})\s*[:h]\s*(\d{2})?$/i;

const clock = (hours: string, minutes: string | undefined): number | null => {
  const h = Number(hours);
  const m = minutes === undefined ? 0 : Number(minutes);
  return h <= 24 && m < 60 && h * 60 + m <= 24 * 60 ? h * 60 + m : null;
};

/** « 10:00 », as the text of a sitting is written back. */
export const clockText = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The text of sittings as stored: one per line, in order. */
export const sittingsText = (sittings: readonly Sitting[]) =>
  sittings.map((s) => `${s.day} ${clockText(s.start)}-${clockText(s.end)}`).join('\n');

/**
 * Reads the sittings typed in the meeting form, each checked against the meeting's days; the
 * problems name the line. Blank lines are skipped; an empty text is no sittings (not entered yet).
 */
export function readSittings(text: string, startsOn: string | null, endsOn: string | null): SittingsReading {
  const lines = text
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter((l) => l.line !== '');
  if (lines.length > SITTINGS_MAX) return { ok: false, problems: [{ code: 'tooManyLines', max: SITTINGS_MAX, lines: lines.length }] };
  const problems: SittingProblem[] = [];
  const sittings: Sitting[] = [];
  for (const { line: text, number: line } of lines) {
    const match = LINE.exec(text);
    if (!match) {
      problems.push({ code: 'lineFormat', line, text: text.slice(0, 40) });
      continue;
    }
    const [, day, h1, m1, h2, m2] = match as unknown as [string, string, string, string | undefined, string, string | undefined];
    const date = new Date(`${day}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) {
      problems.push({ code: 'notADay', line, day });
      continue;
    }
    const start = clock(h1, m1);
    const end = clock(h2, m2);
    if (start === null || end === null) {
      problems.push({ code: 'badHour', line });
      continue;
    }
    if (end <= start) {
      problems.push({ code: 'endsBeforeStart', line, start: clockText(start), end: clockText(end) });
      continue;
    }
    if ((startsOn !== null && day < startsOn) || (endsOn !== null && day > endsOn)) {
      problems.push({ code: 'outsideMeeting', line, day, startsOn, endsOn });
      continue;
    }
    sittings.push({ day, start, end });
  }
  sittings.sort((a, b) => a.day.localeCompare(b.day) || a.start - b.start);
  for (let i = 1; i < sittings.length; i++) {
    const [a, b] = [sittings[i - 1]!, sittings[i]!];
    if (a.day === b.day && b.start < a.end) {
      problems.push({
        code: 'overlap',
        day: b.day,
        start: clockText(b.start),
        previousStart: clockText(a.start),
        previousEnd: clockText(a.end),
      });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, sittings };
}

/** The stored text read back (it was checked when saved: a line that no longer reads is skipped). */
export function storedSittings(text: string): Sitting[] {
  const read = readSittings(text, null, null);
  return read.ok ? read.sittings : [];
}

/** A moment of the meeting: a day and minutes from midnight. */
export interface Moment {
  day: string;
  minute: number;
}

export interface ItemTime {
  number: number;
  /** What the item's speakers' list needs. */
  needed: number;
  /** When the item would start and end if the items follow one another in the sittings; null: after the last sitting. */
  startsAt: Moment | null;
  endsAt: Moment | null;
  /** Minutes of the item past the end of the last sitting (0: it fits). */
  over: number;
}

export interface TimeFit {
  /** Sum of the sittings' lengths. */
  available: number;
  needed: number;
  items: ItemTime[];
  /** `needed` − `available` when positive, else 0. */
  missing: number;
}

/**
 * Lays the agenda items one after the other in the sittings, in order, an item carrying over into
 * the next sitting when one ends: what fits, when each item would run, and by how much the items
 * that do not fit run past the last sitting.
 */
export function fitInSittings(items: readonly { number: number; minutes: number }[], sittings: readonly Sitting[]): TimeFit {
  const available = sittings.reduce((sum, s) => sum + (s.end - s.start), 0);
  let index = 0;
  let at = sittings[0]?.start ?? 0;
  const result: ItemTime[] = [];
  for (const item of items) {
    // Past the end of a sitting: the next one.
    while (index < sittings.length && at >= sittings[index]!.end) {
      index++;
      at = sittings[index]?.start ?? 0;
    }
    const startsAt = index < sittings.length ? { day: sittings[index]!.day, minute: at } : null;
    let left = item.minutes;
    let endsAt: Moment | null = startsAt;
    while (left > 0 && index < sittings.length) {
      const sitting = sittings[index]!;
      const used = Math.min(left, sitting.end - at);
      left -= used;
      at += used;
      endsAt = { day: sitting.day, minute: at };
      if (left > 0) {
        index++;
        at = sittings[index]?.start ?? 0;
      }
    }
    result.push({ number: item.number, needed: item.minutes, startsAt, endsAt: left > 0 ? null : endsAt, over: left });
  }
  const needed = items.reduce((sum, i) => sum + i.minutes, 0);
  return { available, needed, items: result, missing: Math.max(0, needed - available) };
}
