import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema.gen.ts';
import type { Session } from './types.ts';
import { queryClient, sessionKey } from './queryClient.ts';
import { toApiError } from './problem.ts';
import { BACKGROUND_HEADER, takeActivity } from './activity.ts';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Calls whose 401 answers are expected and handled by the page itself. */
const own401 = new Set([
  'GET /api/auth/session',
  'POST /api/auth/login',
  'POST /api/auth/register',
  'POST /api/auth/logout',
  'POST /api/auth/mfa/verify',
]);

let endingSession = false;
/** The app is signing the user out on its own: a request still in flight that meets a 401 is not an expiry. */
export function expectSessionEnd(): void {
  endingSession = true;
}

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    if (!takeActivity()) request.headers.set(BACKGROUND_HEADER, '1');
    if (!unsafeMethods.has(request.method)) return request;
    const token = queryClient.getQueryData<Session | null>(sessionKey)?.csrfToken;
    if (token) request.headers.set('X-CSRF-Token', token);
    return request;
  },
  onResponse({ request, response, schemaPath }) {
    if (endingSession || response.status !== 401 || own401.has(`${request.method} ${schemaPath}`)) return undefined;
    // After signing out the session is known to be gone: a request still in flight is not an expiry.
    if (queryClient.getQueryData<Session | null>(sessionKey) === null) return undefined;
    window.location.assign('/login?expired=1');
    return undefined;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(sessionMiddleware);

/** Returns the body of a successful call, or throws an ApiError built from the problem+json body. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (!result.response.ok) throw toApiError(result.response, result.error);
  return result.data as T;
}
