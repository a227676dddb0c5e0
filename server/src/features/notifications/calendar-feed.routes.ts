import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/actor.ts';
import { NoContent, problems } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import { CalendarFeed, CalendarFeedParams, CalendarText } from './calendar-feed.schemas.ts';
import { calendarFeedText, createCalendarFeed, revokeCalendarFeed } from './calendar-feed.service.ts';

export function calendarFeedRoutes(app: App, deps: Deps): void {
  app.post('/api/calendar-feed', {
    config: { allow: ['patient', 'doctor'] },
    schema: {
      tags: ['notifications'], summary: 'Create (or replace) my secret calendar feed address',
      response: { 200: CalendarFeed, ...problems(401, 403) },
    },
  }, async (request) => createCalendarFeed(deps, actorOf(request), request.ip ?? null));

  app.delete('/api/calendar-feed', {
    config: { allow: ['patient', 'doctor'] },
    schema: { tags: ['notifications'], summary: 'Revoke my calendar feed address', response: { 204: NoContent, ...problems(401, 403) } },
  }, async (request, reply) => {
    await revokeCalendarFeed(deps, actorOf(request), request.ip ?? null);
    return reply.status(204).send(null);
  });

  app.get('/api/calendar/:token.ics', {
    config: { allow: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: {
      tags: ['notifications'], summary: 'A calendar feed (the token in the address is the credential)',
      params: CalendarFeedParams, response: { 200: CalendarText, ...problems(400, 404, 429) },
    },
  }, async (request, reply) => {
    const text = await calendarFeedText(deps, request.params.token, request.ip ?? null);
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="appointments.ics"').send(text);
  });
}
