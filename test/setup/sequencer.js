const fs = require('node:fs');
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;
const { ENTRIES, GROUP_NAMES } = require('./groups');

/**
 * jest's order (files that failed last time first, then the longest last time; on a run with no
 * times yet, the groups in the order test/setup/groups.js lists them), except for the run's one static export (test/helpers/shared-site.ts): the file that
 * builds it first, and the file that only reads it last. Ordered by duration alone, the reader started
 * beside the builder and held its worker idle for the half-minute the export takes; last, it finds
 * the export done.
 */
// Each as a file of its own, or as the group that runs it alone (test/setup/groups.js).
const FIRST = ['/test/browser/export-site.test.ts', '/test/groups/browser-export-site.test.ts'];
const LAST = ['/test/cli/csv-formulas.test.ts', '/test/groups/server-csv-formulas.test.ts'];

// A file moved or renamed would silently lose its place: the run stops and says which.
for (const file of [...FIRST, ...LAST]) {
  if (!fs.existsSync(path.join(__dirname, '..', '..', file))) {
    throw new Error(`test/setup/sequencer.js nomme ${file}, qui n’existe plus : mettez son chemin à jour.`);
  }
}

const rank = (test) => (FIRST.some((end) => test.path.endsWith(end)) ? 0 : LAST.some((end) => test.path.endsWith(end)) ? 2 : 1);

/** A group's place in test/setup/groups.js (longest first), for a run that has no times yet. */
const listed = (test) => {
  const index = path.basename(path.dirname(test.path)) === ENTRIES ? GROUP_NAMES.indexOf(path.basename(test.path, '.test.ts')) : -1;
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
