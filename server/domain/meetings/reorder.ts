import type { SpeakerRow } from './plan';
import { formText } from '../workspace/form';

/** What a user asks of one group of the speakers' list in one submission. */
export interface GroupEdit {
  /** Rank typed for a State (1 = first); States without one keep their place relative to the others. */
  ranks: ReadonlyMap<string, number>;
  /** The States marked absent; the others are present. */
  absent: ReadonlySet<string>;
  /** A « move up / move down » button pressed for a State. */
  move: { state: string; by: -1 | 1 } | null;
  /** An added State to take off the list. */
  remove: string | null;
}

/**
 * The group's rows after an edit, numbered 1…n. A State whose typed rank differs from its place is
 * put at that rank, the others keeping their order around it (so « 1 » for the last State makes it
 * first, and « 4 » for the second makes it fourth); then the button's move swaps the State with its
 * neighbour, and a removal closes the gap. Only added States can be removed: the others come from
 * the data and are marked absent.
 */
export function editGroup(rows: readonly SpeakerRow[], edit: GroupEdit): SpeakerRow[] {
  const current = [...rows]
    .sort((a, b) => a.position - b.position)
    .map((row, index) => ({ ...row, absent: edit.absent.has(row.state), place: index + 1 }));
  const rankOf = (row: { state: string; place: number }) => edit.ranks.get(row.state) ?? row.place;
  const ordered = current.filter((row) => rankOf(row) === row.place);
  const moved = current.filter((row) => rankOf(row) !== row.place).sort((a, b) => rankOf(a) - rankOf(b) || a.place - b.place);
  let previous: { rank: number; at: number } | null = null;
  for (const row of moved) {
    const rank = rankOf(row);
    // States given the same rank follow one another in their current order.
    const at: number = previous?.rank === rank ? previous.at + 1 : Math.min(rank - 1, ordered.length);
    ordered.splice(at, 0, row);
    previous = { rank, at };
  }
  if (edit.move) {
    const at = ordered.findIndex((r) => r.state === edit.move!.state);
    const to = at + edit.move.by;
    if (at >= 0 && to >= 0 && to < ordered.length) [ordered[at], ordered[to]] = [ordered[to]!, ordered[at]!];
  }
  return ordered
    .filter((row) => !(row.added && row.state === edit.remove))
    .map(({ place: _place, ...row }, index) => ({ ...row, position: index + 1 }));
}

/** A typed rank that is not one: for the element `field` (`fieldId`), the State's code and what was typed (cut at 20). */
export interface RankProblem {
  field: string;
  code: 'badRank';
  state: string;
  typed: string;
}

/**
 * Reads the posted form of one group: `rank:ISO3` fields, `absent:ISO3` checkboxes, a `move` button
 * (`up:ISO3` / `down:ISO3`) and a `remove` button. Ranks must be whole numbers from 1; a problem per
 * bad field, by element id (`fieldId`), names the State it is about (worded by presenters/meeting-problems.ts).
 */
export function readGroupEdit(
  body: Record<string, unknown>,
  rows: readonly SpeakerRow[],
  fieldId: (state: string) => string,
): { ok: true; edit: GroupEdit } | { ok: false; errors: RankProblem[] } {
  const listed = new Set(rows.map((r) => r.state));
  const ranks = new Map<string, number>();
  const errors: RankProblem[] = [];
  for (const row of rows) {
    const typed = formText(body[`rank:${row.state}`]).trim();
    if (typed === '') continue;
    if (!/^[0-9]{1,4}$/.test(typed) || Number(typed) < 1) {
      errors.push({ field: fieldId(row.state), code: 'badRank', state: row.state, typed: typed.slice(0, 20) });
    } else {
      ranks.set(row.state, Number(typed));
    }
  }
  const move = /^(up|down):([A-Z]{3})$/.exec(formText(body.move));
  const remove = formText(body.remove);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    edit: {
      ranks,
      absent: new Set(rows.filter((r) => formText(body[`absent:${r.state}`]) !== '').map((r) => r.state)),
      move: move && listed.has(move[2]!) ? { state: move[2]!, by: move[1] === 'up' ? -1 : 1 } : null,
      remove: listed.has(remove) ? remove : null,
    },
  };
}

/** What a refused group form held, to show it again as typed: ranks (cut at 20) and absence boxes, by State. */
export interface TypedGroupForm {
  ranks: ReadonlyMap<string, string>;
  absent: ReadonlySet<string>;
}

/** Reads back the posted group form for the States listed only: anything else posted is ignored. */
export function typedGroupForm(body: Record<string, unknown>, rows: readonly SpeakerRow[]): TypedGroupForm {
  return {
    ranks: new Map(rows.map((r) => [r.state, formText(body[`rank:${r.state}`]).trim().slice(0, 20)])),
    absent: new Set(rows.filter((r) => formText(body[`absent:${r.state}`]) !== '').map((r) => r.state)),
  };
}
