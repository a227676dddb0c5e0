import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/actor.ts';
import { problems } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import { Overview } from './overview.schemas.ts';
import { getOverview } from './overview.service.ts';

export function overviewRoutes(app: App, deps: Deps): void {
  app.get('/api/admin/overview', {
    config: { allow: ['admin'] },
    schema: {
      tags: ['admin'],
      summary: 'Counts, today\'s appointments, requests waiting too long, and chart series for the dashboard',
      response: { 200: Overview, ...problems(401, 403) },
    },
  }, async (request) => getOverview(deps, actorOf(request), request.ip ?? null));
}
