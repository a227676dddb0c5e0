import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/actor.ts';
import { NoContent, problems } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import { deactivateDoctor, reactivateDoctor } from './doctors.deactivation.ts';
import { doctorPhotoRoutes } from './doctors.photo.routes.ts';
import { CreateDoctorBody, DeactivateQuery, DirectoryQuery, DoctorPage, DoctorParams, DoctorProfile, PublicDoctor, UpdateDoctorBody } from './doctors.schemas.ts';
import { createDoctor, getDoctorProfile, getPublicDoctor, listDirectory, updateDoctor } from './doctors.service.ts';

export function doctorRoutes(app: App, deps: Deps): void {
  app.get('/api/doctors', {
    config: { allow: 'public' },
    schema: {
      tags: ['people'], summary: 'The public directory of active doctors', querystring: DirectoryQuery,
      response: { 200: DoctorPage, ...problems(400) },
    },
  }, async (request) => listDirectory(deps.db, request.query));

  app.get('/api/doctors/:id', {
    config: { allow: 'public' },
    schema: {
      tags: ['people'], summary: 'A doctor\'s public profile', params: DoctorParams,
      response: { 200: PublicDoctor, ...problems(400, 404) },
    },
  }, async (request) => getPublicDoctor(deps.db, request.params.id));

  app.get('/api/doctors/:id/admin', {
    config: { allow: ['admin', 'doctor'] },
    schema: {
      tags: ['people'], summary: 'A doctor\'s full profile (administrators, and the doctor themself)', params: DoctorParams,
      response: { 200: DoctorProfile, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => getDoctorProfile(deps.db, actorOf(request), request.params.id));

  app.post('/api/doctors', {
    config: { allow: ['admin'] },
    schema: {
      tags: ['people'], summary: 'Add a doctor with a login of role doctor (the password is temporary)', body: CreateDoctorBody,
      response: { 201: DoctorProfile, ...problems(400, 401, 403, 409) },
    },
  }, async (request, reply) => {
    const created = await createDoctor(deps, actorOf(request), request.ip, request.body);
    return reply.status(201).send(created);
  });

  app.patch('/api/doctors/:id', {
    config: { allow: ['admin', 'doctor'] },
    schema: {
      tags: ['people'], summary: 'Change a doctor\'s profile (administrators: every field; the doctor: own profile fields)',
      params: DoctorParams, body: UpdateDoctorBody, response: { 200: DoctorProfile, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request) => updateDoctor(deps, actorOf(request), request.ip, request.params.id, request.body));

  app.delete('/api/doctors/:id', {
    config: { allow: ['admin'] },
    schema: {
      tags: ['people'], summary: 'Deactivate a doctor: future appointments are cancelled and their patients notified',
      description: 'The doctor and their login are kept, inactive; POST /api/doctors/{id}/reactivate brings them back.',
      params: DoctorParams, querystring: DeactivateQuery, response: { 204: NoContent, ...problems(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    await deactivateDoctor(deps, actorOf(request), request.ip, request.params.id, request.query.reason);
    return reply.status(204).send(null);
  });

  app.post('/api/doctors/:id/reactivate', {
    config: { allow: ['admin'] },
    schema: {
      tags: ['people'], summary: 'Reactivate a deactivated doctor and their login',
      description: 'Answers the full profile. The doctor is back in the directory and signs in with their own password; appointments ' +
        'cancelled at deactivation stay cancelled. A doctor who is already active (profile and login) is left unchanged, with the same answer.',
      params: DoctorParams, response: { 200: DoctorProfile, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => reactivateDoctor(deps, actorOf(request), request.ip, request.params.id));

  doctorPhotoRoutes(app, deps);
}
