import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/app-error.ts';
import { createHashGate } from './hash-gate.ts';

/** Work that finishes when the test says so. */
function pending<T>(value: T) {
  let finish: () => void = () => {};
  let started = false;
  const done = new Promise<T>((resolve) => {
    finish = () => resolve(value);
  });
  return { work: () => ((started = true), done), finish: () => finish(), started: () => started };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the password hash gate', () => {
  it('runs at most `concurrency` at once and starts the waiting ones in order as slots free', async () => {
    const gate = createHashGate(2, 10);
    const jobs = [pending(1), pending(2), pending(3), pending(4)];
    const results = jobs.map((job) => gate.run(job.work));
    await settle();
    expect(jobs.map((job) => job.started())).toEqual([true, true, false, false]);
    jobs[1]?.finish();
    await settle();
    expect(jobs.map((job) => job.started())).toEqual([true, true, true, false]);
    jobs[0]?.finish();
    jobs[2]?.finish();
    await settle();
    expect(jobs[3]?.started()).toBe(true);
    jobs[3]?.finish();
    expect(await Promise.all(results)).toEqual([1, 2, 3, 4]);
  });

  it('answers 503 with Retry-After, without running the work, once the queue is full', async () => {
    const gate = createHashGate(1, 1);
    const first = pending('a');
    const second = pending('b');
    const third = pending('c');
    const running = gate.run(first.work);
    const queued = gate.run(second.work);
    const refused = await gate.run(third.work).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ status: 503, code: 'SIGN_IN_BUSY', headers: { 'retry-after': '1' } });
    expect(third.started()).toBe(false);
    first.finish();
    second.finish();
    expect([await running, await queued]).toEqual(['a', 'b']);
  });

  it('skips the work of a caller who hung up while waiting, and frees the slot of work that failed', async () => {
    const gate = createHashGate(1, 5);
    const first = pending('a');
    const gone = pending('b');
    const running = gate.run(first.work);
    const abandoned = gate.run(gone.work, () => true);
    first.finish();
    expect(await running).toBe('a');
    expect(await abandoned.catch((error: unknown) => error)).toMatchObject({ status: 503 });
    expect(gone.started()).toBe(false);
    await expect(gate.run(() => Promise.reject(new Error('argon2 failed')))).rejects.toThrow('argon2 failed');
    expect(await gate.run(async () => 'still open')).toBe('still open');
  });
});
