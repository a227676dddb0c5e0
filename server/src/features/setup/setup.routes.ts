import type { Deps } from '../../deps.ts';
import { problems } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import { assertSameOrigin } from '../auth/auth.routes.ts';
import { FirstAdmin, FirstAdminBody, SetupState } from './setup.schemas.ts';
import { administratorNeeded, createFirstAdmin } from './setup.service.ts';

export function setupRoutes(app: App, deps: Deps): void {
  const limit = { max: deps.config.authRateLimitPerMinute, timeWindow: '1 minute' };

  app.get('/api/setup', {
    config: { allow: 'public' },
    schema: { tags: ['setup'], summary: 'Whether the first administrator still has to be created', response: { 200: SetupState } },
  }, async () => ({ administratorNeeded: await administratorNeeded(deps.db) }));

  app.post('/api/setup/admin', {
    config: { allow: 'public', rateLimit: limit },
    schema: {
      tags: ['setup'], summary: 'Create the first administrator with the one-time setup token from the server log',
      body: FirstAdminBody, response: { 201: FirstAdmin, ...problems(400, 403, 409, 429) },
    },
  }, async (request, reply) => {
    assertSameOrigin(deps, request);
    const created = await createFirstAdmin(deps.db, deps.clock.now(), request.ip, request.body);
    return reply.status(201).send(created);
  });
}
