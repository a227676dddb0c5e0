import { ERROR_CODES, type ErrorCode } from '#shared/errors';

/** A problem's code: one of the server's, or HTTP_<status> when the answer carried none (a proxy's error page). */
export type ProblemCode = ErrorCode | `HTTP_${number}`;

export interface FieldProblem {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: ProblemCode;
  readonly fieldErrors: FieldProblem[];

  constructor(status: number, code: ProblemCode, detail: string, fieldErrors: FieldProblem[] = []) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function readFieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) =>
    isRecord(item) && typeof item.path === 'string' && typeof item.message === 'string'
      ? [{ path: item.path, message: item.message }]
      : [],
  );
}

const fallbackMessages: Record<number, string> = {
  400: 'Some of the information is not valid.',
  401: 'You are not signed in.',
  403: 'You are not allowed to do this.',
  404: 'We could not find what you were looking for.',
  409: 'This conflicts with the current state. Please reload and try again.',
  429: 'Too many attempts. Please wait a moment and try again.',
};

/** Builds an ApiError from a failed response and its problem+json body (if any). */
export function toApiError(response: Response, body: unknown): ApiError {
  const problem = isRecord(body) ? body : {};
  const detail =
    typeof problem.detail === 'string' && problem.detail !== ''
      ? problem.detail
      : typeof problem.title === 'string' && problem.title !== ''
        ? problem.title
        : (fallbackMessages[response.status] ?? 'Something went wrong. Please try again.');
  const known = (ERROR_CODES as readonly unknown[]).includes(problem.code);
  const code: ProblemCode = known ? (problem.code as ErrorCode) : `HTTP_${response.status}`;
  return new ApiError(response.status, code, detail, readFieldProblems(problem.errors));
}

/** Turns `[{ path: '/password', message }]` into `{ password: message }` (first message per field). */
export function fieldErrorMap(errors: FieldProblem[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const { path, message } of errors) {
    const field = path.replace(/^\//, '').split('/')[0] ?? '';
    if (map[field] === undefined) map[field] = message;
  }
  return map;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'We could not reach the hospital server. Check your connection and try again.';
}
