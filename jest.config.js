const fs = require('node:fs');
const path = require('node:path');
const { ENTRIES, TEST_DIR, TEST_TIMEOUT_MS, filesByGroup } = require('./test/setup/groups');

/**
 * Two projects: `server` (every test but the browser tests) and `browser` (test/browser, driving
 * Debian's Chromium). `npm run test:fast` selects the first. The second's globalSetup, run only
 * when one of its tests is selected, stops the run at once when Chromium is missing, and starts
 * the one Chromium its tests share.
 *
 * A run runs the test files in groups (test/setup/groups.js says which and why), unless the
 * command names test files or folders by their path (`npx jest test/seed/catalogue.test.ts`,
 * `npm test -- test/server/workspace`): those run each as a file of its own, as jest runs them by
 * default, which is quicker for a file or two. A group is run by naming its entry
 * (`npx jest test/groups/server-cli.test.ts`).
 */
const eachFile = process.argv
  .slice(2)
  .filter((arg) => !arg.startsWith('-'))
  .map((arg) => path.resolve(arg))
  .some((file) => file.startsWith(TEST_DIR + path.sep) && !file.startsWith(path.join(TEST_DIR, ENTRIES)) && fs.existsSync(file));

// Before a grouped run: a test file in no group would silently never run. (A file named by its
// path runs alone, so a new one can be run before it is given a group.)
if (!eachFile) filesByGroup();

const entries = `<rootDir>/test/${ENTRIES}`;

const shared = {
  // jest's node environment; its workers exit as soon as jest asks them to (test/setup/environment.js).
  testEnvironment: '<rootDir>/test/setup/environment.js',
  roots: ['<rootDir>/test'],
  // sucrase strips the types and turns imports into require() without TypeScript's compiler: a cold
  // run (a fresh clone, CI) compiled every file again in each worker, about 18 CPU-seconds with
  // ts-jest. Its exports stay plain properties, which jest.spyOn can replace (esbuild's and swc's
  // cannot). Type-checking is `npm run typecheck`'s job.
  transform: { '^.+\\.ts$': '@sucrase/jest-plugin' },
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['<rootDir>/test/setup/env.ts'],
  // d3-geo and d3-array are ES modules only, which jest's CommonJS runtime cannot require (Node itself
  // can, which is how the server loads them): their UMD builds, published beside, are the same code.
  moduleNameMapper: { '^d3-(geo|array)$': '<rootDir>/node_modules/d3-$1/dist/d3-$1.js' },
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: TEST_TIMEOUT_MS,
  // jest's default on 2 cores is one worker; the tests wait on Chromium, child processes and argon2 often enough for two.
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  // The static export's builder first and its reader last (test/setup/sequencer.js).
  testSequencer: '<rootDir>/test/setup/sequencer.js',
  projects: [
    {
      ...shared,
      displayName: 'server',
      testMatch: eachFile ? ['<rootDir>/test/**/*.test.ts'] : [`${entries}/server-*.test.ts`],
      testPathIgnorePatterns: eachFile ? ['/node_modules/', '<rootDir>/test/browser/', `${entries}/`] : ['/node_modules/'],
      globalSetup: '<rootDir>/test/setup/databases.ts',
      globalTeardown: '<rootDir>/test/setup/databases-teardown.ts',
    },
    {
      ...shared,
      displayName: 'browser',
      testMatch: eachFile ? ['<rootDir>/test/browser/**/*.test.ts'] : [`${entries}/browser-*.test.ts`],
      globalSetup: '<rootDir>/test/setup/browser.ts',
      globalTeardown: '<rootDir>/test/setup/browser-teardown.ts',
    },
  ],
};
