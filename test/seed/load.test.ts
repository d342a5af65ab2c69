import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db } from '../../db/client';
import { actions, indicators, mechanismActions, sections, states } from '../../db/schema';
import { readSeedCatalogue } from '../../seed/catalogue';
import { lastAuditId } from '../../db/queries/audit';
import { loadSeed, loadSeedUnlessLoaded } from '../../seed/load';
import { SEED_DATA_DIR } from '../../seed/catalogue';
import { readSeedRegistry } from '../../seed/registry';
import { databaseFromImage } from '../helpers/database-images';
import { useTempDir } from '../helpers/temp-dir';

function dump(db: Db) {
  return {
    sections: db.select().from(sections).all(),
    actions: db.select().from(actions).all(),
    indicators: db.select().from(indicators).all(),
    links: db.select().from(mechanismActions).all(),
    states: db.select().from(states).all(),
  };
}

// Loading itself is tested on a fresh file above all; where a test only needs a seeded database to
// start from, it gets a copy of the one built once per run (test/helpers/database-images.ts).
describe('seed loading', () => {
  const dir = useTempDir('seed-');

  test('loading twice, across two opens of the same file, changes nothing the second time', () => {
    const file = dir.file('db.sqlite');
    const first = openDatabase(file);
    const firstSummary = loadSeed(first);
    expect(firstSummary.indicators.inserted).toBe(106);
    expect(firstSummary.states.inserted).toBe(197);
    const before = dump(first);
    first.$client.close();

    const second = openDatabase(file);
    const auditBefore = lastAuditId(second);
    const secondSummary = loadSeed(second);
    for (const counts of Object.values(secondSummary)) {
      expect(counts.inserted + counts.updated + counts.deleted).toBe(0);
    }
    // Nothing changed, so nothing was recorded in the audit trail either.
    expect(lastAuditId(second)).toBe(auditBefore);
    expect(dump(second)).toEqual(before);
    second.$client.close();
  });

  test('a corrected text in the seed updates the database at the next load', () => {
    const db = databaseFromImage('seeded');
    const catalogue = readSeedCatalogue();
    const corrected = structuredClone(catalogue);
    corrected.actions[0]!.indicators[0]!.text = 'Texte corrigé de l’indicateur 1.1';
    const summary = loadSeed(db, corrected);
    expect(summary.indicators).toEqual({ inserted: 0, updated: 1, unchanged: 105, deleted: 0 });
    expect(db.select().from(indicators).where(eq(indicators.code, '1.1')).get()?.text).toBe('Texte corrigé de l’indicateur 1.1');
  });

  test('a user’s edit of an indicator’s population or a State is kept; the seed still corrects texts', () => {
    const db = databaseFromImage('seeded');
    db.update(indicators).set({ population: 'victims', editedAt: '2026-05-01T10:00:00Z' }).where(eq(indicators.code, '1.1')).run();
    db.update(states).set({ partyUntil: '2026-01-10', editedAt: '2026-05-01T10:00:00Z' }).where(eq(states.iso3, 'FIN')).run();
    const corrected = structuredClone(readSeedCatalogue());
    corrected.actions[0]!.indicators[0]!.text = 'Texte corrigé';
    loadSeed(db, corrected, readSeedRegistry());
    const row = db.select().from(indicators).where(eq(indicators.code, '1.1')).get();
    expect(row?.population).toBe('victims');
    expect(row?.text).toBe('Texte corrigé');
    expect(db.select().from(states).where(eq(states.iso3, 'FIN')).get()?.partyUntil).toBe('2026-01-10');
  });

  test('a bad seed writes nothing: the load is one transaction', () => {
    const db = openDatabase(':memory:');
    const catalogue = structuredClone(readSeedCatalogue());
    catalogue.actions[47]!.section = 'X' as never; // no such section: the foreign key refuses it
    expect(() => loadSeed(db, catalogue)).toThrow();
    expect(db.select().from(actions).all()).toHaveLength(0);
    expect(db.select().from(states).all()).toHaveLength(0);
  });

  test('the database refuses what the domain forbids', () => {
    const db = databaseFromImage('seeded');
    const insertState = (partyFrom: string | null) =>
      db.insert(states).values({ iso3: 'ZZZ', nameFr: 'Essai', nameEn: 'Test', party: true, partyFrom }).run();
    expect(() => insertState('2026-02-30')).toThrow(/CHECK/);
    expect(() => db.update(indicators).set({ kind: 'share', population: null }).where(eq(indicators.code, '1.1')).run()).toThrow(/CHECK/);
    expect(() => db.update(indicators).set({ population: 'nobody' }).where(eq(indicators.code, '1.1')).run()).toThrow(/FOREIGN KEY/);
  });

  test('a compiled server loads the seed again only when its build or a seed file changed; the sources always load it', () => {
    const seed = dir.file('seed-data');
    fs.cpSync(SEED_DATA_DIR, seed, { recursive: true });
    const db = openDatabase(':memory:');
    expect(loadSeedUnlessLoaded(db, 'aaaaaaaaaaaa', seed)?.states.inserted).toBe(197);
    expect(loadSeedUnlessLoaded(db, 'aaaaaaaaaaaa', seed)).toBeNull();
    // Another build (the loader's code may differ), or the sources (tsx, jest): loaded and compared again.
    expect(loadSeedUnlessLoaded(db, 'bbbbbbbbbbbb', seed)?.states.unchanged).toBe(197);
    expect(loadSeedUnlessLoaded(db, null, seed)?.states.unchanged).toBe(197);
    expect(loadSeedUnlessLoaded(db, 'bbbbbbbbbbbb', seed)?.states.unchanged).toBe(197);
    expect(loadSeedUnlessLoaded(db, 'bbbbbbbbbbbb', seed)).toBeNull();

    // A seed file edited beside the same build: its change reaches the database at the next start.
    const registry = fs.readFileSync(`${seed}/states.csv`, 'utf8');
    expect(registry).toContain('Finlande');
    fs.writeFileSync(`${seed}/states.csv`, registry.replace('Finlande', 'République de Finlande'));
    expect(loadSeedUnlessLoaded(db, 'bbbbbbbbbbbb', seed)?.states.updated).toBe(1);
    expect(db.select().from(states).where(eq(states.iso3, 'FIN')).get()?.nameFr).toBe('République de Finlande');
    expect(loadSeedUnlessLoaded(db, 'bbbbbbbbbbbb', seed)).toBeNull();
  });
});
