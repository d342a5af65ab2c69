import { readMeetingGuidelines } from '../../../../seed/meeting-guidelines';
import { meetingPlan, type SpeakerRow } from '../../../../server/domain/meetings/plan';
import { editGroup, readGroupEdit } from '../../../../server/domain/meetings/reorder';
import { rankFieldErrors } from '../../../../server/presenters/meeting-problems';
import { defaultSpeakers, speakerDrift } from '../../../../server/domain/meetings/speaker-groups';

const guidelines = readMeetingGuidelines();
const NAMES: Record<string, string> = {
  AFG: 'Afghanistan',
  KHM: 'Cambodge',
  COL: 'Colombie',
  ECU: 'Équateur',
  ERI: 'Érythrée',
  ETH: 'Éthiopie',
  TCD: 'Tchad',
  NOR: 'Norvège',
  DEU: 'Allemagne',
  UKR: 'Ukraine',
  BEL: 'Belgique',
  USA: 'États-Unis d’Amérique',
};
const nameOf = (iso3: string) => NAMES[iso3] ?? iso3;
const POPULATIONS: Record<string, string[]> = {
  victims: ['KHM', 'AFG', 'COL'],
  affected: ['ETH', 'KHM', 'ECU', 'AFG', 'TCD', 'ERI', 'COL'],
  extension_request: ['ECU'],
  workplan_update: ['TCD'],
  donor: ['NOR', 'DEU'],
  'yes(46.1)': ['UKR'],
  non_party: ['USA'],
  article4: ['UKR'],
  article3: ['BEL', 'DEU'],
};
const populationOf = (ref: string) => new Set(POPULATIONS[ref] ?? []);
const minutesOf = (key: string) => guidelines.items.flatMap((i) => i.groups).find((g) => g.key === key)!.minutes;

function rowsOf(speakers: Map<string, string[]>): SpeakerRow[] {
  return [...speakers].flatMap(([groupKey, states]) =>
    states.map((state, index) => ({ groupKey, state, position: index + 1, absent: false, added: false })),
  );
}

describe('speaker groups from the populations (docs/method.md#meeting-speakers)', () => {
  const speakers = defaultSpeakers(guidelines, populationOf, nameOf);

  test('each group takes its population, alphabetically by French name, accents sorted as letters', () => {
    expect(speakers.get('victims')).toEqual(['AFG', 'KHM', 'COL']);
    expect(speakers.get('extension-request')).toEqual(['ECU']);
    expect(speakers.get('workplan-update')).toEqual(['TCD']);
    // A byte-wise sort would put Équateur, Érythrée and Éthiopie after Tchad.
    expect(speakers.get('other-affected')).toEqual(['AFG', 'KHM', 'COL', 'ERI', 'ETH']);
    expect(speakers.get('seeking-assistance')).toEqual(['AFG', 'KHM', 'COL', 'ECU', 'ERI', 'ETH', 'TCD']);
    expect(speakers.get('providing-assistance')).toEqual(['DEU', 'NOR']);
    expect(speakers.get('alleged-use')).toEqual(['UKR']);
    expect(speakers.get('non-party')).toEqual(['USA']);
    expect(speakers.get('article4')).toEqual(['UKR']);
    expect(speakers.get('article3')).toEqual(['DEU', 'BEL']);
  });

  test('the groups of all States Parties start empty: States ask for the floor', () => {
    expect(speakers.get('all-parties-compliance')).toEqual([]);
    expect(speakers.get('all-parties-universalisation')).toEqual([]);
  });

  test('the items are 3 to 7 with the guidelines’ groups in order, each led by its committee', () => {
    expect(guidelines.items.map((i) => [i.number, i.mechanism, i.groups.map((g) => g.key)])).toEqual([
      [3, 'victim-assistance', ['victims']],
      [4, 'article5', ['extension-request', 'workplan-update', 'other-affected']],
      [5, 'cooperation', ['seeking-assistance', 'providing-assistance']],
      [6, 'compliance', ['alleged-use', 'all-parties-compliance']],
      [7, 'president', ['non-party', 'all-parties-universalisation', 'article4', 'article3']],
    ]);
    expect(minutesOf('victims')).toBe(5);
    expect(minutesOf('extension-request')).toBe(8);
    expect(minutesOf('workplan-update')).toBe(5);
    expect(minutesOf('other-affected')).toBe(5);
    expect(guidelines.otherSpeakers.minutes).toBe(3);
  });

  test('the drift counts States of the populations missing from the list and listed States gone from them', () => {
    const rows = rowsOf(speakers).filter((r) => r.state !== 'COL' || r.groupKey !== 'victims');
    rows.push({ groupKey: 'victims', state: 'NOR', position: 9, absent: false, added: false });
    rows.push({ groupKey: 'victims', state: 'BEL', position: 10, absent: false, added: true });
    expect(speakerDrift(speakers, rows)).toEqual({ joined: 1, left: 1 });
    expect(speakerDrift(speakers, rowsOf(speakers))).toEqual({ joined: 0, left: 0 });
  });
});

