import { AppError } from '../../http/app-error.ts';

/** An opaque page cursor: the sort key of the last item of the page, as base64url JSON. */
export function encodeCursor(values: string[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

const badCursor = () => new AppError(400, 'VALIDATION_FAILED', 'The cursor is not one this list gave out', [{ path: '/cursor', message: 'is invalid' }]);

/** The string values of a cursor this list gave out; 400 for anything else. */
export function decodeCursor(cursor: string | undefined, arity: number): string[] | null {
  if (cursor === undefined) return null;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(values) || values.length !== arity || !values.every((value) => typeof value === 'string')) throw badCursor();
  return values as string[];
}

/** A cursor of two strings (a sort key and the id), as the name-ordered lists give out. */
export function decodePairCursor(cursor: string | undefined): { key: string; id: string } | null {
  const values = decodeCursor(cursor, 2);
  return values ? { key: values[0] ?? '', id: values[1] ?? '' } : null;
}

/** Keeps the first `limit` rows of `limit + 1` fetched, and the cursor of the last one when more follow. */
export function pageOf<Row, Item>(rows: Row[], limit: number, key: (row: Row) => string[], map: (row: Row) => Item) {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(map), nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null };
}
