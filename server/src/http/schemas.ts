import { Type, type TSchema } from 'typebox';
import { ERROR_CODES } from '#shared/errors';
import { PAGE_DEFAULT_LIMIT, PAGE_MAX_LIMIT } from '#shared/limits';

/** Schema pieces shared by every feature: the contract's vocabulary. */
export const Id = Type.String({ minLength: 1, maxLength: 64, description: 'An opaque id (UUIDv7)' });
export const Instant = Type.String({ format: 'date-time', description: 'ISO-8601 instant; answers are UTC with Z' });
export const LocalDate = Type.String({ format: 'date', description: 'A calendar date, YYYY-MM-DD' });
export const WallTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, 24 h' });

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.Enum(ERROR_CODES, { description: 'Stable machine-readable code of the problem' }),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  },
  { description: 'RFC 9457 problem details' },
);

/** Problem responses for the listed status codes, for a route's `response` map. */
export function problems(...statuses: number[]): Record<number, typeof Problem> {
  return Object.fromEntries(statuses.map((status) => [status, Problem]));
}

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_MAX_LIMIT, default: PAGE_DEFAULT_LIMIT })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
};

export function Page<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
}

export const NoContent = Type.Null({ description: 'No content' });
