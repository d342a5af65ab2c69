import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A temporary folder of a test block, made by useTempDir. */
export interface TempDir {
  /** The folder (set once the block's hook made it). */
  readonly path: string;
  /** A path inside it. */
  file(...parts: string[]): string;
}

/**
 * A fresh folder under the system's temporary one for each test of the block (or, with
 * `{ each: false }`, one for the whole block), removed after it with what it holds. The removal
 * is a hook declared where useTempDir is called, and jest runs a block's after-hooks in the order
 * they were declared: declare first what must happen before it (stopping a server, closing a
 * database on a file inside).
 */
export function useTempDir(prefix: string, { each = true }: { each?: boolean } = {}): TempDir {
  let dir: string | undefined;
  const make = () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  };
  const remove = () => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  };
  if (each) {
    beforeEach(make);
    afterEach(remove);
  } else {
    beforeAll(make);
    afterAll(remove);
  }
  const current = () => {
    if (!dir) throw new Error(`useTempDir('${prefix}'): the folder exists only inside the block's tests and hooks`);
    return dir;
  };
  return {
    get path() {
      return current();
    },
    file: (...parts) => path.join(current(), ...parts),
  };
}
