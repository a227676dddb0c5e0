import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test/harness.ts';
import { call } from '../../test/http.ts';
import { pdftotextOf } from '../../test/pdf-text.ts';
import { auditActions, confirmedVisit, consultationUrl, putDraft, signedVisit, startConsultationsWorld, type World } from './test-support.ts';

describe.each(dialectsUnderTest())('a signed consultation is locked; addenda and the visit summary on %s', (dialect) => {
  let w: World;
  beforeAll(async () => {
    w = await startConsultationsWorld(dialect);
  });
  afterAll(async () => {
    await w.t.close();
  });

  const addendum = (as: Parameters<typeof call>[1]['as'], id: string, body: unknown) =>
    call(w.t.app, { method: 'POST', url: consultationUrl(id, '/addenda'), as, body });

  it('the database refuses any UPDATE or DELETE of a signed consultation, even written around the API', async () => {
    const { id } = await signedVisit(w);
    const db = w.t.deps.db;
    await expect(db.updateTable('consultations').set({ complaint: 'Rewritten' }).where('appointment_id', '=', id).execute()).rejects.toThrow(/CONSULTATION_SIGNED/);
    await expect(sql`update consultations set status = 'draft', signed_at = null, signed_by = null where appointment_id = ${id}`.execute(db)).rejects.toThrow(/CONSULTATION_SIGNED/);
    await expect(db.deleteFrom('consultations').where('appointment_id', '=', id).execute()).rejects.toThrow(/CONSULTATION_SIGNED/);
    const row = await db.selectFrom('consultations').select(['complaint', 'status']).where('appointment_id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ complaint: 'Cough for two weeks', status: 'signed' });
  });

  it('one consultation per appointment, enforced by the database', async () => {
    const { doctor, id } = await confirmedVisit(w);
    const first = await putDraft(w, doctor, id);
    const now = w.t.clock.now().toISOString();
    await expect(w.t.deps.db.insertInto('consultations').values({
      id: '0190c0de-0000-7000-8000-00000000abcd', appointment_id: id, doctor_id: first.json.doctorId, patient_id: first.json.patientId, status: 'draft',
      complaint: null, note_history: null, note_examination: null, note_assessment: null, note_plan: null, systolic: null, diastolic: null, pulse: null,
      temperature_dc: null, respiratory_rate: null, spo2: null, weight_dag: null, height_mm: null, diagnoses: '[]', follow_up: null,
      created_by: doctor.userId, created_at: now, updated_at: now, signed_at: null, signed_by: null,
    }).execute()).rejects.toThrow();
  });

  it('addenda: the doctor appends to a signed consultation (who, when, text); a draft answers 409; others 404/403; addenda rows are immutable', async () => {
    const draft = await confirmedVisit(w);
    await putDraft(w, draft.doctor, draft.id);
    expect((await addendum(draft.doctor, draft.id, { text: 'Too early' })).json.code).toBe('INVALID_TRANSITION');

    const { doctor, patient, id } = await signedVisit(w);
    const added = await addendum(doctor, id, { text: 'Spirometry booked for next week' });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ authorId: doctor.userId, authorName: 'Dr Lin Okafor', authorRole: 'doctor', at: w.t.clock.now().toISOString(), text: 'Spirometry booked for next week' });
    expect((await addendum(doctor, id, { text: ' ' })).status).toBe(400);
    expect((await addendum(doctor, id, { text: 'x', extra: 1 })).status).toBe(400);
    expect((await addendum(draft.doctor, id, { text: 'Not mine' })).status).toBe(404);
    expect((await addendum(patient, id, { text: 'Mine' })).status).toBe(403);
    const read = await call(w.t.app, { url: consultationUrl(id), as: patient });
    expect(read.json.addenda).toEqual([added.json]);

    const db = w.t.deps.db;
    await expect(db.updateTable('consultation_addenda').set({ text: 'Changed' }).where('id', '=', added.json.id).execute()).rejects.toThrow(/ADDENDUM_IMMUTABLE/);
    await expect(db.deleteFrom('consultation_addenda').where('id', '=', added.json.id).execute()).rejects.toThrow(/ADDENDUM_IMMUTABLE/);
    const consultationId = read.json.id as string;
    const draftId = (await call(w.t.app, { url: consultationUrl(draft.id), as: draft.doctor })).json.id as string;
    await expect(db.insertInto('consultation_addenda').values({
      id: '0190c0de-0000-7000-8000-00000000beef', consultation_id: draftId, author_id: doctor.userId, author_role: 'doctor', at: '2030-03-04T10:00:00.000Z', text: 'x',
    }).execute()).rejects.toThrow(/ADDENDUM_NEEDS_SIGNED/);
    expect(consultationId).not.toBe(draftId);
    expect((await auditActions(w, id)).map((r) => r.action)).toContain('consultation.addendum');
  });

  it('the visit summary PDF: the patient and the doctor download it once signed, with diagnoses, plan and addenda; a draft answers 404; audited', async () => {
    const draft = await confirmedVisit(w);
    await putDraft(w, draft.doctor, draft.id);
    const url = (id: string) => consultationUrl(id, '/summary.pdf');
    expect((await call(w.t.app, { url: url(draft.id), as: draft.doctor })).status).toBe(404);

    const { doctor, patient, id } = await signedVisit(w);
    await addendum(doctor, id, { text: 'Chest X-ray was normal' });
    const pdf = await w.t.app.inject({ method: 'GET', url: url(id), headers: { cookie: patient.cookie } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="visit-summary-2030-03-04\.pdf"$/);
    const text = await pdftotextOf(pdf.rawPayload);
    for (const expected of ['Visit summary', 'Noor Haddad', 'Dr Lin Okafor', 'Cough for two weeks', 'Cough (R05)', 'Honey and fluids', 'Come back in two weeks', 'Chest X-ray was normal', '128/82 mmHg']) {
      expect(text).toContain(expected);
    }
    expect((await w.t.app.inject({ method: 'GET', url: url(id), headers: { cookie: doctor.cookie } })).statusCode).toBe(200);
    expect((await call(w.t.app, { url: url(id), as: w.desk })).status).toBe(403);
    expect((await call(w.t.app, { url: url(id), as: draft.patient })).status).toBe(404);
    const rows = (await auditActions(w, id)).filter((r) => r.action === 'document.visit_summary.generate');
    expect(rows.map((r) => [r.outcome, r.actor_role])).toEqual([['success', 'patient'], ['success', 'doctor'], ['denied', 'receptionist'], ['denied', 'patient']]);
  });
});
