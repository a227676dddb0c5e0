import { Type } from 'typebox';
import type { Deps } from '../../deps.ts';
import type { App } from '../../http/types.ts';
import { VERSION } from '../../version.ts';
import { pingDatabase } from './health.queries.ts';

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  database: Type.Union([Type.Literal('ok'), Type.Literal('unreachable')]),
  version: Type.String(),
});

export function healthRoutes(app: App, deps: Deps): void {
  app.get('/api/health', {
    config: { allow: 'public' },
    schema: { tags: ['operations'], summary: 'Liveness and database check', response: { 200: Health, 503: Health } },
  }, async (request, reply) => {
    try {
      await pingDatabase(deps.db);
      return { status: 'ok' as const, database: 'ok' as const, version: VERSION };
    } catch (error) {
      request.log.error({ err: error }, 'health check: database unreachable');
      return reply.status(503).send({ status: 'unavailable', database: 'unreachable', version: VERSION });
    }
  });
}
