import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test/harness.ts';
import { call, type Caller } from '../../test/http.ts';
import { flat, pdfjsPagesOf, pdftotextOf } from '../../test/pdf-text.ts';
import { NAMES } from './fixtures.ts';
import { DOCUMENT_ACTIONS } from './documents.service.ts';
import type { PatientRecordView } from './record.schemas.ts';
import { auditRows, download, startDocumentsWorld, type DocumentsWorld } from './test-support.ts';

describe.each(dialectsUnderTest())("the patient's record on %s", (dialect) => {
  let w: DocumentsWorld;
  beforeAll(async () => {
    w = await startDocumentsWorld(dialect);
    const entries: [string, Caller, object][] = [
      [w.ayse.patientId, w.doctor, { kind: 'allergy', title: 'Penicillin allergy', details: 'Hives within an hour' }],
      [w.ayse.patientId, w.ayse, { kind: 'medication', title: 'Ibuprofen 200 mg as needed' }],
      [w.zoe.patientId, w.admin, { kind: 'condition', title: 'Zoë asthma' }],
      [w.fatimaId, w.admin, { kind: 'surgery', title: 'استئصال الزائدة', onsetDate: '2015-06-01' }],
    ];
    for (const [patientId, as, body] of entries) {
      expect((await call(w.t.app, { method: 'POST', url: `/api/patients/${patientId}/history`, as, body })).status).toBe(201);
    }
    // A cancelled appointment keeps its history in the record.
    expect((await call(w.t.app, { method: 'POST', url: `/api/appointments/${w.appointments.ayseOther}/cancel`, as: w.ayse, body: { reason: 'Feeling better' } })).status).toBe(200);
  });
  afterAll(async () => {
    await w.t.close();
  });

  const recordJson = async (patientId: string, as: Caller | null) => download(w.t, `/api/patients/${patientId}/record.json`, as);
  /** An administrator's break-glass grant for the patient; its id. */
  const breakGlass = async (patientId: string): Promise<string> => {
    const grant = await call(w.t.app, { method: 'POST', url: `/api/patients/${patientId}/break-glass`, as: w.admin, body: { reason: 'Transfer to another hospital tonight' } });
    expect(grant.status).toBe(201);
    return grant.json.id as string;
  };
  const recordOf = async (patientId: string, as: Caller): Promise<PatientRecordView> => {
    const response = await recordJson(patientId, as);
    expect(response.status).toBe(200);
    return response.json() as PatientRecordView;
  };

  it('the JSON record round-trips: every appointment with its changes and every history entry of the patient, nothing of anyone else', async () => {
    const response = await recordJson(w.ayse.patientId, w.ayse);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['content-disposition']).toBe('attachment; filename="patient-record-2030-03-01.json"');
    expect(response.headers['cache-control']).toBe('no-store');
    const record = response.json() as PatientRecordView;
    expect(record).toMatchObject({ format: 'hms.patient-record', formatVersion: 1, patientId: w.ayse.patientId, timeZone: 'Europe/Istanbul', omissions: [] });
    expect(record.sections).toEqual(['profile', 'appointments', 'medicalHistory', 'notifications']);
    expect(record.profile).toMatchObject({ id: w.ayse.patientId, name: NAMES.turkish });

    const db = w.t.deps.db;
    const appointmentIds = (await db.selectFrom('appointments').select('id').where('patient_id', '=', w.ayse.patientId).orderBy('start_at').execute()).map((row) => row.id);
    expect(record.appointments?.map((a) => a.id)).toEqual(appointmentIds);
    for (const appointment of record.appointments ?? []) {
      const changes = await db.selectFrom('appointment_history').select(['at', 'to_status']).where('appointment_id', '=', appointment.id).orderBy('at').orderBy('id').execute();
      expect(appointment.history?.map((h) => [h.at, h.to])).toEqual(changes.map((c) => [c.at, c.to_status]));
    }
    expect(record.appointments?.find((a) => a.id === w.appointments.ayseOther)).toMatchObject({ status: 'cancelled', decisionNote: 'Feeling better' });
    const entryIds = (await db.selectFrom('medical_history').select('id').where('patient_id', '=', w.ayse.patientId).orderBy('recorded_at').orderBy('id').execute()).map((row) => row.id);
    expect(record.medicalHistory?.map((e) => e.id)).toEqual(entryIds);
    expect(record.medicalHistory?.map((e) => e.title)).toEqual(['Penicillin allergy', 'Ibuprofen 200 mg as needed']);
    const notificationIds = (await db.selectFrom('notifications').select('id').where('user_id', '=', w.ayse.userId).execute()).map((row) => row.id);
    expect(notificationIds.length).toBeGreaterThan(0);
    expect(record.notifications?.map((n) => n.id).sort()).toEqual([...notificationIds].sort());

    const text = JSON.stringify(record);
    for (const foreign of [w.zoe.patientId, NAMES.accents, 'Zoë asthma', 'Zoë private reason', w.appointments.zoeMonday, w.fatimaId, NAMES.arabic]) {
      expect(text).not.toContain(foreign);
    }
  });

  it('a receptionist produces the record of a patient without a login: profile and appointments, no medical history', async () => {
    const record = await recordOf(w.fatimaId, w.desk);
    expect(record.profile).toMatchObject({ name: NAMES.arabic, hasAccount: false });
    expect(record.sections).toEqual(['profile', 'appointments', 'notifications']);
    expect(record).not.toHaveProperty('medicalHistory');
    expect(record.omissions).toEqual([{ section: 'medicalHistory', reason: expect.stringContaining('clinicians') }]);
    expect(record.appointments?.map((a) => a.id)).toEqual([w.appointments.fatimaTuesday]);
    expect(record.notifications).toEqual([]);
  });

  it('an admin produces the record only under break-glass: refused and audited without a grant, then everything, flagged', async () => {
    const before = (await auditRows(w.t, DOCUMENT_ACTIONS.patientRecord, w.fatimaId)).length;
    for (const format of ['json', 'pdf']) {
      const refused = await download(w.t, `/api/patients/${w.fatimaId}/record.${format}`, w.admin);
      expect([refused.status, (refused.json() as { code: string }).code], format).toEqual([403, 'BREAK_GLASS_REQUIRED']);
    }
    const grant = await breakGlass(w.fatimaId);
    const record = await recordOf(w.fatimaId, w.admin);
    expect(record.omissions).toEqual([]);
    expect(record.medicalHistory?.map((e) => e.title)).toEqual(['استئصال الزائدة']);
    const rows = (await auditRows(w.t, DOCUMENT_ACTIONS.patientRecord, w.fatimaId)).slice(before);
    expect(rows.map((row) => [row.actor_id, row.outcome])).toEqual([[w.admin.userId, 'denied'], [w.admin.userId, 'denied'], [w.admin.userId, 'success']]);
    expect(JSON.parse(rows[2]?.details ?? '{}')).toMatchObject({ breakGlass: true, grantId: grant });
  });

  it("a doctor of the patient sees only their own appointments with the patient, the history, and not the patient's notifications", async () => {
    const record = await recordOf(w.ayse.patientId, w.doctor);
    expect(record.appointments?.map((a) => a.id)).toEqual([w.appointments.ayseMonday]);
    expect(record.medicalHistory).toHaveLength(2);
    expect(record).not.toHaveProperty('notifications');
    expect(record.omissions.map((o) => o.section)).toEqual(['appointments', 'notifications']);
  });

  it("another patient, and a doctor who never saw the patient, get 404; the refusals are audited", async () => {
    const before = (await auditRows(w.t, DOCUMENT_ACTIONS.patientRecord, w.zoe.patientId)).length;
    for (const [who, format] of [[w.ayse, 'json'], [w.otherDoctor, 'pdf']] as const) {
      expect((await download(w.t, `/api/patients/${w.zoe.patientId}/record.${format}`, who)).status).toBe(404);
    }
    const rows = (await auditRows(w.t, DOCUMENT_ACTIONS.patientRecord, w.zoe.patientId)).slice(before);
    expect(rows.map((row) => [row.actor_id, row.outcome])).toEqual([[w.ayse.userId, 'denied'], [w.otherDoctor.userId, 'denied']]);
    expect((await recordJson('01890000-0000-7000-8000-000000000000', w.admin)).status).toBe(404);
    expect((await recordJson(w.zoe.patientId, null)).status).toBe(401);
  });

  it('the PDF record holds the same content, in the hospital zone, read back by both extractors; each generation is audited', async () => {
    await breakGlass(w.fatimaId);
    const before = (await auditRows(w.t, DOCUMENT_ACTIONS.patientRecord, w.fatimaId)).length;
    const response = await download(w.t, `/api/patients/${w.fatimaId}/record.pdf`, w.admin);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="patient-record-2030-03-01.pdf"');
    expect(response.headers['cache-control']).toBe('no-store');
    const poppler = flat(await pdftotextOf(response.body));
    const pdfjs = flat((await pdfjsPagesOf(response.body)).join('\n'));
    for (const text of [NAMES.arabic, NAMES.cyrillic, 'Tue, 5 Mar 2030, 09:00 (Europe/Istanbul)', 'Appointments (1)', 'Medical history (1)', 'استئصال الزائدة', 'Follow-up', w.fatimaId]) {
      expect(poppler, `pdftotext: ${text}`).toContain(text);
      expect(pdfjs, `pdf.js: ${text}`).toContain(text);
    }
    await download(w.t, `/api/patients/${w.fatimaId}/record.json`, w.desk);
    const rows = (await auditRows(w.t, DOCUMENT_ACTIONS.patientRecord, w.fatimaId)).slice(before);
    expect(rows.map((row) => [row.actor_id, row.outcome, JSON.parse(row.details ?? '{}').format])).toEqual([
      [w.admin.userId, 'success', 'pdf'], [w.desk.userId, 'success', 'json'],
    ]);
    expect(JSON.parse(rows[1]?.details ?? '{}').sections).toEqual(['profile', 'appointments', 'notifications']);
  });
});
