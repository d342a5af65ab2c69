import fs from 'node:fs';

/** jest `globalTeardown`: removes the images test/setup/databases.ts built for this run. */
export default function removeDatabaseImages(): void {
  const dir = process.env.TEST_DATABASE_IMAGES;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
