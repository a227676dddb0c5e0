import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/actor.ts';
import { NoContent, problems } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import { DeliveryPage, DeliveryParams, DeliveryQuery } from './deliveries.schemas.ts';
import { listDeliveries, retryDelivery } from './deliveries.service.ts';

export function deliveryRoutes(app: App, deps: Deps): void {
  app.get('/api/admin/deliveries', {
    config: { allow: ['admin'] },
    schema: {
      tags: ['notifications'], summary: 'Email, text-message and reminder jobs, newest first (?status=dead: the ones given up on)',
      querystring: DeliveryQuery, response: { 200: DeliveryPage, ...problems(400, 401, 403) },
    },
  }, async (request) => listDeliveries(deps, request.query));

  app.post('/api/admin/deliveries/:id/retry', {
    config: { allow: ['admin'] },
    schema: {
      tags: ['notifications'], summary: 'Queue a dead or failed delivery again',
      params: DeliveryParams, response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    await retryDelivery(deps, actorOf(request), request.params.id, request.ip ?? null);
    return reply.status(204).send(null);
  });
}