describe('the questions attached to each group', () => {
  const group = (key: string) => guidelines.items.flatMap((i) => i.groups).find((g) => g.key === key)!;

  test('each group has the number of questions of its part of the guidelines, in order', () => {
    const counts = Object.fromEntries(guidelines.items.flatMap((i) => i.groups).map((g) => [g.key, g.questions.length]));
    expect(counts).toEqual({
      victims: 6,
      'extension-request': 5,
      'workplan-update': 5,
      'other-affected': 5,
      'seeking-assistance': 4,
      'providing-assistance': 4,
      'alleged-use': 2,
      'all-parties-compliance': 1,
      'non-party': 3,
      'all-parties-universalisation': 2,
      article4: 4,
      article3: 4,
    });
  });

  test('questions belong to the group they address', () => {
    expect(group('extension-request').questions[2]!.text).toMatch(/^Quelle est la durée de la demande/);
    expect(group('extension-request').questionsHeading).toMatch(/demandé ou ont indiqué qu'ils demanderaient une prolongation/);
    expect(group('workplan-update').questionsHeading).toMatch(/plans de travail actualisés/);
    expect(group('seeking-assistance').questionsHeading).toMatch(/qui demandent une assistance/);
    expect(group('providing-assistance').questions[0]!.text).toMatch(/a-t-il fourni une assistance aux États parties touchés/);
    expect(group('alleged-use').questions[0]!.text).toMatch(/allégations ou à l'utilisation confirmée/);
    expect(group('non-party').questions[2]!.text).toMatch(/n'a pas adhéré à la Convention/);
    expect(group('article4').questions[3]!.text).toBe("Quelle est la date d'achèvement prévue ?");
    expect(group('article3').questions[2]!.details).toHaveLength(3);
  });
});

describe('time sums', () => {
  const speakers = defaultSpeakers(guidelines, populationOf, nameOf);
  const expectedItemMinutes = (rows: SpeakerRow[], others: Map<number, number>) =>
    guidelines.items.map(
      (item) =>
        item.groups.reduce((sum, g) => sum + rows.filter((r) => r.groupKey === g.key && !r.absent).length * g.minutes, 0) +
        (others.get(item.number) ?? 0) * guidelines.otherSpeakers.minutes,
    );

  test('each present speaker gets the group’s time; items and the meeting sum them with the other interventions', () => {
    const rows = rowsOf(speakers);
    const others = new Map([
      [3, 2],
      [7, 4],
    ]);
    const plan = meetingPlan(guidelines, rows, others, nameOf);
    expect(plan.items.map((i) => i.minutes)).toEqual(expectedItemMinutes(rows, others));
    // Item 4: one extension request (8), one work plan (5), five other affected States (5 each).
    expect(plan.items[1]!.minutes).toBe(8 + 5 + 5 * 5);
    expect(plan.items[0]!.minutes).toBe(3 * 5 + 2 * 3);
    expect(plan.minutes).toBe(expectedItemMinutes(rows, others).reduce((a, b) => a + b, 0));
    expect(plan.present).toBe(rows.length);
  });

  test('an absent speaker keeps a place but no time; reordering does not change the sums', () => {
    const rows = rowsOf(speakers);
    const before = meetingPlan(guidelines, rows, new Map(), nameOf);
    const group = rows.filter((r) => r.groupKey === 'other-affected');
    const edited = editGroup(group, { ranks: new Map([['ETH', 1]]), absent: new Set(['KHM']), move: null, remove: null });
    const after = meetingPlan(guidelines, [...rows.filter((r) => r.groupKey !== 'other-affected'), ...edited], new Map(), nameOf);
    expect(after.items[1]!.groups[2]!.speakers.map((s) => [s.state, s.minutes])).toEqual([
      ['ETH', 5],
      ['AFG', 5],
      ['KHM', 0],
      ['COL', 5],
      ['ERI', 5],
    ]);
    expect(after.items[1]!.minutes).toBe(before.items[1]!.minutes - 5);
    expect(after.minutes).toBe(before.minutes - 5);
    expect(after.present).toBe(before.present - 1);
  });
});

describe('editing a group', () => {
  const group: SpeakerRow[] = ['AFG', 'KHM', 'COL', 'ERI'].map((state, i) => ({
    groupKey: 'other-affected',
    state,
    position: i + 1,
    absent: false,
    added: state === 'ERI',
  }));
  const none = { ranks: new Map<string, number>(), absent: new Set<string>(), move: null, remove: null };
  const order = (rows: SpeakerRow[]) => rows.map((r) => `${r.position}:${r.state}`);

  test('typed ranks order the list; States given the same rank follow in their current order; positions are renumbered', () => {
    expect(
      order(
        editGroup(group, {
          ...none,
          ranks: new Map([
            ['COL', 1],
            ['ERI', 1],
          ]),
        }),
      ),
    ).toEqual(['1:COL', '2:ERI', '3:AFG', '4:KHM']);
    expect(order(editGroup(group, { ...none, ranks: new Map([['AFG', 99]]) }))).toEqual(['1:KHM', '2:COL', '3:ERI', '4:AFG']);
  });

  test('moving up or down swaps with the neighbour; at the ends nothing moves', () => {
    expect(order(editGroup(group, { ...none, move: { state: 'COL', by: -1 } }))).toEqual(['1:AFG', '2:COL', '3:KHM', '4:ERI']);
    expect(order(editGroup(group, { ...none, move: { state: 'AFG', by: -1 } }))).toEqual(['1:AFG', '2:KHM', '3:COL', '4:ERI']);
    expect(order(editGroup(group, { ...none, move: { state: 'ERI', by: 1 } }))).toEqual(['1:AFG', '2:KHM', '3:COL', '4:ERI']);
  });

  test('only an added State can be removed; States from the data are marked absent instead', () => {
    expect(order(editGroup(group, { ...none, remove: 'ERI' }))).toEqual(['1:AFG', '2:KHM', '3:COL']);
    expect(order(editGroup(group, { ...none, remove: 'KHM' }))).toEqual(['1:AFG', '2:KHM', '3:COL', '4:ERI']);
  });

  test('the posted form is read field by field, with a message naming the State of a bad rank', () => {
    const read = readGroupEdit(
      { 'rank:AFG': '2', 'rank:KHM': '1', 'absent:COL': '1', move: 'down:AFG', remove: 'XXX' },
      group,
      (s) => `rang-${s}`,
    );
    expect(read.ok && { ...read.edit, ranks: [...read.edit.ranks], absent: [...read.edit.absent] }).toEqual({
      ranks: [
        ['AFG', 2],
        ['KHM', 1],
      ],
      absent: ['COL'],
      move: { state: 'AFG', by: 1 },
      remove: null,
    });
    const bad = readGroupEdit({ 'rank:KHM': 'premier', 'rank:AFG': '0' }, group, (s) => `rang-${s}`);
    expect(bad).toEqual({
      ok: false,
      errors: [
        { field: 'rang-AFG', code: 'badRank', state: 'AFG', typed: '0' },
        { field: 'rang-KHM', code: 'badRank', state: 'KHM', typed: 'premier' },
      ],
    });
    // Worded by the presenter, in French by default.
    expect(!bad.ok && rankFieldErrors(bad.errors, nameOf)).toEqual([
      { field: 'rang-AFG', message: expect.stringContaining('Rang de Afghanistan : « 0 »') },
      { field: 'rang-KHM', message: expect.stringContaining('Rang de Cambodge : « premier » n’est pas un rang') },
    ]);
  });
});

describe('ranks as the form posts them (every row carries its rank)', () => {
  const group: SpeakerRow[] = ['AFG', 'KHM', 'COL', 'ERI', 'ETH'].map((state, i) => ({
    groupKey: 'g',
    state,
    position: i + 1,
    absent: false,
    added: false,
  }));
  const typed = (changes: Record<string, number>) => new Map(group.map((r) => [r.state, changes[r.state] ?? r.position]));
  const states = (rows: SpeakerRow[]) => rows.map((r) => r.state);
  const none = { absent: new Set<string>(), move: null, remove: null };

  test('a State given a smaller rank goes up to it, a State given a larger rank goes down to it', () => {
    expect(states(editGroup(group, { ...none, ranks: typed({ ETH: 1 }) }))).toEqual(['ETH', 'AFG', 'KHM', 'COL', 'ERI']);
    expect(states(editGroup(group, { ...none, ranks: typed({ KHM: 4 }) }))).toEqual(['AFG', 'COL', 'ERI', 'KHM', 'ETH']);
    expect(states(editGroup(group, { ...none, ranks: typed({ AFG: 5, ETH: 1 }) }))).toEqual(['ETH', 'KHM', 'COL', 'ERI', 'AFG']);
  });
});
