const { TestEnvironment } = require('jest-environment-node');
const { htmlProblems } = require('./html-validator');

/** jest-worker's request that a worker end (CHILD_MESSAGE_END in its protocol). */
const CHILD_MESSAGE_END = 2;
let exitsOnEnd = false;
/** The global through which test files reach the worker's HTML checker (the same name in test/helpers/html.ts). */
const HTML_PROBLEMS = 'htmlProblemsOfWorker';

/**
 * jest's node environment, and two things more. Every test file finds the worker's HTML checker on
 * its global object (test/setup/html-validator.js, read by test/helpers/html.ts). And a worker asked
 * to end exits at once: jest-worker ends a worker by removing its own listener and letting the
 * process exit by itself. After a run's share of test files a worker holds 0.7 to 1.75 GB, which
 * Node took 0.41 to 0.74 s to tear down on a 2-core machine: longer than the 0.5 s jest waits before
 * killing it and printing « A worker process has failed to exit gracefully… », though nothing leaked
 * (no handle is left open after any file). Exiting at once skips Node's teardown, not the kernel's
 * (docs/performance.md). Nothing runs in a worker after that request: its last results have been sent.
 */
class Environment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global[HTML_PROBLEMS] = htmlProblems;
    // Once per worker (this module is loaded once per process); in band (-i) there is no worker.
    if (exitsOnEnd || typeof process.send !== 'function') return;
    exitsOnEnd = true;
    process.on('message', (message) => {
      if (Array.isArray(message) && message[0] === CHILD_MESSAGE_END) process.exit(0);
    });
  }
}

module.exports = Environment;
