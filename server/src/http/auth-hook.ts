import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import { BACKGROUND_HEADER, resolveSession, SESSION_COOKIE } from '../features/auth/sessions.ts';
import { AppError } from './app-error.ts';
import { checkPermission } from './permissions.ts';
import type { App } from './types.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Sign-in and account recovery: they check Origin instead (a visitor may still carry an old session cookie).
const CSRF_EXEMPT = new Set(['/api/auth/login', '/api/auth/register', '/api/auth/password-reset', '/api/auth/password-reset/confirm', '/api/auth/mfa/verify',
  // The offline payment checkout's form: it carries its own HMAC token instead.
  '/api/payments/fake/checkout/:ref']);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Before the body is even read: resolve the session cookie, refuse a missing or wrong CSRF token on
 * unsafe requests, and enforce the route's declared permission.
 */
export function registerAuthHook(app: App, deps: Deps): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (request.is404) return;
    const token = request.cookies[SESSION_COOKIE];
    const background = request.headers[BACKGROUND_HEADER] === '1';
    request.actor = token ? await resolveSession(deps.db, deps.clock.now(), token, { background }) : null;
    const actor = request.actor;
    if (actor && UNSAFE.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      const sent = typeof header === 'string' ? header : '';
      const exempt = CSRF_EXEMPT.has(request.routeOptions.url ?? '');
      if (!exempt && !sameToken(sent, actor.csrfToken)) {
        throw new AppError(403, 'CSRF_TOKEN_INVALID', 'Missing or invalid X-CSRF-Token header: send the csrfToken of your session');
      }
    }
    checkPermission(request);
    if (actor?.mustChangePassword && !request.routeOptions.config.allowWithTemporaryPassword && request.routeOptions.config.allow !== 'public') {
      throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', 'Change your temporary password before continuing');
    }
    if (actor?.mustEnrolSecondFactor && !request.routeOptions.config.allowBeforeSecondFactor && request.routeOptions.config.allow !== 'public') {
      throw new AppError(403, 'MFA_ENROLMENT_REQUIRED', 'Set up two-step verification before continuing: the hospital requires it for staff');
    }
  });
}
