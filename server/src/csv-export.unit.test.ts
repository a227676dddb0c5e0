import { describe, expect, it } from 'vitest';
import { AppError } from './http/app-error.ts';
import { readAllRows } from './csv-export.ts';

const numbers = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

/** A keyset-paged source over 1..count. */
function source(count: number) {
  const calls: (number | null)[] = [];
  const readPage = async (after: number | null, limit: number) => {
    calls.push(after);
    return numbers(count).filter((n) => n > (after ?? 0)).slice(0, limit);
  };
  return { readPage, calls };
}

describe('reading every row page by page', () => {
  it('reads each page after the last row of the previous one, up to a short page', async () => {
    const { readPage, calls } = source(7);
    expect(await readAllRows(readPage, 100, 3)).toEqual(numbers(7));
    expect(calls).toEqual([null, 3, 6]);
  });

  it('stops after an empty page when the rows fill the pages exactly', async () => {
    const { readPage, calls } = source(6);
    expect(await readAllRows(readPage, 100, 3)).toEqual(numbers(6));
    expect(calls).toEqual([null, 3, 6]);
  });

  it('accepts exactly the maximum and refuses one row more', async () => {
    expect(await readAllRows(source(5).readPage, 5, 2)).toHaveLength(5);
    const refusal = await readAllRows(source(6).readPage, 5, 2).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ status: 400, code: 'EXPORT_TOO_LARGE' });
  });
});
