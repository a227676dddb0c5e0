import { CsvFile, sendCsv } from '../../csv-export.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/actor.ts';
import { problems } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import { AppointmentExportQuery, PatientExportQuery } from './exports.schemas.ts';
import { exportAppointmentsCsv, exportPatientsCsv } from './exports.service.ts';

export function exportRoutes(app: App, deps: Deps): void {
  app.get('/api/admin/export/patients.csv', {
    config: { allow: ['admin'] },
    schema: {
      tags: ['admin'],
      summary: 'Patients matching the search, as CSV (by name, at most 100 000 rows); the export is audited',
      querystring: PatientExportQuery,
      response: { 200: CsvFile, ...problems(400, 401, 403) },
    },
  }, async (request, reply) => {
    const file = await exportPatientsCsv(deps, { actor: actorOf(request), ip: request.ip }, request.query);
    return sendCsv(reply, file.filename, file.body);
  });

  app.get('/api/admin/export/appointments.csv', {
    config: { allow: ['admin'] },
    schema: {
      tags: ['admin'],
      summary: 'Appointments matching the filters, as CSV (by start time, at most 100 000 rows); the export is audited',
      querystring: AppointmentExportQuery,
      response: { 200: CsvFile, ...problems(400, 401, 403) },
    },
  }, async (request, reply) => {
    const file = await exportAppointmentsCsv(deps, { actor: actorOf(request), ip: request.ip }, request.query);
    return sendCsv(reply, file.filename, file.body);
  });
}
