import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { openDatabase, type Db } from '../../db/client';
import * as schema from '../../db/schema';
import { loadSeed } from '../../seed/load';
import { loadDemoData } from '../../seed/demo-load';

/**
 * Building a seeded database (migrations, catalogue, registry) takes a few hundred milliseconds on
 * a busy machine, and adding the demonstration data as much again; tests ask for such databases
 * over a hundred times. So each is built once, its image kept, and every test gets a fresh
 * in-memory copy. The images are built once per run by test/setup/databases.ts (jest
 * `globalSetup`), which names their folder in TEST_DATABASE_IMAGES; without it, once per test file.
 */
export type ImageName = 'seeded' | 'demo';

/** The images of a database with the catalogue and registry, and of one with the demonstration data too. */
export function buildImages(): Record<ImageName, Buffer> {
  const db = openDatabase(':memory:');
  try {
    loadSeed(db);
    const seeded = db.$client.serialize();
    loadDemoData(db);
    return { seeded, demo: db.$client.serialize() };
  } finally {
    db.$client.close();
  }
}

export const imageFile = (dir: string, name: ImageName) => path.join(dir, `${name}.sqlite`);

let images: Record<ImageName, Buffer> | undefined;

function image(name: ImageName): Buffer {
  const dir = process.env.TEST_DATABASE_IMAGES;
  images ??= dir ? { seeded: fs.readFileSync(imageFile(dir, 'seeded')), demo: fs.readFileSync(imageFile(dir, 'demo')) } : buildImages();
  return images[name];
}

/** A fresh in-memory database holding a copy of the image: what a test changes stays its own. */
export function databaseFromImage(name: ImageName): Db {
  const sqlite = new Database(image(name));
  // As db/client.ts opens every database (WAL and the busy timeout mean nothing in memory).
  sqlite.pragma('foreign_keys = ON');
  return drizzle(sqlite, { schema });
}

/**
 * Writes a copy of the image as a database file, for the tests whose code opens a file (worker
 * threads, command-line tools, backups): as seeded, or with the demonstration data loaded too.
 */
export function writeDatabaseFile(name: ImageName, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, image(name));
}
