/**
 * The counters in `meta` that triggers move on every write to some tables, whichever connection or
 * process writes: a cache reads one counter (one lookup per request) instead of scanning the tables
 * (docs/architecture.md#data-version-and-caches). The meetings are not audited, so the data version
 * does not see them: `meetings_version` does.
 *
 * Generated here rather than copied by hand, like the audit triggers (db/audit-triggers.ts):
 * migration 0010_meetings_version holds what this module produces, and a test checks that the
 * migrated database's triggers are exactly these. A table added to a list needs a migration with
 * `versionTriggersMigration()`'s statements for it.
 */
export const VERSIONED_TABLES = {
  meetings_version: ['meetings', 'meeting_items', 'meeting_speakers'],
} as const satisfies Record<string, readonly string[]>;

export type VersionCounter = keyof typeof VERSIONED_TABLES;

const OPERATIONS = ['insert', 'update', 'delete'] as const;
type Operation = (typeof OPERATIONS)[number];

const quote = (name: string) => `\`${name}\``;

export const versionTriggerName = (counter: VersionCounter, table: string, operation: Operation) => `${counter}_${table}_${operation}`;

/** One trigger's CREATE statement: the counter goes up by one (and starts at 1 if it was missing). */
export function versionTrigger(counter: VersionCounter, table: string, operation: Operation): string {
  return [
    `CREATE TRIGGER ${quote(versionTriggerName(counter, table, operation))} AFTER ${operation.toUpperCase()} ON ${quote(table)}`,
    'BEGIN',
    `  INSERT INTO \`meta\` (\`key\`, \`value\`) VALUES ('${counter}', '1')`,
    '    ON CONFLICT (`key`) DO UPDATE SET `value` = CAST(`value` AS INTEGER) + 1;',
    'END;',
  ].join('\n');
}

/** Every version trigger, by name, as SQLite keeps it in sqlite_master (without the final semicolon). */
export function versionTriggers(): Map<string, string> {
  const triggers = new Map<string, string>();
  for (const [counter, tables] of Object.entries(VERSIONED_TABLES) as [VersionCounter, readonly string[]][])
    for (const table of tables)
      for (const operation of OPERATIONS)
        triggers.set(versionTriggerName(counter, table, operation), versionTrigger(counter, table, operation).replace(/;$/, ''));
  return triggers;
}

/** The statements that (re)create every version trigger, for a migration (split at drizzle's breakpoints). */
export function versionTriggersMigration(): string {
  const statements = [...versionTriggers()].flatMap(([name, sql]) => [`DROP TRIGGER IF EXISTS ${quote(name)};`, `${sql};`]);
  return `${statements.join('\n--> statement-breakpoint\n')}\n`;
}
