import type { Deps } from '../../deps.ts';
import { NoContent, problems } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import { sendDocument } from '../documents/documents.routes.ts';
import { PdfFile } from '../documents/record.schemas.ts';
import { callerOf } from '../patients/access.ts';
import { prescriptionPdf } from './pdf.service.ts';
import {
  EmptyBody, IssueBody, PatientPrescriptionsParams, Prescription, PrescriptionCreateBody, PrescriptionItemsBody, PrescriptionListQuery,
  PrescriptionPage, PrescriptionParams, ReasonBody,
} from './prescriptions.schemas.ts';
import { createPrescription, discardDraft, listPatientPrescriptions, readPrescription, replaceDraftItems } from './prescriptions.service.ts';
import { endPrescription, issuePrescription } from './transitions.service.ts';

const tags = ['prescriptions'];
// Admins and receptionists are let through to the service, which refuses them with an audited 403.
const READERS = ['patient', 'doctor', 'admin', 'receptionist'] as const;

export function prescriptionRoutes(app: App, deps: Deps): void {
  app.post('/api/patients/:id/prescriptions', {
    config: { allow: ['doctor'] },
    schema: {
      tags, summary: 'Start a draft prescription (a doctor of the patient, or the doctor of appointmentId); numbered at once',
      params: PatientPrescriptionsParams, body: PrescriptionCreateBody, response: { 201: Prescription, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => reply.status(201).send(await createPrescription(deps, callerOf(request), request.params.id, request.body)));

  app.get('/api/patients/:id/prescriptions', {
    config: { allow: READERS },
    schema: {
      tags, summary: "The patient's prescriptions, newest first (the patient: issued ones; their doctors: all, drafts only their own)",
      description: 'An active prescription whose course has ended reads, and filters, as completed. Admins and receptionists: 403.',
      params: PatientPrescriptionsParams, querystring: PrescriptionListQuery, response: { 200: PrescriptionPage, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => listPatientPrescriptions(deps, callerOf(request), request.params.id, request.query));

  app.get('/api/prescriptions/:id', {
    config: { allow: READERS },
    schema: {
      tags, summary: 'One prescription (the patient: issued ones; doctors of the patient; a draft: its prescriber); audited',
      params: PrescriptionParams, response: { 200: Prescription, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => readPrescription(deps, callerOf(request), request.params.id));

  app.put('/api/prescriptions/:id', {
    config: { allow: ['doctor'] },
    schema: {
      tags, summary: "Replace a draft's items (its prescriber); an issued prescription answers 409 INVALID_TRANSITION",
      params: PrescriptionParams, body: PrescriptionItemsBody, response: { 200: Prescription, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request) => replaceDraftItems(deps, callerOf(request), request.params.id, request.body.items));

  app.delete('/api/prescriptions/:id', {
    config: { allow: ['doctor'] },
    schema: {
      tags, summary: 'Discard a draft (its prescriber); an issued prescription is never deleted (409)',
      params: PrescriptionParams, response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    await discardDraft(deps, callerOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/prescriptions/:id/issue', {
    config: { allow: ['doctor'] },
    schema: {
      tags, summary: 'Issue a draft (its prescriber) after the allergy and duplicate-therapy checks',
      description: 'A match answers 409 ALLERGY_CONFLICT (any allergy match) or DUPLICATE_THERAPY, with errors[].path = /items/<index>; '
        + 'the same request with overrideReason succeeds, and the override is stored and audited. A replacement stops the prescription it replaces.',
      params: PrescriptionParams, body: IssueBody, response: { 200: Prescription, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request) => issuePrescription(deps, callerOf(request), request.params.id, request.body.overrideReason));

  app.post('/api/prescriptions/:id/stop', {
    config: { allow: ['doctor'] },
    schema: {
      tags, summary: 'Stop an active prescription (a doctor of the patient)',
      params: PrescriptionParams, body: ReasonBody, response: { 200: Prescription, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request) => endPrescription(deps, callerOf(request), request.params.id, 'stop', request.body.reason));

  app.post('/api/prescriptions/:id/complete', {
    config: { allow: ['doctor'] },
    schema: {
      tags, summary: 'Mark an active prescription completed before its course ends (a doctor of the patient); it also reads as completed once its course has ended',
      params: PrescriptionParams, body: EmptyBody, response: { 200: Prescription, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request) => endPrescription(deps, callerOf(request), request.params.id, 'complete', null));

  app.post('/api/prescriptions/:id/entered-in-error', {
    config: { allow: ['doctor'] },
    schema: {
      tags, summary: 'Mark an issued prescription entered in error (its prescriber): kept, shown and printed as void',
      params: PrescriptionParams, body: ReasonBody, response: { 200: Prescription, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request) => endPrescription(deps, callerOf(request), request.params.id, 'entered-in-error', request.body.reason));

  app.get('/api/prescriptions/:id/pdf', {
    config: { allow: READERS },
    schema: {
      tags: ['documents', ...tags], summary: 'The issued prescription as PDF (who may read it); VOID when entered in error, COPY on a reprint; audited',
      params: PrescriptionParams, response: { 200: PdfFile, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => sendDocument(reply, await prescriptionPdf(deps, callerOf(request), request.params.id)));
}
