import { openDatabase } from '../../db/client';
import { sections, states } from '../../db/schema';
import { syncTable } from '../../db/sync';

/** Three capital letters for each n: AAA, AAB, … (the registry's check on iso3). */
const iso3 = (n: number) => [676, 26, 1].map((d) => String.fromCharCode(65 + (Math.floor(n / d) % 26))).join('');

describe('syncTable writes new rows by prepared batches (db/sync.ts)', () => {
  test('1 201 rows in three batches: each value stored as given, nulls as NULL, the input’s order kept; a second pass changes nothing', () => {
    const db = openDatabase(':memory:');
    const rows = Array.from({ length: 1201 }, (_, n) => ({
      iso3: iso3(n),
      nameFr: `État ${n}`,
      nameEn: `State ${n}`,
      party: n % 3 !== 0,
      partyFrom: n % 2 === 0 ? null : '2025-03-01',
      partyUntil: null,
      editedAt: null,
    }));
    expect(new Set(rows.map((r) => r.iso3)).size).toBe(1201);

    expect(syncTable(db, states, rows, { key: ['iso3'] })).toEqual({ inserted: 1201, updated: 0, unchanged: 0, deleted: 0 });

    const stored = db.$client
      .prepare('SELECT iso3, name_fr, party, party_from, typeof(party_from) AS fromType, party_until FROM states ORDER BY rowid')
      .all() as { iso3: string; name_fr: string; party: number; party_from: string | null; fromType: string; party_until: null }[];
    expect(stored.map((s) => s.iso3)).toEqual(rows.map((r) => r.iso3));
    rows.forEach((row, n) => {
      expect(stored[n]).toEqual({
        iso3: row.iso3,
        name_fr: row.nameFr,
        party: row.party ? 1 : 0,
        party_from: row.partyFrom,
        fromType: row.partyFrom === null ? 'null' : 'text',
        party_until: null,
      });
    });

    expect(syncTable(db, states, rows, { key: ['iso3'] })).toEqual({ inserted: 0, updated: 0, unchanged: 1201, deleted: 0 });
    db.$client.close();
  });

  test('a field absent or left undefined takes its column’s default, whatever the other rows of the batch hold', () => {
    const db = openDatabase(':memory:');
    const counts = syncTable(
      db,
      sections,
      [
        { number: 'II', position: 1, title: 'Deux' },
        { number: 'III', position: 2, title: 'Trois', introduction: undefined },
        { number: 'IV', position: 3, title: 'Quatre', introduction: '["Un paragraphe"]' },
      ],
      { key: ['number'] },
    );
    expect(counts.inserted).toBe(3);
    expect(db.$client.prepare('SELECT number, introduction FROM sections ORDER BY rowid').all()).toEqual([
      { number: 'II', introduction: '[]' },
      { number: 'III', introduction: '[]' },
      { number: 'IV', introduction: '["Un paragraphe"]' },
    ]);
    db.$client.close();
  });
});
