import request from 'supertest';
import { testApp } from '../../helpers/context';
import { readSeedRegistry } from '../../../seed/registry';
import { readMeetingGuidelines } from '../../../seed/meeting-guidelines';
import { defaultSpeakers } from '../../../server/domain/meetings/speaker-groups';
import { byStateName, sortStates, stateName } from '../../../server/domain/state-names';
import type { Locale } from '../../../server/i18n/locale';

jest.setTimeout(120_000);

const registry = readSeedRegistry();
const byCode = new Map(registry.map((s) => [s.iso3, s]));

/** State names and the order of lists of States in each language (docs/i18n.md#state-names-and-their-order). */
describe('State names per language', () => {
  test('French and English are the registry’s official names; Spanish comes from i18n-iso-countries, marked so', () => {
    const germany = byCode.get('DEU')!;
    expect(stateName(germany, 'fr')).toEqual({ name: 'Allemagne', source: 'registry' });
    expect(stateName(germany, 'en')).toEqual({ name: 'Germany', source: 'registry' });
    expect(stateName(germany, 'es')).toEqual({ name: 'Alemania', source: 'iso' });
    // Every State of the registry has a Spanish name from the library.
    expect(registry.filter((s) => stateName(s, 'es').source !== 'iso').map((s) => s.iso3)).toEqual([]);
  });

  test('the shared order leaves the French order as it was (names by French collation)', () => {
    const before = [...registry].sort((a, b) => a.nameFr.localeCompare(b.nameFr, 'fr')).map((s) => s.iso3);
    expect(sortStates(registry).map((s) => s.iso3)).toEqual(before);
    expect(sortStates(registry, 'fr').map((s) => s.iso3)).toEqual(before);
  });

  test.each(['fr', 'en', 'es'] as Locale[])('in %s, the registry sorted by the names in that language with its collation', (locale) => {
    const names = sortStates(registry, locale).map((s) => stateName(s, locale).name);
    const collator = new Intl.Collator(locale);
    for (let i = 1; i < names.length; i++) expect(collator.compare(names[i - 1]!, names[i]!)).toBeLessThanOrEqual(0);
  });

  test('byStateName breaks a tie of names by code, so that the order is total', () => {
    const twins = [
      { iso3: 'ZZB', name: 'Essai' },
      { iso3: 'ZZA', name: 'Essai' },
    ];
    expect(
      twins
        .sort(
          byStateName(
            'fr',
            (s) => s.name,
            (s) => s.iso3,
          ),
        )
        .map((s) => s.iso3),
    ).toEqual(['ZZA', 'ZZB']);
  });
});

describe('a speakers’ list in French and in English', () => {
  const guidelines = readMeetingGuidelines();
  // Every State of the registry in every group's population, so that the lists are long.
  const everyone = new Set(registry.map((s) => s.iso3));
  const speakers = (locale: Locale) =>
    defaultSpeakers(
      guidelines,
      () => everyone,
      (iso3) => stateName(byCode.get(iso3)!, locale).name,
      locale,
    ).get('victims')!;

  test('sorts by the names of the language: Germany is among the A in French (Allemagne), among the G in English', () => {
    const fr = speakers('fr');
    const en = speakers('en');
    expect(new Set(fr)).toEqual(new Set(en));
    expect(fr).not.toEqual(en);
    // « Afrique du Sud » comes second in French; “South Africa” among the S in English.
    expect(fr.slice(0, 5)).toEqual(['AFG', 'ZAF', 'ALB', 'DZA', 'DEU']);
    expect(en.slice(0, 4)).toEqual(['AFG', 'ALB', 'DZA', 'AND']);
    const englishNames = en.map((iso3) => byCode.get(iso3)!.nameEn);
    expect(englishNames.indexOf('Germany')).toBeGreaterThan(englishNames.indexOf('Georgia'));
    expect(englishNames.indexOf('Germany')).toBeLessThan(englishNames.indexOf('Ghana'));
    const frenchNames = fr.map((iso3) => byCode.get(iso3)!.nameFr);
    expect(frenchNames.indexOf('Allemagne')).toBe(frenchNames.indexOf('Algérie') + 1);
  });

  test('the French list is the one meetings built before (French collation, code on ties)', () => {
    const collator = new Intl.Collator('fr', { sensitivity: 'base' });
    const before = [...everyone].sort((a, b) => collator.compare(byCode.get(a)!.nameFr, byCode.get(b)!.nameFr) || a.localeCompare(b));
    expect(speakers('fr')).toEqual(before);
  });
});

describe('GET /api/v1/states?lang=', () => {
  const { app } = testApp();

  test('French by default: names and order as before, each name with its source', async () => {
    const res = await request(app).get('/api/v1/states?year=2025').expect(200);
    expect(res.headers['content-language']).toBe('fr');
    expect(res.body.language).toBe('fr');
    const expected = [...registry].sort((a, b) => a.nameFr.localeCompare(b.nameFr, 'fr')).map((s) => s.iso3);
    expect(res.body.states.map((s: { iso3: string }) => s.iso3)).toEqual(expected);
    const germany = res.body.states.find((s: { iso3: string }) => s.iso3 === 'DEU');
    expect(germany).toMatchObject({
      name: 'Allemagne',
      nameSource: 'registry',
      nameEn: 'Germany',
      names: {
        fr: { name: 'Allemagne', source: 'registry' },
        en: { name: 'Germany', source: 'registry' },
        es: { name: 'Alemania', source: 'iso' },
      },
    });
  });

  test.each(['en', 'es'] as const)('in %s: names in that language, sorted with its collation', async (lang) => {
    const res = await request(app).get(`/api/v1/states?year=2025&lang=${lang}`).expect(200);
    expect(res.headers['content-language']).toBe(lang);
    const names = res.body.states.map((s: { name: string }) => s.name);
    expect(names).toEqual(sortStates(registry, lang).map((s) => stateName(s, lang).name));
    expect(res.body.states.find((s: { iso3: string }) => s.iso3 === 'DEU').nameSource).toBe(lang === 'en' ? 'registry' : 'iso');
  });

  test('a language not offered is a 400 in French', async () => {
    const res = await request(app).get('/api/v1/states?lang=pt').expect(400);
    expect(res.body.error.message).toMatch(/La langue « pt » n’est pas proposée/);
  });
});

describe('the States page in each language', () => {
  const { app } = testApp();
  /** The State names of the page's table, in the order shown. */
  const namesOf = (html: string) =>
    [...html.matchAll(/<th scope="row"><a href="[^"]*\/states\/([A-Z]{3})[^"]*">([^<]+)<\/a><\/th>/g)].map((m) => m[1]!);

  test('/states lists the French names in French order, as before; /en/states the English names in English order', async () => {
    const fr = namesOf((await request(app).get('/states?year=2025').expect(200)).text);
    const en = namesOf((await request(app).get('/en/states?year=2025').expect(200)).text);
    expect(fr).toEqual([...registry].sort((a, b) => a.nameFr.localeCompare(b.nameFr, 'fr')).map((s) => s.iso3));
    expect(en).toEqual(sortStates(registry, 'en').map((s) => s.iso3));
    expect(fr.indexOf('DEU')).toBeLessThan(10);
    expect(en.indexOf('DEU')).toBeGreaterThan(en.indexOf('GEO'));
    const page = (await request(app).get('/en/states?year=2025').expect(200)).text;
    expect(page).toContain('>Germany</a>');
    expect((await request(app).get('/es/states?year=2025').expect(200)).text).toContain('>Alemania</a>');
  });
});
