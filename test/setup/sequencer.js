const fs = require('node:fs');
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;
const { GROUP_NAMES, TEST_DIR, entryGroup, filesByGroup, relativeToTests } = require('./groups');

/**
 * jest's order (files that failed last time first, then the longest last time; on a run with no
 * times yet, the groups in the order test/setup/groups.js lists them), except for the run's one
 * static export (test/helpers/shared-site.ts): the file that builds it first, and the file that only
 * reads it last, whether each runs as a file of its own or in its group. Ordered by duration alone,
 * the reader started beside the builder and held its worker idle for the half-minute the export
 * takes; last, it finds the export done.
 */
const FIRST = 'browser/export-site.test.ts';
const LAST = 'cli/csv-formulas.test.ts';

// A file moved or renamed would silently lose its place: the run stops and says which.
for (const file of [FIRST, LAST]) {
  if (!fs.existsSync(path.join(TEST_DIR, file))) {
    throw new Error(`test/setup/sequencer.js nomme test/${file}, qui n’existe plus : mettez son chemin à jour.`);
  }
}

// jest.config.js has already checked the groups for a grouped run; a file run by its path needs no group.
const groups = filesByGroup({ lenient: true });

/** The test files a test path runs: its group's, or itself, relative to test/. */
const filesOf = (test) => groups.get(entryGroup(test.path)) ?? [relativeToTests(test.path)];

const rank = (test) => {
  const files = filesOf(test);
  return files.includes(FIRST) ? 0 : files.includes(LAST) ? 2 : 1;
};

/** A group's place in test/setup/groups.js (longest first), for a run that has no times yet. */
const listed = (test) => {
  const index = GROUP_NAMES.indexOf(entryGroup(test.path));
  return index === -1 ? GROUP_NAMES.length : index;
};

class DashboardSequencer extends Sequencer {
  sort(tests) {
    // With no times yet, jest would order the groups by the size of their entry files, all alike.
    const ordered = tests.every((test) => this.time(test) == null) ? [...tests].sort((a, b) => listed(a) - listed(b)) : super.sort(tests);
    // Array.prototype.sort is stable: that order stays within each rank.
    return ordered.sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = DashboardSequencer;
