/**
 * Two projects: `server` (every test but the browser tests) and `browser` (test/browser, driving
 * Debian's Chromium). `npm run test:fast` selects the first. The second's globalSetup, run only
 * when one of its tests is selected, stops the run at once when Chromium is missing, and starts
 * the one Chromium its tests share.
 */
const shared = {
  // jest's node environment; its workers exit as soon as jest asks them to (test/setup/environment.js).
  testEnvironment: '<rootDir>/test/setup/environment.js',
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['<rootDir>/test/setup/env.ts'],
  // d3-geo and d3-array are ES modules only, which jest's CommonJS runtime cannot require (Node itself
  // can, which is how the server loads them): their UMD builds, published beside, are the same code.
  moduleNameMapper: { '^d3-(geo|array)$': '<rootDir>/node_modules/d3-$1/dist/d3-$1.js' },
};

/** @type {import('jest').Config} */
module.exports = {
  // A shared 2-core machine can be slow: no test relies on jest's default of 5 s.
  testTimeout: 60_000,
  // jest's default on 2 cores is one worker; the tests wait on Chromium, child processes and argon2 often enough for two.
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  // The static export's builder first and its reader last (test/setup/sequencer.js).
  testSequencer: '<rootDir>/test/setup/sequencer.js',
  projects: [
    {
      ...shared,
      displayName: 'server',
      roots: ['<rootDir>/test'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'],
      globalSetup: '<rootDir>/test/setup/databases.ts',
      globalTeardown: '<rootDir>/test/setup/databases-teardown.ts',
    },
    {
      ...shared,
      displayName: 'browser',
      roots: ['<rootDir>/test/browser'],
      globalSetup: '<rootDir>/test/setup/browser.ts',
      globalTeardown: '<rootDir>/test/setup/browser-teardown.ts',
    },
  ],
};
