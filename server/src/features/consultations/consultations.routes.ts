import type { Deps } from '../../deps.ts';
import { problems } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import { AppointmentParams } from '../appointments/appointments.schemas.ts';
import { READ_ROLES } from '../appointments/policy.ts';
import { sendDocument } from '../documents/documents.routes.ts';
import { PdfFile } from '../documents/record.schemas.ts';
import { callerOf } from '../patients/access.ts';
import {
  Addendum, AddendumBody, BreakGlassBody, BreakGlassGrant, Consultation, ConsultationBody, DiagnosisCodePage, DiagnosisCodeQuery, PageOnlyQuery,
  PatientParams, VisitSummaryPage,
} from './consultations.schemas.ts';
import { addAddendum, getConsultation, saveDraft, signConsultation } from './consultations.service.ts';
import { breakGlass, findDiagnosisCodes, listPatientConsultations, visitSummaryPdf } from './records.service.ts';

const tags = ['consultations'];
const AUTHOR_ONLY = ['doctor'] as const;

export function consultationRoutes(app: App, deps: Deps): void {
  app.get('/api/appointments/:id/consultation', {
    config: { allow: READ_ROLES },
    schema: {
      tags, summary: "The visit's consultation",
      description: "The appointment's doctor reads drafts and signed ones; the patient and the patient's other doctors read signed ones only (a draft answers 404); " +
        'receptionists answer 403; administrators answer 403 BREAK_GLASS_REQUIRED without an active break-glass grant for the patient. Every read is audited.',
      params: AppointmentParams, response: { 200: Consultation, ...problems(401, 403, 404) },
    },
  }, async (request) => getConsultation(deps, callerOf(request), request.params.id));

  app.put('/api/appointments/:id/consultation', {
    config: { allow: AUTHOR_ONLY },
    schema: {
      tags, summary: 'Create or replace the draft (the appointment\'s doctor)',
      description: 'Allowed before the visit starts. A signed consultation answers 409 INVALID_TRANSITION; vitals outside their physiological bounds, ' +
        'an unknown diagnosis code or a second primary diagnosis answer 400 VALIDATION_FAILED with the field\'s path.',
      params: AppointmentParams, body: ConsultationBody, response: { 200: Consultation, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request) => saveDraft(deps, callerOf(request), request.params.id, request.body));

  app.post('/api/appointments/:id/consultation/sign', {
    config: { allow: AUTHOR_ONLY },
    schema: {
      tags, summary: 'Sign the consultation; a confirmed appointment is completed in the same step',
      description: 'Only once the visit has started and only for a confirmed or completed appointment (409 INVALID_TRANSITION otherwise). ' +
        'A signed consultation is locked: corrections are addenda.',
      params: AppointmentParams, response: { 200: Consultation, ...problems(401, 403, 404, 409) },
    },
  }, async (request) => signConsultation(deps, callerOf(request), request.params.id, request.ip ?? null));

  app.post('/api/appointments/:id/consultation/addenda', {
    config: { allow: AUTHOR_ONLY },
    schema: {
      tags, summary: 'Add an addendum to a signed consultation (who, when, what); addenda are never changed',
      params: AppointmentParams, body: AddendumBody, response: { 201: Addendum, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => reply.status(201).send(await addAddendum(deps, callerOf(request), request.params.id, request.body.text)));

  app.get('/api/appointments/:id/consultation/summary.pdf', {
    config: { allow: READ_ROLES },
    schema: {
      tags: ['documents', ...tags], summary: 'The visit summary of a signed consultation as PDF (who may read the signed consultation); audited',
      params: AppointmentParams, response: { 200: PdfFile, ...problems(401, 403, 404) },
    },
  }, async (request, reply) => sendDocument(reply, await visitSummaryPdf(deps, callerOf(request), request.params.id)));

  app.get('/api/patients/:id/consultations', {
    config: { allow: READ_ROLES },
    schema: {
      tags, summary: "The patient's signed visit summaries, latest first (the patient, the patient's doctors, an admin through break-glass)",
      params: PatientParams, querystring: PageOnlyQuery, response: { 200: VisitSummaryPage, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => listPatientConsultations(deps, callerOf(request), request.params.id, request.query));

  app.post('/api/patients/:id/break-glass', {
    config: { allow: ['admin'] },
    schema: {
      tags, summary: "Break-glass: an administrator's 30-minute access to the patient's clinical records, with the reason; audited and flagged",
      params: PatientParams, body: BreakGlassBody, response: { 201: BreakGlassGrant, ...problems(400, 401, 403, 404) },
    },
  }, async (request, reply) => reply.status(201).send(await breakGlass(deps, callerOf(request), request.params.id, request.body.reason)));

  app.get('/api/diagnosis-codes', {
    config: { allow: ['doctor', 'admin', 'receptionist'] },
    schema: {
      tags, summary: 'Search the ICD-10 codes shipped with HMS (code prefix or words of the title)',
      querystring: DiagnosisCodeQuery, response: { 200: DiagnosisCodePage, ...problems(400, 401, 403) },
    },
  }, async (request) => findDiagnosisCodes(request.query));
}
