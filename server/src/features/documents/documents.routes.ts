import type { FastifyReply } from 'fastify';
import type { Deps } from '../../deps.ts';
import { problems } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import { AppointmentParams } from '../appointments/appointments.schemas.ts';
import { READ_ROLES } from '../appointments/policy.ts';
import { callerOf } from '../patients/access.ts';
import { appointmentSlip, patientRecordJson, patientRecordPdf, type DocumentFile } from './documents.service.ts';
import { PatientRecord, PdfFile, RecordParams } from './record.schemas.ts';

const attachment = (filename: string) => `attachment; filename="${filename}"`;

/** Sends a generated document as a download that is never cached. */
export function sendDocument(reply: FastifyReply, file: DocumentFile): FastifyReply {
  return reply
    .type(file.contentType)
    .header('content-disposition', attachment(file.filename))
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.body);
}

export function documentRoutes(app: App, deps: Deps): void {
  app.get('/api/appointments/:id/slip.pdf', {
    config: { allow: READ_ROLES },
    schema: {
      tags: ['documents'], summary: 'The appointment slip as PDF (whoever may read the appointment); the generation is audited',
      params: AppointmentParams, response: { 200: PdfFile, ...problems(400, 401, 404) },
    },
  }, async (request, reply) => sendDocument(reply, await appointmentSlip(deps, callerOf(request), request.params.id)));

  app.get('/api/patients/:id/record.json', {
    config: { allow: ['patient', 'admin', 'receptionist', 'doctor'] },
    schema: {
      tags: ['documents'],
      summary: "The patient's whole record, machine-readable (the patient, receptionists, the patient's doctors, admins under break-glass); audited",
      params: RecordParams, response: { 200: PatientRecord, ...problems(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const { filename, record } = await patientRecordJson(deps, callerOf(request), request.params.id);
    return reply.header('content-disposition', attachment(filename)).header('cache-control', 'no-store').send(record);
  });

  app.get('/api/patients/:id/record.pdf', {
    config: { allow: ['patient', 'admin', 'receptionist', 'doctor'] },
    schema: {
      tags: ['documents'], summary: "The patient's whole record as PDF (who may read record.json); the generation is audited",
      params: RecordParams, response: { 200: PdfFile, ...problems(400, 401, 403, 404) },
    },
  }, async (request, reply) => sendDocument(reply, await patientRecordPdf(deps, callerOf(request), request.params.id)));
}
