import { Type } from 'typebox';
import type { Deps } from '../../deps.ts';
import { Instant, problems } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import { APPOINTMENT_STATUSES } from '#shared/appointments';
import { cancelByLink, rescheduleByLink, viewByLink } from './manage.service.ts';

const Params = Type.Object({ token: Type.String({ maxLength: 200 }) });
const Status = Type.Enum(APPOINTMENT_STATUSES);
const ManageView = Type.Object({
  appointment: Type.Object({
    id: Type.String(), doctorName: Type.String(), start: Instant, end: Instant, status: Status,
    allowedActions: Type.Array(Type.Enum(['cancel', 'reschedule'] as const)), changeDeadline: Type.Union([Instant, Type.Null()]),
  }),
  hospital: Type.Object({ name: Type.String(), phone: Type.Union([Type.String(), Type.Null()]), email: Type.Union([Type.String(), Type.Null()]), timeZone: Type.String() }),
});
const addressLimit = { max: 60, timeWindow: '1 minute' };

/** The manage page's API: the token in the path is the credential; no cookie, no CSRF token. */
export function manageRoutes(app: App, deps: Deps): void {
  app.get('/api/manage/:token', {
    config: { allow: 'public', rateLimit: addressLimit },
    schema: { tags: ['links'], summary: 'The appointment a manage link names (changes nothing)', params: Params, response: { 200: ManageView, ...problems(404, 429) } },
  }, async (request) => viewByLink(deps, request.params.token, request.ip ?? null));

  app.post('/api/manage/:token/cancel', {
    config: { allow: 'public', rateLimit: addressLimit },
    schema: {
      tags: ['links'], summary: 'Cancel through a manage link', params: Params,
      body: Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ status: Status }), ...problems(400, 404, 409, 429) },
    },
  }, async (request) => cancelByLink(deps, request.params.token, request.body.reason, request.ip ?? null));

  app.post('/api/manage/:token/reschedule', {
    config: { allow: 'public', rateLimit: addressLimit },
    schema: {
      tags: ['links'], summary: 'Move through a manage link; the old link stops working and the answer carries the new one', params: Params,
      body: Type.Object({ start: Instant }, { additionalProperties: false }),
      response: { 200: Type.Object({ status: Status, manageUrl: Type.String() }), ...problems(400, 404, 409, 429) },
    },
  }, async (request) => rescheduleByLink(deps, request.params.token, request.body.start, request.ip ?? null));
}
