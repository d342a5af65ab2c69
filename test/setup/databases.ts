import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildImages, imageFile, type ImageName } from '../helpers/database-images';
import buildCompiledServer from './build';

/**
 * jest `globalSetup`: compiles dist/ when the sources changed (./build.ts), and builds the seeded
 * and demonstration databases once for the whole run, and
 * leaves their images where test/helpers/database-images.ts reads them (the workers inherit the
 * variable). test/setup/databases-teardown.ts removes them.
 */
export default function buildDatabaseImages(): void {
  buildCompiledServer();
  // Both projects of jest.config.js ask for them: once is enough.
  if (process.env.TEST_DATABASE_IMAGES) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-test-databases-'));
  const images = buildImages();
  for (const name of Object.keys(images) as ImageName[]) fs.writeFileSync(imageFile(dir, name), images[name]);
  process.env.TEST_DATABASE_IMAGES = dir;
}
