import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { openDatabase } from '../../db/client';
import { auditTriggers, AUDITED_TABLES } from '../../db/audit-triggers';
import { KIND_TABLES } from '../../db/queries/data-kinds';
import { DATA_KINDS, EXCHANGE_KINDS, fieldOf } from '../../server/domain/data-kinds';

const normalise = (sql: string) => sql.replace(/\s+/g, ' ').trim();

describe('the audit triggers are generated from the descriptors (npm run db:audit-triggers)', () => {
  test('the migrated database holds exactly the triggers the generator produces', () => {
    const db = openDatabase(':memory:');
    const stored = db.$client
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit\\_%' ESCAPE '\\' ORDER BY name")
      .all() as { name: string; sql: string }[];
    const generated = auditTriggers();
    expect(stored.map((t) => t.name)).toEqual([...generated.keys()].sort());
    for (const { name, sql } of stored) expect([name, normalise(sql)]).toEqual([name, normalise(generated.get(name)!)]);
    db.$client.close();
  });

  test('every recorded column of the five kinds is a column of its table, and every data column is recorded or keys the entry', () => {
    for (const kind of EXCHANGE_KINDS) {
      const names = Object.values(getTableColumns(KIND_TABLES[kind]) as Record<string, SQLiteColumn>).map((c) => c.name);
      const audited = AUDITED_TABLES.find((t) => t.table === DATA_KINDS[kind].table)!;
      const covered = [...audited.recorded, audited.year, audited.state, audited.indicator].filter((c) => c !== null);
      expect(names.filter((n) => n !== 'edited_at').sort()).toEqual([...new Set(covered)].sort());
    }
  });

  test('each descriptor names the table db/queries reads for its kind', () => {
    for (const kind of EXCHANGE_KINDS) expect([kind, getTableName(KIND_TABLES[kind])]).toEqual([kind, DATA_KINDS[kind].table]);
  });

  test('each descriptor lists its table’s columns, in a property named as the schema names it', () => {
    for (const kind of EXCHANGE_KINDS) {
      const columns = getTableColumns(KIND_TABLES[kind]) as Record<string, SQLiteColumn>;
      const byProperty = Object.entries(columns).filter(([, c]) => c.name !== 'edited_at');
      expect(DATA_KINDS[kind].columns.map((c) => [fieldOf(c.name), c.name]).sort()).toEqual(
        byProperty.map(([property, c]) => [property, c.name]).sort(),
      );
    }
  });

  test('a change to a descriptor changes the generated triggers: an added column is recorded and watched', () => {
    const answers = AUDITED_TABLES.find((t) => t.table === 'answers')!;
    const withColumn = auditTriggers([{ ...answers, recorded: [...answers.recorded, 'confidence'] }]);
    expect(withColumn.get('audit_answers_update')).toContain('OLD.`confidence` IS NOT NEW.`confidence`');
    expect(withColumn.get('audit_answers_insert')).toContain("'confidence', NEW.`confidence`");
    expect(auditTriggers().get('audit_answers_update')).not.toContain('confidence');
  });
});
