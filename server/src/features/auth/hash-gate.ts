import { AppError } from '../../http/app-error.ts';

/**
 * Bounds the password hashes (argon2id, ≈20 ms of CPU and 19 MiB each) running at once. They run on libuv's
 * thread pool, off the event loop, but a storm of sign-ins would otherwise keep every core hashing and starve
 * the event loop, so every other request would wait. Beyond `concurrency`, work waits in a queue of at most
 * `queue`; past that the answer is 503 with Retry-After at once, before any hashing.
 */
export interface HashGate {
  /** Runs `work` when a slot is free; skips it if `abandoned()` says the client has gone by then. */
  run<T>(work: () => Promise<T>, abandoned?: () => boolean): Promise<T>;
}

const busy = () => new AppError(503, 'SIGN_IN_BUSY', 'Too many sign-ins at this moment: try again in a second', undefined, { 'retry-after': '1' });

export function createHashGate(concurrency: number, queue: number): HashGate {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
  return {
    async run(work, abandoned) {
      if (running < concurrency) {
        running += 1;
      } else {
        if (waiting.length >= queue) throw busy();
        // The slot passes straight from the releasing run to this one: `running` does not change.
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      try {
        if (abandoned?.()) throw busy();
        return await work();
      } finally {
        release();
      }
    },
  };
}
