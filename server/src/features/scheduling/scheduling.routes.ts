import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/actor.ts';
import { NoContent, problems } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import { getAvailability, replaceAvailability } from './availability.service.ts';
import { Availability, DoctorParams, SlotList, SlotsQuery, TimeOff, TimeOffBody, TimeOffList, TimeOffParams, TimeOffQuery } from './scheduling.schemas.ts';
import { listDoctorSlots } from './slots.service.ts';
import { addTimeOff, listTimeOffFor, removeTimeOff } from './time-off.service.ts';

export function schedulingRoutes(app: App, deps: Deps): void {
  app.get('/api/doctors/:id/availability', {
    config: { allow: 'public' },
    schema: {
      tags: ['scheduling'], summary: "A doctor's weekly plan and slot length, in the hospital's wall-clock time",
      params: DoctorParams, response: { 200: Availability, ...problems(400, 404) },
    },
  }, async (request) => getAvailability(deps.db, request.actor, request.params.id));

  app.put('/api/doctors/:id/availability', {
    config: { allow: ['doctor', 'admin'] },
    schema: {
      tags: ['scheduling'], summary: 'Replace the weekly plan and slot length (the doctor themself, administrators); appointments are not touched',
      params: DoctorParams, body: Availability, response: { 200: Availability, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => replaceAvailability(deps, actorOf(request), request.ip, request.params.id, request.body));

  app.get('/api/doctors/:id/time-off', {
    config: { allow: ['doctor', 'admin', 'receptionist'] },
    schema: {
      tags: ['scheduling'], summary: "A doctor's current and future time off (with includePast, also what has ended)",
      params: DoctorParams, querystring: TimeOffQuery, response: { 200: TimeOffList, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => listTimeOffFor(deps, actorOf(request), request.params.id, request.query.includePast === true));

  app.post('/api/doctors/:id/time-off', {
    config: { allow: ['doctor', 'admin'] },
    schema: {
      tags: ['scheduling'], summary: 'Add time off (the doctor themself, administrators): its slots stop being offered',
      params: DoctorParams, body: TimeOffBody, response: { 201: TimeOff, ...problems(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const created = await addTimeOff(deps, actorOf(request), request.ip, request.params.id, request.body);
    return reply.status(201).send(created);
  });

  app.delete('/api/doctors/:id/time-off/:timeOffId', {
    config: { allow: ['doctor', 'admin'] },
    schema: {
      tags: ['scheduling'], summary: 'Remove time off (the doctor themself, administrators)',
      params: TimeOffParams, response: { 204: NoContent, ...problems(401, 403, 404) },
    },
  }, async (request, reply) => {
    await removeTimeOff(deps, actorOf(request), request.ip, request.params.id, request.params.timeOffId);
    return reply.status(204).send(null);
  });

  app.get('/api/doctors/:id/slots', {
    config: { allow: 'public' },
    schema: {
      tags: ['scheduling'], summary: 'Free, bookable slots of an active doctor on the dates from..to (at most 62 days apart)',
      params: DoctorParams, querystring: SlotsQuery, response: { 200: SlotList, ...problems(400, 404) },
    },
  }, async (request) => listDoctorSlots(deps, request.params.id, request.query.from, request.query.to));
}
