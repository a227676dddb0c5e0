import type { FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../features/audit/audit.service.ts';
import { AppError } from './app-error.ts';
import type { App } from './types.ts';

// Refusals a signed-in caller meets: 401 (a password check that failed), 403 (a role refusal, a missing CSRF
// token, a temporary password to change first) and 404 (absent or not theirs, which look the same to them).
const AUDITED_STATUSES = new Set([401, 403, 404]);

/** `/api/appointments/:id/confirm` → `appointment`; the entity a refused request was about. */
function entityTypeOf(route: string | undefined): string | null {
  const segment = route?.split('/')[2];
  if (!segment) return null;
  return segment.endsWith('ies') ? `${segment.slice(0, -3)}y` : segment.replace(/s$/, '');
}

function entityIdOf(request: FastifyRequest): string | null {
  const params = request.params as Record<string, unknown> | undefined;
  const id = params?.['id'];
  return typeof id === 'string' && id.length <= 64 ? id : null;
}

/**
 * Every refusal is audited in one place, whichever hook or service refused: the permission and CSRF checks of
 * the auth hook, and every 403/404 a service throws. A refusal has no business transaction (it rolled back, or
 * there was none), so its row is written in a transaction of its own. Refusals already audited with more
 * detail where they happened (`error.audited`) are not written twice. Anonymous 401s are not refusals of anyone
 * (sign-in failures are audited by the sign-in itself).
 */
export function registerDenialAudit(app: App, deps: Deps): void {
  app.addHook('onError', async (request, _reply, error) => {
    if (!(error instanceof AppError) || error.audited || !(AUDITED_STATUSES.has(error.status) || error.refusal)) return;
    const actor = request.actor;
    if (!actor) return;
    const route = request.routeOptions.url;
    try {
      await recordAudit(deps.db, deps.clock.now(), {
        actorId: actor.userId, actorRole: actor.role, action: 'access.denied',
        entityType: entityTypeOf(route), entityId: entityIdOf(request), outcome: 'denied', ip: request.ip ?? null,
        details: { status: error.status, code: error.code, method: request.method, route: route ?? null },
      });
      error.audited = true;
    } catch (failure) {
      // The request is refused either way; a refusal that could not be recorded is an operational alarm.
      request.log.error({ err: failure, reqId: request.id }, 'could not record a refused request in the audit log');
    }
  });
}
