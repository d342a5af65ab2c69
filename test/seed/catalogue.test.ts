import { readSeedCatalogue } from '../../seed/catalogue';
import { POPULATION_KEYS, parsePopulationRef } from '../../server/domain/population';

const catalogue = readSeedCatalogue();
const allIndicators = catalogue.actions.flatMap((a) => a.indicators.map((i) => ({ ...i, action: a.number })));
const byCode = new Map(allIndicators.map((i) => [i.code, i]));

describe('catalogue seed (docs/method.md#the-catalogue)', () => {
  test('48 contiguous actions, in order', () => {
    expect(catalogue.actions.map((a) => a.number)).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
  });

  test('106 indicators with unique codes, each action with at least one', () => {
    expect(allIndicators).toHaveLength(106);
    expect(new Set(allIndicators.map((i) => i.code)).size).toBe(106);
    for (const action of catalogue.actions) expect(action.indicators.length).toBeGreaterThan(0);
  });

  test('codes follow the numbering rule: bare number for a single indicator, N.k in order otherwise', () => {
    for (const action of catalogue.actions) {
      const codes = action.indicators.map((i) => i.code);
      if (codes.length === 1) expect(codes).toEqual([String(action.number)]);
      else expect(codes).toEqual(codes.map((_, k) => `${action.number}.${k + 1}`));
    }
  });

  test('the actions with a single indicator are those docs/method.md names', () => {
    const single = catalogue.actions.filter((a) => a.indicators.length === 1).map((a) => a.number);
    expect(single).toEqual([2, 4, 6, 9, 21, 27, 28, 29, 44, 47, 48]);
  });

  test('each section holds the actions docs/method.md lists', () => {
    const expected: Record<string, [number, number] | null> = {
      I: null,
      II: [1, 10],
      III: [11, 12],
      IV: [13, 16],
      V: [17, 25],
      VI: [26, 29],
      VII: [30, 39],
      VIII: [40, 45],
      IX: [46, 48],
    };
    expect(catalogue.sections.map((s) => s.number)).toEqual(Object.keys(expected));
    for (const [section, range] of Object.entries(expected)) {
      const numbers = catalogue.actions.filter((a) => a.section === section).map((a) => a.number);
      const want = range ? Array.from({ length: range[1] - range[0] + 1 }, (_, i) => range[0] + i) : [];
      expect(numbers).toEqual(want);
    }
  });

  test('every population is one of docs/method.md, and yes(X) names an indicator of the same plan', () => {
    for (const indicator of allIndicators) {
      if (indicator.kind === 'figure' || indicator.kind === 'ratio') {
        expect(indicator.population).toBeNull();
        continue;
      }
      const ref = parsePopulationRef(indicator.population ?? '');
      expect(ref).not.toBeNull();
      expect(POPULATION_KEYS).toContain(ref!.key);
      if (ref!.key === 'yes') expect(byCode.get(ref!.of!)?.kind).toBe('count');
    }
    expect(catalogue.populations.map((p) => p.key).sort()).toEqual([...POPULATION_KEYS].sort());
  });

  test('kinds, populations and directions that docs/method.md singles out', () => {
    const pick = (code: string) => {
      const i = byCode.get(code)!;
      return [i.kind, i.population, i.direction];
    };
    expect(pick('5.3')).toEqual(['figure', null, 'up']);
    expect(pick('5.4')).toEqual(['ratio', null, 'up']);
    expect(pick('8.1')).toEqual(['share', 'party', 'up']);
    expect(pick('11.3')).toEqual(['count', 'non_party', 'up']);
    expect(pick('14.2')).toEqual(['share', 'article4_late', 'up']);
    expect(pick('15.1')).toEqual(['count', 'party', 'neutral']);
    expect(pick('15.2')).toEqual(['share', 'yes(15.1)', 'up']);
    expect(pick('23.1')).toEqual(['share', 'extension_request', 'up']);
    expect(pick('24.2')).toEqual(['share', 'yes(24.1)', 'up']);
    expect(pick('35.3')).toEqual(['share', 'party', 'up']);
    expect(pick('40.3')).toEqual(['share', 'article4', 'up']);
    expect(pick('44')).toEqual(['count', 'donor', 'up']);
    expect(pick('46.1')).toEqual(['count', 'party', 'down']);
    expect(pick('46.2')).toEqual(['share', 'yes(46.1)', 'up']);
    expect(pick('47')).toEqual(['share', 'obligations', 'up']);
    const figures = allIndicators.filter((i) => i.kind === 'figure').map((i) => i.code);
    expect(figures).toEqual(['5.3', '11.2', '12.2']);
    expect(allIndicators.filter((i) => i.direction !== 'up').map((i) => i.code)).toEqual(['15.1', '46.1']);
  });

  test('only indicator 21 carries a provenance mark, in French', () => {
    const marked = allIndicators.filter((i) => i.provenance !== null);
    expect(marked.map((i) => i.code)).toEqual(['21']);
    expect(marked[0]!.provenance).toMatch(/dérivée du texte de l’action 21/);
  });

  test('texts are whole sentences without extraction debris', () => {
    for (const text of [...catalogue.actions.map((a) => a.text), ...allIndicators.map((i) => i.text)]) {
      expect(text).toBe(text.trim());
      expect(text).not.toMatch(/\s{2,}|\n/);
      expect(text).not.toMatch(/Percentage|Best Practices|Action \d+\s*$/);
    }
    for (const i of allIndicators) expect(i.text).not.toMatch(/[;]$/);
  });

  test('mechanisms lead and contribute as docs/method.md says', () => {
    const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
    const lead = Object.fromEntries(catalogue.mechanisms.map((m) => [m.id, m.lead]));
    expect(Object.keys(lead)).toEqual(['president', 'article5', 'victim-assistance', 'cooperation', 'compliance', 'coordination']);
    expect(lead.president).toEqual([...range(1, 6), ...range(9, 16)]);
    expect(lead.article5).toEqual(range(17, 29));
    expect(lead['victim-assistance']).toEqual(range(30, 39));
    expect(lead.cooperation).toEqual([7, ...range(40, 45)]);
    expect(lead.compliance).toEqual([8, 46, 47, 48]);
    expect(lead.coordination).toEqual([]);
    // Every action has exactly one lead.
    expect(catalogue.mechanisms.flatMap((m) => m.lead).sort((a, b) => a - b)).toEqual(range(1, 48));
    const contributing = Object.fromEntries(catalogue.mechanisms.map((m) => [m.id, m.contributing]));
    expect(contributing.coordination).toEqual(range(1, 48));
    expect(contributing.article5).toEqual(expect.arrayContaining([2, 3, 4, 6, 9]));
    expect(contributing['victim-assistance']).toContain(5);
    expect(contributing.cooperation).toContain(1);
    for (const committee of ['article5', 'victim-assistance', 'cooperation', 'compliance']) {
      expect(contributing[committee]).toContain(5);
    }
  });
});
