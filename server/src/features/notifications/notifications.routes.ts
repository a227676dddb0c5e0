import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/actor.ts';
import { NoContent, problems } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import { NotificationPage, NotificationParams, NotificationQuery, Preferences, PreferencesBody, UnreadCount } from './notifications.schemas.ts';
import { listNotifications, markAllRead, markRead, unreadCount } from './notifications.service.ts';
import { getPreferences, updatePreferences } from './preferences.ts';

export function notificationRoutes(app: App, deps: Deps): void {
  app.get('/api/notifications', {
    config: { allow: 'signed-in' },
    schema: {
      tags: ['notifications'], summary: 'My notifications, newest first',
      querystring: NotificationQuery, response: { 200: NotificationPage, ...problems(400, 401) },
    },
  }, async (request) => listNotifications(deps, actorOf(request), request.query));

  app.get('/api/notifications/unread-count', {
    config: { allow: 'signed-in' },
    schema: { tags: ['notifications'], summary: 'How many of my notifications are unread', response: { 200: UnreadCount, ...problems(401) } },
  }, async (request) => unreadCount(deps, actorOf(request)));

  app.post('/api/notifications/read-all', {
    config: { allow: 'signed-in' },
    schema: { tags: ['notifications'], summary: 'Mark all my notifications read', response: { 204: NoContent, ...problems(401, 403) } },
  }, async (request, reply) => {
    await markAllRead(deps, actorOf(request));
    return reply.status(204).send(null);
  });

  app.post('/api/notifications/:id/read', {
    config: { allow: 'signed-in' },
    schema: {
      tags: ['notifications'], summary: 'Mark one of my notifications read',
      params: NotificationParams, response: { 204: NoContent, ...problems(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    await markRead(deps, actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/notifications/preferences', {
    config: { allow: 'signed-in' },
    schema: { tags: ['notifications'], summary: 'Which channels each kind of notification reaches me on', response: { 200: Preferences, ...problems(401) } },
  }, async (request) => getPreferences(deps, actorOf(request)));

  app.put('/api/notifications/preferences', {
    config: { allow: 'signed-in' },
    schema: {
      tags: ['notifications'], summary: 'Choose email and text-message channels per kind (in-app is always on)',
      body: PreferencesBody, response: { 200: Preferences, ...problems(400, 401, 403) },
    },
  }, async (request) => updatePreferences(deps, actorOf(request), request.body.items));
}
