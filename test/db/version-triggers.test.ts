import { openDatabase } from '../../db/client';
import { META } from '../../db/queries/meta';
import { VERSIONED_TABLES, versionTriggers } from '../../db/version-triggers';

const normalise = (sql: string) => sql.replace(/\s+/g, ' ').trim();

describe('the version counters’ triggers are generated (db/version-triggers.ts)', () => {
  test('the migrated database holds exactly the triggers the generator produces', () => {
    const db = openDatabase(':memory:');
    const generated = versionTriggers();
    const prefixes = Object.keys(VERSIONED_TABLES);
    const stored = (
      db.$client.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as {
        name: string;
        sql: string;
      }[]
    ).filter((t) => prefixes.some((p) => t.name.startsWith(`${p}_`)));
    expect(stored.map((t) => t.name)).toEqual([...generated.keys()].sort());
    for (const { name, sql } of stored) expect([name, normalise(sql)]).toEqual([name, normalise(generated.get(name)!)]);
    db.$client.close();
  });

  test('the meetings’ counter is a key of META, and it moves with each insert, update and delete of a meeting, not with a statement that changes nothing', () => {
    expect(Object.keys(VERSIONED_TABLES)).toEqual([META.meetingsVersion]);
    const db = openDatabase(':memory:');
    const sql = db.$client;
    const read = () => Number((sql.prepare('SELECT value FROM meta WHERE key = ?').get(META.meetingsVersion) as { value: string }).value);
    const start = read();
    sql.prepare('DELETE FROM meeting_speakers').run();
    expect(read()).toBe(start);
    const { lastInsertRowid } = sql
      .prepare(
        "INSERT INTO meetings (kind, title, starts_on, ends_on, place, year, created_at, updated_at) VALUES ('msp', 'Réunion', '2026-06-01', '2026-06-03', 'Genève', 2026, 'now', 'now')",
      )
      .run();
    expect(read()).toBe(start + 1);
    sql.prepare("UPDATE meetings SET place = 'Vienne' WHERE id = ?").run(lastInsertRowid);
    sql.prepare('DELETE FROM meetings WHERE id = ?').run(lastInsertRowid);
    expect(read()).toBe(start + 3);
    db.$client.close();
  });
});
