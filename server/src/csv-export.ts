import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { AppError } from './http/app-error.ts';

/** The most rows one CSV export holds; past it the caller is asked to narrow the filters. */
export const EXPORT_MAX_ROWS = 100_000;
export const EXPORT_PAGE_SIZE = 1000;

export const exportTooLarge = (maxRows: number) =>
  new AppError(400, 'EXPORT_TOO_LARGE', `More than ${maxRows} rows match: narrow the filters (for example the date range) and export again`);

/**
 * Every row a keyset-paged query yields: each page is read after the last row of the previous one,
 * until a short page. More than `maxRows` rows answer EXPORT_TOO_LARGE rather than a silently cut file.
 */
export async function readAllRows<Row>(
  readPage: (after: Row | null, limit: number) => Promise<Row[]>,
  maxRows = EXPORT_MAX_ROWS,
  pageSize = EXPORT_PAGE_SIZE,
): Promise<Row[]> {
  const rows: Row[] = [];
  let after: Row | null = null;
  for (;;) {
    const page = await readPage(after, pageSize);
    for (const row of page) rows.push(row);
    if (rows.length > maxRows) throw exportTooLarge(maxRows);
    const last = page[page.length - 1];
    if (page.length < pageSize || last === undefined) return rows;
    after = last;
  }
}

/** The OpenAPI description of a CSV answer. */
export const CsvFile = {
  description: 'A CSV file: UTF-8 with a byte order mark, a header row, CRLF line ends',
  content: { 'text/csv': { schema: Type.String() } },
};

/** `prefix-YYYY-MM-DD.csv`, dated in UTC. */
export const csvFilename = (prefix: string, now: Date): string => `${prefix}-${now.toISOString().slice(0, 10)}.csv`;

/** Sends the document as a download. */
export function sendCsv(reply: FastifyReply, filename: string, body: string): FastifyReply {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('x-content-type-options', 'nosniff')
    .send(body);
}
