import path from 'node:path';

/** test/setup/groups.js, which says which test files each group runs. */
interface Groups {
  TEST_DIR: string;
  TEST_TIMEOUT_MS: number;
  filesByGroup: (options?: { lenient?: boolean }) => Map<string, string[]>;
  entryGroup: (file: string) => string | undefined;
}

/** Where jest keeps the timeout that jest.setTimeout sets for the tests of the file it runs. */
const TIMEOUT = Symbol.for('TEST_TIMEOUT_SYMBOL');

/**
 * Runs the test files of the group that `entry` (test/groups/NAME.test.ts) names, each in a
 * describe named after its path below test/, in this one jest file (test/setup/groups.js says why).
 * A file that sets its own timeout (jest.setTimeout) sets it for the whole group: the group keeps
 * the longest any of its files asked for, and never less than the suite's.
 */
export function runGroup(entry: string): void {
  const { TEST_DIR, TEST_TIMEOUT_MS, filesByGroup, entryGroup } = jest.requireActual<Groups>(
    path.join(__dirname, '..', 'setup', 'groups.js'),
  );
  const name = entryGroup(entry);
  // jest.config.js checked the groups once before the run; each group's worker needs only its list.
  const files = name === undefined ? undefined : filesByGroup({ lenient: true }).get(name);
  if (!files) throw new Error(`test/setup/groups.js ne connaît pas le groupe de ${entry}.`);
  const scope = globalThis as unknown as Record<symbol, number | undefined>;
  let timeout = TEST_TIMEOUT_MS;
  for (const file of files) {
    describe(file, () => {
      jest.requireActual(path.join(TEST_DIR, file));
    });
    timeout = Math.max(timeout, scope[TIMEOUT] ?? 0);
  }
  jest.setTimeout(timeout);
}
