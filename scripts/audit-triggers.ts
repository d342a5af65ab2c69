import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { auditTriggersMigration } from '../db/audit-triggers';

/**
 * `npm run db:audit-triggers`: after a change to a kind's columns (server/domain/data-kinds.ts and
 * db/schema.ts, with `npm run db:generate` for the column itself), writes a new migration that drops
 * and recreates every audit trigger from the descriptors. drizzle-kit creates the empty migration
 * (`generate --custom`), so its journal and snapshot stay drizzle's own; committed migrations are
 * never rewritten. `--print` only prints the SQL.
 */
const sql = auditTriggersMigration();
if (process.argv.includes('--print')) {
  process.stdout.write(sql);
} else {
  const root = path.join(__dirname, '..');
  const bin = path.join(root, 'node_modules', '.bin', 'drizzle-kit');
  execFileSync(bin, ['generate', '--custom', '--name', 'audit_triggers'], { cwd: root, stdio: 'inherit' });
  const journal = JSON.parse(fs.readFileSync(path.join(root, 'db', 'migrations', 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const file = path.join(root, 'db', 'migrations', `${journal.entries.at(-1)!.tag}.sql`);
  fs.writeFileSync(file, sql, 'utf8');
  console.log(`Déclencheurs d’audit écrits dans ${path.relative(root, file)}.`);
}
