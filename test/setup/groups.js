const fs = require('node:fs');
const path = require('node:path');

/**
 * The suite's test files, gathered into groups that jest runs each as one test file
 * (test/groups/NAME.test.ts, through test/helpers/group.ts).
 *
 * jest gives every test file its own copy of every module: each file loaded the app, express,
 * drizzle, zod, Handlebars… again and ran them cold, about 0.7 CPU-second per file before its
 * first test, over 128 files. Run in one file, the server's tests took a quarter less CPU
 * (docs/performance.md, « Test files run in groups »). Each test file stays a file of its own, with
 * its own describe, hooks and helpers; its tests run inside a describe named after its path, which
 * is also what a failure shows. Within a group, files share the app's modules and their caches,
 * as requests to one server do; a test that changes something shared puts it back.
 *
 * A file belongs to the first group one of whose patterns matches its path below test/ (`*` is any
 * part of a name, `**` any folders). Every file must belong to one (jest.config.js checks it
 * before the run). The groups are sized so that jest can keep both workers busy to the end: it
 * starts the longest first, as the previous run timed them; on a run with no times yet (a fresh
 * clone, CI), in the order below, longest first as measured on 1 December (docs/performance.md).
 */
const GROUPS = [
  // The run's one static export (test/helpers/shared-site.ts): built first, read last (test/setup/sequencer.js).
  ['browser-export-site', ['browser/export-site.test.ts']],
  [
    'browser-workspace',
    ['browser/workspace*.test.ts', 'browser/briefing-cards.test.ts', 'browser/meetings.test.ts', 'browser/coordination-pack.test.ts'],
  ],
  ['server-workspace', ['server/workspace/*.test.ts']],
  [
    'server-public',
    [
      'server/pages.test.ts',
      'server/open-data*.test.ts',
      'server/*-api.test.ts',
      'server/transparency.test.ts',
      'server/embed-share.test.ts',
      'server/lists.test.ts',
      'server/world-maps.test.ts',
      'server/graded-progress-pages.test.ts',
      'server/public-*.test.ts',
      'server/search.test.ts',
      'server/home.test.ts',
      'server/engine-reference.test.ts',
      'server/site-export/*.test.ts',
    ],
  ],
  ['server-platform', ['server/*.test.ts', 'server/auth/*.test.ts', 'server/process/*.test.ts']],
  ['browser-pages', ['browser/pages-*.test.ts']],
  ['server-i18n', ['server/i18n/*.test.ts']],
  ['server-units', ['server/**/*.test.ts', 'db/*.test.ts', 'docs/*.test.ts', 'helpers/*.test.ts', 'seed/*.test.ts']],
  ['server-csv-formulas', ['cli/csv-formulas.test.ts']],
  ['server-cli', ['cli/*.test.ts']],
  ['browser-public', ['browser/*.test.ts']],
];

/** Each test's time limit unless its file sets a longer one: a shared 2-core machine can be slow, and no test relies on jest's 5 s. */
const TEST_TIMEOUT_MS = 60_000;

const TEST_DIR = path.join(__dirname, '..');
const ENTRIES = 'groups';

const patternRegExp = (pattern) =>
  new RegExp(
    `^${pattern
      .split(/(\*\*\/|\*)/)
      .map((part) => (part === '**/' ? '(?:[^/]+/)*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
      .join('')}$`,
  );

/** `file` (absolute) as a path below test/, with `/`: how groups name their files. */
const relativeToTests = (file) => path.relative(TEST_DIR, file).split(path.sep).join('/');

/** The group whose entry `file` (absolute) is, test/groups/NAME.test.ts, or undefined. */
const entryGroup = (file) => {
  const relative = relativeToTests(file);
  return relative.startsWith(`${ENTRIES}/`) ? path.posix.basename(relative, '.test.ts') : undefined;
};

/** Every test file below test/, as a path relative to it with `/`, but the groups' own entries. */
function testFiles() {
  return fs
    .readdirSync(TEST_DIR, { recursive: true })
    .map((file) => relativeToTests(path.join(TEST_DIR, file)))
    .filter((file) => file.endsWith('.test.ts') && !file.startsWith(`${ENTRIES}/`))
    .sort();
}

/**
 * The files of each group, by name. Throws, naming them, when a file is in no group, a group has
 * no file, or a group and its entry file (test/groups/NAME.test.ts) do not go together — unless
 * `lenient`: a run of files named by their path (jest.config.js) runs a new file before it has a
 * group, and the sequencer then only needs to know which groups hold the files it orders.
 */
function filesByGroup({ lenient = false } = {}) {
  const matchers = GROUPS.map(([name, patterns]) => [name, patterns.map(patternRegExp)]);
  const groups = new Map(GROUPS.map(([name]) => [name, []]));
  const problems = [];
  for (const file of testFiles()) {
    const group = matchers.find(([, patterns]) => patterns.some((pattern) => pattern.test(file)));
    if (group) groups.get(group[0]).push(file);
    else problems.push(`${file} n’appartient à aucun groupe`);
  }
  const entryDir = path.join(TEST_DIR, ENTRIES);
  const entries = fs.existsSync(entryDir) ? fs.readdirSync(entryDir).filter((file) => file.endsWith('.test.ts')) : [];
  for (const [name, files] of groups) {
    if (files.length === 0) problems.push(`le groupe ${name} n’a aucun fichier`);
    if (!entries.includes(`${name}.test.ts`)) problems.push(`le groupe ${name} n’a pas de fichier test/${ENTRIES}/${name}.test.ts`);
  }
  for (const entry of entries) {
    if (!groups.has(entry.replace(/\.test\.ts$/, ''))) problems.push(`test/${ENTRIES}/${entry} ne correspond à aucun groupe`);
  }
  if (problems.length > 0 && !lenient) {
    throw new Error(`test/setup/groups.js : ${problems.join(' ; ')}. Ajoutez ou corrigez le groupe dans test/setup/groups.js.`);
  }
  return groups;
}

/** The groups' names, longest first. */
const GROUP_NAMES = GROUPS.map(([name]) => name);

module.exports = { TEST_DIR, ENTRIES, TEST_TIMEOUT_MS, GROUP_NAMES, filesByGroup, relativeToTests, entryGroup };
