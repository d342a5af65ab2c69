/**
 * Bounds how many password verifications run at once. argon2 runs on libuv's threadpool (4 threads
 * by default), which also serves file reads and DNS: a burst of sign-ins must not take all of it,
 * nor pile up a queue that answers minutes late. Beyond `running` at work and `waiting` in line, an
 * attempt is refused at once (the caller answers 503) rather than queued.
 *
 * Hand-written rather than p-limit: that library is ESM-only and queues without bound.
 */
export class HashingSlots {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    private readonly running: number,
    private readonly waiting: number,
  ) {}

  /** Runs `work` when a slot is free, or returns `{ ok: false }` at once when the line is full. */
  async run<T>(work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
    if (this.active >= this.running) {
      if (this.queue.length >= this.waiting) return { ok: false };
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else {
      this.active++;
    }
    try {
      return { ok: true, value: await work() };
    } finally {
      // The slot passes straight to the next in line, so `active` stays counted.
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/** Two verifications at a time (half the threadpool), eight more in line: about a second's wait. */
export const SIGN_IN_SLOTS = { running: 2, waiting: 8 };
