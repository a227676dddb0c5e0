import { Type } from 'typebox';
import type { Deps } from '../../deps.ts';
import { RETRY_AFTER_SECONDS } from '../../db/availability.ts';
import { sqliteLogBytes } from '../../db/sqlite-log.ts';
import type { App } from '../../http/types.ts';
import { VERSION } from '../../version.ts';
import { pingDatabase } from './health.queries.ts';

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  database: Type.Union([Type.Literal('ok'), Type.Literal('unreachable')]),
  version: Type.String(),
  sqliteLogBytes: Type.Optional(Type.Integer({ minimum: 0, description: 'SQLite only: the size of the write-ahead log in bytes, kept under 32 MiB by the checkpointer' })),
});

export function healthRoutes(app: App, deps: Deps): void {
  app.get('/api/health', {
    config: { allow: 'public' },
    schema: { tags: ['operations'], summary: 'Liveness and database check (503 with Retry-After while the database is unreachable)', response: { 200: Health, 503: Health } },
  }, async (request, reply) => {
    try {
      await pingDatabase(deps.db);
      const log = deps.dialect === 'sqlite' ? { sqliteLogBytes: await sqliteLogBytes(deps.db) } : {};
      return { status: 'ok' as const, database: 'ok' as const, version: VERSION, ...log };
    } catch (error) {
      request.log.warn(`health check: database unreachable: ${error instanceof Error ? error.message : String(error)}`);
      return reply.status(503).header('retry-after', String(RETRY_AFTER_SECONDS)).send({ status: 'unavailable', database: 'unreachable', version: VERSION });
    }
  });
}
