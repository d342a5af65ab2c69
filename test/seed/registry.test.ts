import { isPartyInYear } from '../../server/domain/registry';
import { readSeedRegistry } from '../../seed/registry';

const NOT_PARTY = [
  'ARM',
  'AZE',
  'BHR',
  'CHN',
  'CUB',
  'EGY',
  'GEO',
  'IND',
  'IRN',
  'ISR',
  'KAZ',
  'PRK',
  'KOR',
  'KGZ',
  'LAO',
  'LBN',
  'LBY',
  'MHL',
  'FSM',
  'MNG',
  'MAR',
  'MMR',
  'NPL',
  'PAK',
  'RUS',
  'SAU',
  'SGP',
  'SYR',
  'TON',
  'ARE',
  'USA',
  'UZB',
  'VNM',
];

describe('registry of States', () => {
  const registry = readSeedRegistry();

  test('164 States Parties and the 33 States not party at the Fifth Review Conference, unique codes', () => {
    expect(registry).toHaveLength(197);
    expect(new Set(registry.map((s) => s.iso3)).size).toBe(197);
    expect(registry.filter((s) => s.party)).toHaveLength(164);
    expect(
      registry
        .filter((s) => !s.party)
        .map((s) => s.iso3)
        .sort(),
    ).toEqual([...NOT_PARTY].sort());
  });

  test('the four States Parties that are not UN members are there', () => {
    for (const iso3 of ['VAT', 'PSE', 'COK', 'NIU']) {
      expect(registry.find((s) => s.iso3 === iso3)?.party).toBe(true);
    }
  });

  test('every State has French and English names and ISO alpha-3 codes', () => {
    for (const s of registry) {
      expect(s.iso3).toMatch(/^[A-Z]{3}$/);
      expect(s.nameFr.length).toBeGreaterThan(1);
      expect(s.nameEn.length).toBeGreaterThan(1);
    }
    expect(registry.find((s) => s.iso3 === 'FRA')?.nameFr).toBe('France');
    expect(registry.find((s) => s.iso3 === 'KHM')?.nameEn).toBe('Cambodia');
  });

  test('a State with no dates is party for the whole plan period unless it is among the 33', () => {
    for (const year of [2025, 2026, 2027, 2028, 2029]) {
      expect(registry.filter((s) => isPartyInYear(s, year))).toHaveLength(164);
    }
  });

  test('party status is judged on 30 April of the year', () => {
    const base = { party: true, partyUntil: null };
    expect(isPartyInYear({ ...base, partyFrom: '2026-04-30' }, 2026)).toBe(true);
    expect(isPartyInYear({ ...base, partyFrom: '2026-05-01' }, 2026)).toBe(false);
    expect(isPartyInYear({ ...base, partyFrom: '2026-05-01' }, 2027)).toBe(true);
    expect(isPartyInYear({ party: true, partyFrom: null, partyUntil: '2026-04-30' }, 2026)).toBe(false);
    expect(isPartyInYear({ party: true, partyFrom: null, partyUntil: '2026-05-01' }, 2026)).toBe(true);
    expect(isPartyInYear({ party: false, partyFrom: null, partyUntil: null }, 2026)).toBe(false);
  });
});
