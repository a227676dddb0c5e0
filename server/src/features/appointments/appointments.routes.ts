import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/actor.ts';
import { problems } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import {
  Appointment, AppointmentPage, AppointmentParams, AppointmentQuery, BookBody, BookHeaders, CancelBody, NoteBody, RejectBody, RescheduleBody,
} from './appointments.schemas.ts';
import { getAppointment, listAppointmentsFor } from './appointments.service.ts';
import { bookAppointment } from './booking.service.ts';
import { ACTION_ROLES, BOOKING_ROLES, READ_ROLES } from './policy.ts';
import { changeAppointment } from './transitions.service.ts';
import { bookWalkIn } from './walk-in.service.ts';
import { invalid } from '../../http/app-error.ts';

function requiredStart(start: string | undefined): string {
  if (start === undefined) throw invalid('/start', 'Give the start of the appointment (one of the doctor\'s free slots), or walkIn: true for a walk-in');
  return start;
}

const tags = ['appointments'];

/** Transition bodies are optional except where a field is required: a bodiless POST counts as `{}`. */
async function emptyBodyAsObject(request: FastifyRequest): Promise<void> {
  request.body ??= {};
}

const transitionResponses = { 200: Appointment, ...problems(400, 401, 403, 404, 409) };

export function appointmentRoutes(app: App, deps: Deps): void {
  app.post('/api/appointments', {
    config: { allow: BOOKING_ROLES },
    schema: {
      tags, summary: 'Book an appointment (a patient for themself; admin and receptionist for a patient)',
      description: 'Answers 201 with status requested, or confirmed when the hospital approves automatically. ' +
        'With walkIn: true (receptionist, admin; no start) the appointment is confirmed at once, starts now to the minute and lasts the doctor\'s slot length; ' +
        'it answers 409 SLOT_UNAVAILABLE when it overlaps an active appointment of the doctor. ' +
        'A start that is not a free slot answers 409 SLOT_UNAVAILABLE. Retrying with the same Idempotency-Key and body answers the first response again.',
      headers: BookHeaders, body: BookBody, response: { 201: Appointment, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const { walkIn, start, ...rest } = request.body;
    const appointment = walkIn
      ? await bookWalkIn(deps, actorOf(request), { ...rest, start }, request.ip ?? null)
      : await bookAppointment(deps, actorOf(request), { ...rest, start: requiredStart(start) }, request.headers['idempotency-key'], request.ip ?? null);
    return reply.status(201).send(appointment);
  });

  app.get('/api/appointments', {
    config: { allow: READ_ROLES },
    schema: { tags, summary: 'Appointments the caller may see, by start time', querystring: AppointmentQuery, response: { 200: AppointmentPage, ...problems(400, 401, 403) } },
  }, async (request) => listAppointmentsFor(deps, actorOf(request), request.query));

  app.get('/api/appointments/:id', {
    config: { allow: READ_ROLES },
    schema: { tags, summary: 'One appointment with its history', params: AppointmentParams, response: { 200: Appointment, ...problems(401, 403, 404) } },
  }, async (request) => getAppointment(deps, actorOf(request), request.params.id));

  app.post('/api/appointments/:id/confirm', {
    config: { allow: ACTION_ROLES.confirm }, preValidation: emptyBodyAsObject,
    schema: { tags, summary: 'Confirm a requested appointment', params: AppointmentParams, body: NoteBody, response: transitionResponses },
  }, async (request) => changeAppointment(deps, actorOf(request), request.params.id, { action: 'confirm', note: request.body.note }, request.ip ?? null));

  app.post('/api/appointments/:id/reject', {
    config: { allow: ACTION_ROLES.reject },
    schema: { tags, summary: 'Decline a requested appointment, saying why', params: AppointmentParams, body: RejectBody, response: transitionResponses },
  }, async (request) => changeAppointment(deps, actorOf(request), request.params.id, { action: 'reject', reason: request.body.reason }, request.ip ?? null));

  app.post('/api/appointments/:id/cancel', {
    config: { allow: ACTION_ROLES.cancel }, preValidation: emptyBodyAsObject,
    schema: {
      tags, summary: 'Cancel an appointment', description: 'A patient answers 409 TOO_LATE_TO_CHANGE inside the cancellation notice window; staff may still cancel.',
      params: AppointmentParams, body: CancelBody, response: transitionResponses,
    },
  }, async (request) => changeAppointment(deps, actorOf(request), request.params.id, { action: 'cancel', reason: request.body.reason }, request.ip ?? null));

  app.post('/api/appointments/:id/reschedule', {
    config: { allow: ACTION_ROLES.reschedule },
    schema: {
      tags, summary: 'Move an appointment to another free slot',
      description: 'Patient-initiated: back to requested (confirmed when the hospital approves automatically). Staff-initiated: the status stays. ' +
        'The new start must be a free slot (409 SLOT_UNAVAILABLE); patients answer 409 TOO_LATE_TO_CHANGE inside the notice window.',
      params: AppointmentParams, body: RescheduleBody, response: transitionResponses,
    },
  }, async (request) =>
    changeAppointment(deps, actorOf(request), request.params.id, { action: 'reschedule', start: request.body.start, reason: request.body.reason }, request.ip ?? null));

  app.post('/api/appointments/:id/complete', {
    config: { allow: ACTION_ROLES.complete }, preValidation: emptyBodyAsObject,
    schema: { tags, summary: 'Mark a confirmed appointment as completed (after its start)', params: AppointmentParams, body: NoteBody, response: transitionResponses },
  }, async (request) => changeAppointment(deps, actorOf(request), request.params.id, { action: 'complete', note: request.body.note }, request.ip ?? null));

  app.post('/api/appointments/:id/no-show', {
    config: { allow: ACTION_ROLES.no_show }, preValidation: emptyBodyAsObject,
    schema: { tags, summary: 'Mark a confirmed appointment as a no-show (after its start)', params: AppointmentParams, body: NoteBody, response: transitionResponses },
  }, async (request) => changeAppointment(deps, actorOf(request), request.params.id, { action: 'no_show', note: request.body.note }, request.ip ?? null));
}
