import type { EngineSnapshot } from '../engine/engine';
import { stateName } from '../state-names';
import type { GuidelineGroup, MeetingGuidelines } from '../../../seed/meeting-guidelines';
import { parsePopulationRef } from '../population';
import { byStateCodeName } from '../state-names';
import type { Locale } from '../../i18n/locale';

/** What an intersessional meeting needs from the data of its year to build its list. */
export interface SpeakerSource {
  guidelines: MeetingGuidelines;
  /** Group key → the States of its population, in any order. */
  defaults: (year: number) => ReadonlyMap<string, string[]>;
  nameOf: (iso3: string) => string;
}

/** The States of a population in the meeting's reporting year (`ref` as the catalogue writes it: « affected », « yes(46.1) »). */
export type PopulationOf = (ref: string) => ReadonlySet<string>;

/**
 * Alphabetical order of State names in the meeting's language, French by default, as lists of States
 * are read out in meetings (the shared order of lists of States, state-names.ts); `nameOf` gives the
 * names in that language.
 */
export const byStateNameOrder = (nameOf: (iso3: string) => string, locale: Locale = 'fr') => byStateCodeName(locale, nameOf);

/** The States of a group: its population without those of the populations it leaves to earlier groups. */
export function groupStates(group: GuidelineGroup, populationOf: PopulationOf): string[] {
  if (group.population === null) return [];
  const excluded = new Set(group.except.flatMap((ref) => [...populationOf(ref)]));
  return [...populationOf(group.population)].filter((state) => !excluded.has(state));
}

/**
 * The default speakers' list (docs/method.md#meeting-speakers): for every speaker group of every
 * agenda item, the States of its population in the reporting year, alphabetically by name in `locale`
 * (French by default).
 * Groups without a population (« tous les États parties ») start empty: States ask for the floor.
 */
export function defaultSpeakers(
  guidelines: MeetingGuidelines,
  populationOf: PopulationOf,
  nameOf: (iso3: string) => string,
  locale: Locale = 'fr',
): Map<string, string[]> {
  const speakers = new Map<string, string[]>();
  for (const item of guidelines.items) {
    for (const group of item.groups) speakers.set(group.key, groupStates(group, populationOf).sort(byStateNameOrder(nameOf, locale)));
  }
  return speakers;
}

/** Populations as the engine's `YearPopulations.get(key, of)` gives them, read from a catalogue reference. */
export function populationReader(get: (key: string, of: string | null) => ReadonlySet<string>): PopulationOf {
  return (ref) => {
    const parsed = parsePopulationRef(ref);
    return parsed ? get(parsed.key, parsed.of) : new Set();
  };
}

/**
 * The meeting's data for building speakers' lists: the populations and names of the engine's snapshot,
 * the names and their order in `locale` (the language of whoever draws up or reads the list).
 */
export function speakerSource(engine: EngineSnapshot, guidelines: MeetingGuidelines, locale: Locale = 'fr'): SpeakerSource {
  const nameOf = (iso3: string) => {
    const state = locale === 'fr' ? undefined : engine.state(iso3);
    return state ? stateName(state, locale).name : engine.stateName(iso3);
  };
  return {
    guidelines,
    nameOf,
    defaults: (year) =>
      defaultSpeakers(
        guidelines,
        populationReader((key, of) => engine.year(year).populations.get(key, of)),
        nameOf,
        locale,
      ),
  };
}

/** How the stored list differs from the data: States of the populations not listed, and listed States no longer in them. */
export function speakerDrift(
  defaults: ReadonlyMap<string, string[]>,
  rows: readonly { groupKey: string; state: string; added: boolean }[],
): { joined: number; left: number } {
  const listed = new Set(rows.map((r) => `${r.groupKey}:${r.state}`));
  let joined = 0;
  for (const [group, states] of defaults) for (const state of states) if (!listed.has(`${group}:${state}`)) joined++;
  const left = rows.filter((r) => !r.added && !(defaults.get(r.groupKey) ?? []).includes(r.state)).length;
  return { joined, left };
}

/**
 * The list a meeting starts from and is kept in line with: its year's populations, or nobody when
 * only the States that ask for the floor speak (they are added by hand).
 */
export function meetingDefaults(
  source: SpeakerSource,
  meeting: { year: number; speakersFrom?: 'population' | 'requests' },
): ReadonlyMap<string, string[]> {
  return meeting.speakersFrom === 'requests' ? new Map() : source.defaults(meeting.year);
}
