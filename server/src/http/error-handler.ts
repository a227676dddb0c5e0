import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../db/availability.ts';
import { constraintViolation } from '../db/constraint.ts';
import type { ErrorCode } from '#shared/errors';
import { AppError, type FieldError } from './app-error.ts';
import { fieldErrors, type AjvIssue } from './field-messages.ts';
import type { App } from './types.ts';

const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 413: 'Content Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests',
  500: 'Internal Server Error', 503: 'Service Unavailable',
};

/** Turns any error into an application/problem+json answer; 5xx answers carry only the request id. */
export function toProblem(error: unknown, requestId: string): { status: number; body: Record<string, unknown>; headers: Record<string, string> } {
  const body = (status: number, code: ErrorCode, detail: string, errors?: FieldError[]) => ({
    type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail, code, ...(errors ? { errors } : {}),
  });
  if (error instanceof AppError) {
    return { status: error.status, body: body(error.status, error.code, error.message, error.errors), headers: error.headers ?? {} };
  }
  const fe = error as FastifyError & { validation?: AjvIssue[]; validationContext?: string };
  if (fe.validation) {
    const errors = fieldErrors(fe.validation, fe.validationContext);
    const first = errors[0];
    const detail = !first ? 'The request is invalid'
      : errors.length === 1 ? first.message
        : `${errors.length} fields need correcting: ${errors.map((error) => error.message).join('; ')}`;
    return { status: 400, body: body(400, 'VALIDATION_FAILED', detail, errors), headers: {} };
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: body(400, 'MALFORMED_JSON', 'The request body is not valid JSON'), headers: {} };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: body(413, 'BODY_TOO_LARGE', 'The request body is too large'), headers: {} };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 415, body: body(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json'), headers: {} };
  }
  if (fe.statusCode === 429) {
    return { status: 429, body: body(429, 'RATE_LIMITED', 'Too many requests; slow down and try again shortly'), headers: {} };
  }
  if (fe instanceof SyntaxError || fe.statusCode === 400) {
    return { status: 400, body: body(400, 'BAD_REQUEST', 'The request could not be read'), headers: {} };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      status: 503,
      body: body(503, 'DATABASE_UNAVAILABLE', 'The database cannot be reached at the moment; nothing was changed by this request. Try again shortly.'),
      headers: { 'retry-after': String(RETRY_AFTER_SECONDS) },
    };
  }
  const violation = constraintViolation(error);
  if (violation && violation.kind !== 'other') {
    return { status: 409, body: body(409, 'CONFLICT', 'The change conflicts with the current state of the data'), headers: {} };
  }
  return {
    status: 500,
    body: { ...body(500, 'INTERNAL_ERROR', `Something went wrong on our side. Quote request id ${requestId} when reporting it.`), requestId },
    headers: {},
  };
}

/** Answers a request no route matched; returns false to fall through to the 404 problem. */
export type NotFoundFallback = (request: FastifyRequest, reply: FastifyReply) => boolean;

export function registerErrorHandler(app: App): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const problem = toProblem(error, request.id);
    // A deliberate 5xx (the sign-in queue is full) is a warning without a stack; anything else is a failure.
    if (problem.status >= 500 && error instanceof AppError && error.cause !== undefined) request.log.error({ err: error.cause, reqId: request.id, code: error.code }, error.message);
    else if (problem.status >= 500 && error instanceof AppError) request.log.warn({ reqId: request.id, code: error.code }, error.message);
    else if (problem.body['code'] === 'DATABASE_UNAVAILABLE') request.log.warn({ reqId: request.id, code: 'DATABASE_UNAVAILABLE' }, `database unreachable: ${error instanceof Error ? error.message : String(error)}`);
    else if (problem.status >= 500) request.log.error({ err: error, reqId: request.id }, 'request failed');
    return reply.status(problem.status).headers(problem.headers).type('application/problem+json').send(problem.body);
  });
}

export function registerNotFound(app: App, fallback?: NotFoundFallback): void {
  app.setNotFoundHandler((request, reply) => {
    if (fallback?.(request, reply)) return reply;
    const problem = toProblem(new AppError(404, 'NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`), request.id);
    return reply.status(404).type('application/problem+json').send(problem.body);
  });
}
