import fs from 'node:fs';
import { projectPath } from '../server/project-root';

/** The migrations this code carries (drizzle-kit's journal): `when` is what drizzle records as `created_at`. */
export function committedMigrations(): { count: number; latest: number | null } {
  const journal = JSON.parse(fs.readFileSync(projectPath('db', 'migrations', 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  return { count: journal.entries.length, latest: journal.entries.at(-1)?.when ?? null };
}
