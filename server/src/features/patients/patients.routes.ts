import type { Deps } from '../../deps.ts';
import { NoContent, problems } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import { callerOf } from './access.ts';
import { createPatientAccount } from './patient-account.service.ts';
import { updatePatient } from './patient-update.service.ts';
import {
  AccountBody, AccountCreated, PatientCreateBody, PatientCreated, PatientPage, PatientParams, PatientPatchBody, PatientProfile, PatientQuery,
} from './patients.schemas.ts';
import { createPatient, getPatient, listPatients, reactivatePatient, setPatientActive } from './patients.service.ts';

export function patientRoutes(app: App, deps: Deps): void {
  app.get('/api/patients', {
    config: { allow: ['admin', 'receptionist', 'doctor'] },
    schema: {
      tags: ['patients'], summary: 'Search patients (a doctor sees only their own patients)',
      querystring: PatientQuery, response: { 200: PatientPage, ...problems(400, 401, 403) },
    },
  }, async (request) => listPatients(deps, callerOf(request), request.query));

  app.post('/api/patients', {
    config: { allow: ['admin', 'receptionist'] },
    schema: {
      tags: ['patients'], summary: 'Register a patient, with or without a login',
      body: PatientCreateBody, response: { 201: PatientCreated, ...problems(400, 401, 403, 409) },
    },
  }, async (request, reply) => reply.status(201).send(await createPatient(deps, callerOf(request), request.body)));

  app.get('/api/patients/:id', {
    config: { allow: ['admin', 'receptionist', 'doctor', 'patient'] },
    schema: {
      tags: ['patients'], summary: 'A patient profile',
      params: PatientParams, response: { 200: PatientProfile, ...problems(401, 403, 404) },
    },
  }, async (request) => getPatient(deps, callerOf(request), request.params.id));

  app.patch('/api/patients/:id', {
    config: { allow: ['admin', 'receptionist', 'patient'] },
    schema: {
      tags: ['patients'], summary: 'Edit a patient profile (patients changing their email send currentPassword)',
      params: PatientParams, body: PatientPatchBody, response: { 200: PatientProfile, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request) => updatePatient(deps, callerOf(request), request.params.id, request.body));

  app.delete('/api/patients/:id', {
    config: { allow: ['admin'] },
    schema: {
      tags: ['patients'], summary: 'Deactivate a patient: the record stays, the login stops working (POST /api/patients/{id}/reactivate undoes it)',
      params: PatientParams, response: { 204: NoContent, ...problems(401, 403, 404) },
    },
  }, async (request, reply) => {
    await setPatientActive(deps, callerOf(request), request.params.id, false);
    return reply.status(204).send(null);
  });

  app.post('/api/patients/:id/reactivate', {
    config: { allow: ['admin'] },
    schema: {
      tags: ['patients'], summary: 'Reactivate a patient: the record can be booked again and the login (if any) works again',
      description: 'Answers the profile. A patient who is already active (record and login) is left unchanged, with the same answer.',
      params: PatientParams, response: { 200: PatientProfile, ...problems(401, 403, 404) },
    },
  }, async (request) => reactivatePatient(deps, callerOf(request), request.params.id));

  app.post('/api/patients/:id/account', {
    config: { allow: ['admin', 'receptionist'] },
    schema: {
      tags: ['patients'], summary: 'Give a patient without a login an account with a temporary password (shown once)',
      params: PatientParams, body: AccountBody, response: { 201: AccountCreated, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => reply.status(201).send(await createPatientAccount(deps, callerOf(request), request.params.id, request.body.email)));
}
