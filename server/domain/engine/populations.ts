import { isPartyInYear } from '../registry';
import type { EngineIndex } from './index-data';
import type { EngineIndicator } from './types';

const EMPTY: ReadonlySet<string> = new Set();

/** The populations that make up `obligations` (docs/method.md#obligations): Articles 5, 4 and 3. */
export const OBLIGATION_POPULATIONS = ['affected', 'article4', 'article3'] as const;

/**
 * The populations of one year, each computed once: `party` and `non_party` from the registry's dates,
 * entered populations from memberships (kept to States party that year), `obligations` as a union
 * (a State in several counts once) and `yes(X)` from the answers to X.
 */
export class YearPopulations {
  private readonly cache = new Map<string, ReadonlySet<string>>();

  constructor(
    private readonly index: EngineIndex,
    readonly year: number,
    /** The States whose answer to an indicator counts as yes this year (its numerator). */
    private readonly yesOf: (code: string) => readonly string[],
  ) {}

  get(key: string, of: string | null = null): ReadonlySet<string> {
    const cacheKey = key === 'yes' ? `yes(${of})` : key;
    let members = this.cache.get(cacheKey);
    if (!members) {
      members = this.compute(key, of);
      this.cache.set(cacheKey, members);
    }
    return members;
  }

  of(indicator: EngineIndicator): ReadonlySet<string> {
    return indicator.population === null ? EMPTY : this.get(indicator.population, indicator.populationOf);
  }

  private compute(key: string, of: string | null): ReadonlySet<string> {
    const { index, year } = this;
    switch (key) {
      case 'party':
        return index.parties.get(year) ?? new Set(index.states.filter((s) => isPartyInYear(s, year)).map((s) => s.iso3));
      case 'non_party': {
        const party = this.get('party');
        return new Set(index.states.filter((s) => !party.has(s.iso3)).map((s) => s.iso3));
      }
      case 'obligations': {
        const union = new Set<string>();
        for (const population of OBLIGATION_POPULATIONS) for (const state of this.get(population)) union.add(state);
        return union;
      }
      case 'yes':
        // The States counted in X's numerator, so a yes from outside X's population does not count either.
        return of === null ? EMPTY : new Set(this.yesOf(of));
      default: {
        const party = this.get('party');
        const entered = index.memberships.get(year)?.get(key) ?? EMPTY;
        return new Set([...entered].filter((state) => party.has(state)));
      }
    }
  }
}
