import type { ErrorCode } from '#shared/errors';

export interface FieldError {
  path: string;
  message: string;
}

/** The one error type: the handler turns it into application/problem+json. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  /** Set once the refusal is in the audit log, so that it is recorded once (http/denial-audit.ts). */
  audited = false;

  /** A refusal answered with another status than 401/403/404 (a failed password check answers 400): audited as one. */
  refusal = false;
}

/** Marks an error as a refusal to be audited (http/denial-audit.ts). */
export function asRefusal(error: AppError): AppError {
  error.refusal = true;
  return error;
}

export const notFound = (what = 'Resource') => new AppError(404, 'NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'Your role may not do this') => new AppError(403, 'FORBIDDEN', message);
export const unauthorized = (message = 'Sign in to continue') => new AppError(401, 'UNAUTHENTICATED', message);
export const invalid = (path: string, message: string) =>
  new AppError(400, 'VALIDATION_FAILED', message, [{ path, message }]);
