import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/actor.ts';
import { problems } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import { Settings, SettingsBody } from './settings.schemas.ts';
import { getSettingsView, saveSettings } from './settings.service.ts';

export function settingsRoutes(app: App, deps: Deps): void {
  app.get('/api/settings', {
    config: { allow: ['admin'] },
    schema: { tags: ['hospital'], summary: 'Hospital information and booking rules', response: { 200: Settings, ...problems(401, 403) } },
  }, async () => getSettingsView(deps.db));

  app.put('/api/settings', {
    config: { allow: ['admin'] },
    schema: {
      tags: ['hospital'], summary: 'Replace hospital information and booking rules (the whole object)',
      body: SettingsBody, response: { 200: Settings, ...problems(400, 401, 403) },
    },
  }, async (request) => saveSettings(deps, actorOf(request), request.ip, request.body));
}
