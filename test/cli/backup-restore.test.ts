import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../db/client';
import { publishEverything } from '../helpers/context';
import { runCommand } from '../helpers/cli';
import { writeDatabaseFile } from '../helpers/database-images';
import { useTempDir } from '../helpers/temp-dir';

// Real commands (their compiled tools) on a busy machine, and a demonstration database to copy.
jest.setTimeout(180_000);

function run(command: 'backup' | 'restore', databasePath: string, file: string) {
  const { status, stdout, stderr } = runCommand(command, [file], { DATABASE_PATH: databasePath });
  return { status, stdout, stderr };
}

/** Every row of every table, in a stable order: what "the same data" means. */
function contents(file: string): Record<string, unknown[]> {
  const client = new Database(file, { readonly: true });
  try {
    const tables = client
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, client.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
  } finally {
    client.close();
  }
}

describe('npm run backup / npm run restore', () => {
  let live: string;
  const dir = useTempDir('ops-backup-', { each: false });
  beforeAll(() => {
    live = dir.file('live', 'db.sqlite');
    // The demonstration database built once for the run (test/helpers/database-images.ts).
    writeDatabaseFile('demo', live);
    const db = openDatabase(live);
    publishEverything(db);
    db.$client.close();
  });

  test('a backup taken while the database is open, restored into a fresh folder, gives the same data', () => {
    // A connection held open as the server's is: the online backup does not need it closed.
    const server = openDatabase(live);
    const backup = dir.file('backups', 'today.sqlite');
    let result;
    try {
      result = run('backup', live, backup);
    } finally {
      server.$client.close();
    }
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const size = fs.statSync(backup).size;
    expect(result.stdout).toContain(`${Math.round((size / 1024 / 1024) * 10) / 10} Mo`.replace('.', ','));
    expect(result.stdout).toMatch(/intégrité vérifiée ; dernière publication : 2026, révision 1, le /);
    expect(fs.existsSync(`${backup}.partiel`)).toBe(false);

    const fresh = dir.file('fresh', 'db.sqlite');
    const restored = run('restore', fresh, backup);
    expect(restored.status).toBe(0);
    expect(restored.stdout).toContain(`Base ${fresh} restaurée depuis ${backup}`);
    expect(contents(fresh)).toEqual(contents(live));
    expect(Object.keys(contents(fresh))).toEqual(expect.arrayContaining(['answers', 'releases', '__drizzle_migrations']));
  });

  test('a backup never overwrites a file', () => {
    const existing = dir.file('existing.sqlite');
    fs.writeFileSync(existing, 'précieux');
    const result = run('backup', live, existing);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('existe déjà : il n’a pas été remplacé');
    expect(fs.readFileSync(existing, 'utf8')).toBe('précieux');
  });

  test('restore is refused while a program has the database open, and replaces it (keeping the old one) once closed', () => {
    const backup = dir.file('for-restore.sqlite');
    expect(run('backup', live, backup).status).toBe(0);
    const target = dir.file('target', 'db.sqlite');
    writeDatabaseFile('seeded', target);
    const db = openDatabase(target);
    const before = contents(target);

    const refused = run('restore', target, backup);
    db.$client.close();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`La base « ${target} » est ouverte par un serveur ou une commande en cours`);
    expect(contents(target)).toEqual(before);

    const done = run('restore', target, backup);
    expect(done.status).toBe(0);
    expect(contents(target)).toEqual(contents(live));
    const kept = fs.readdirSync(path.dirname(target)).find((name) => name.startsWith('db.sqlite.avant-restauration-'));
    expect(kept).toBeDefined();
    expect(contents(path.join(path.dirname(target), kept!))).toEqual(before);
  });

  test('restore refuses a file that is not a sound database of the dashboard', () => {
    const target = dir.file('untouched', 'db.sqlite');
    const notOurs = dir.file('other.sqlite');
    const other = new Database(notOurs);
    other.exec('CREATE TABLE t (x)');
    other.close();
    const garbage = dir.file('garbage.sqlite');
    fs.writeFileSync(garbage, 'SQLite format 3\0'.padEnd(8192, 'x'));

    const foreign = run('restore', target, notOurs);
    expect(foreign.status).toBe(1);
    expect(foreign.stderr).toContain('n’est pas une base du tableau de bord (pas de table des migrations)');
    const broken = run('restore', target, garbage);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/« .*garbage\.sqlite » (n’est pas une base SQLite lisible|est endommagé)/);
    expect(fs.existsSync(target)).toBe(false);
  });
});
