import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test/harness.ts';
import { call } from '../../test/http.ts';
import {
  DURING_VISIT, act, auditActions, confirmedVisit, consultationUrl, draftBody, getConsultation, moveClock, putDraft, sign, startConsultationsWorld, type World,
} from './test-support.ts';

describe.each(dialectsUnderTest())('drafting and signing a consultation on %s', (dialect) => {
  let w: World;
  beforeAll(async () => {
    w = await startConsultationsWorld(dialect);
  });
  afterAll(async () => {
    await w.t.close();
  });

  it('the doctor drafts before the visit, replaces the draft, then signs during the visit; signing completes the appointment in one step', async () => {
    const { doctor, patient, id } = await confirmedVisit(w);
    const first = await putDraft(w, doctor, id);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({
      appointmentId: id, status: 'draft', signedAt: null, complaint: 'Cough for two weeks', doctorName: 'Dr Lin Okafor', patientName: 'Noor Haddad',
      vitals: { systolic: 128, diastolic: 82, pulse: 76, temperatureC: 36.6, respiratoryRate: 16, spo2: 98, weightKg: 70.55, heightCm: 172.5, bmi: 23.7 },
      diagnoses: [
        { text: 'Cough', code: 'R05', codeTitle: 'Cough', primary: true, status: 'confirmed' },
        { text: 'Asthma to rule out', code: 'J45.9', codeTitle: 'Asthma, unspecified', primary: false, status: 'provisional' },
      ],
      notes: draftBody.notes, followUp: draftBody.followUp, addenda: [],
    });
    const stored = await w.t.deps.db.selectFrom('consultations').select(['temperature_dc', 'weight_dag', 'height_mm']).where('appointment_id', '=', id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ temperature_dc: 366, weight_dag: 7055, height_mm: 1725 });

    const replaced = await putDraft(w, doctor, id, { complaint: 'Cough and fever', vitals: { temperatureC: 38.2 } });
    expect(replaced.json).toMatchObject({ id: first.json.id, complaint: 'Cough and fever', diagnoses: [], followUp: null, vitals: { temperatureC: 38.2, pulse: null, bmi: null } });

    const early = await sign(w, doctor, id);
    expect(early.status).toBe(409);
    expect(early.json).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(early.json.detail).toMatch(/has not started yet/);

    await moveClock(w.t, DURING_VISIT);
    const signed = await sign(w, doctor, id);
    expect(signed.status).toBe(200);
    expect(signed.json).toMatchObject({ status: 'signed', signedAt: DURING_VISIT, signedBy: { id: doctor.userId }, appointmentStatus: 'completed' });

    const appointment = await call(w.t.app, { url: `/api/appointments/${id}`, as: patient });
    expect(appointment.json).toMatchObject({ status: 'completed', consultation: { status: 'signed', signedAt: DURING_VISIT } });
    expect(appointment.json.history.at(-1)).toMatchObject({ from: 'confirmed', to: 'completed', actorId: doctor.userId });
    const toPatient = await w.t.deps.db.selectFrom('notifications').select('kind').where('user_id', '=', patient.userId).execute();
    // The complete transition sends no notice of its own; signing adds none either.
    expect(toPatient.map((n) => n.kind)).toEqual(['appointment.confirmed']);
    // Reads of the appointment are audited too; this is the record of what changed.
    const actions = (await auditActions(w, id)).map((row) => row.action).filter((action) => action !== 'appointment.read');
    expect(actions).toEqual(['appointment.book', 'appointment.confirm', 'consultation.save', 'consultation.save', 'consultation.sign', 'appointment.complete']);

    const again = await putDraft(w, doctor, id);
    expect(again.status).toBe(409);
    expect(again.json.code).toBe('INVALID_TRANSITION');
    expect((await sign(w, doctor, id)).json.code).toBe('INVALID_TRANSITION');
  });

  it('a draft is visible only to staff in the appointment answer; the patient sees neither the draft nor that it exists', async () => {
    const { doctor, patient, id } = await confirmedVisit(w);
    await putDraft(w, doctor, id);
    expect((await call(w.t.app, { url: `/api/appointments/${id}`, as: w.desk })).json.consultation).toEqual({ status: 'draft', signedAt: null });
    expect((await call(w.t.app, { url: `/api/appointments/${id}`, as: patient })).json.consultation).toBeNull();
    const mine = await call(w.t.app, { url: `/api/appointments?patientId=${patient.patientId}`, as: patient });
    expect(mine.json.items[0].consultation).toBeNull();
    expect((await getConsultation(w, patient, id)).status).toBe(404);
  });

  it('sign without a draft answers 404; a requested or cancelled visit cannot be signed or written', async () => {
    const { doctor, id } = await confirmedVisit(w);
    await moveClock(w.t, DURING_VISIT);
    expect((await sign(w, doctor, id)).status).toBe(404);
    expect((await act(w.t, w.desk, id, 'cancel', { reason: 'Doctor unwell' })).status).toBe(200);
    const write = await putDraft(w, doctor, id);
    expect(write.status).toBe(409);
    expect(write.json.detail).toMatch(/cancelled/);
  });

  it('only the appointment\'s doctor writes: another doctor 404, patient/receptionist/admin 403', async () => {
    const { patient, id } = await confirmedVisit(w);
    const other = (await confirmedVisit(w)).doctor;
    expect((await putDraft(w, other, id)).status).toBe(404);
    for (const who of [patient, w.desk, w.admin]) expect((await putDraft(w, who, id)).status).toBe(403);
    expect((await putDraft(w, null, id)).status).toBe(401);
    const denied = (await auditActions(w, id)).filter((row) => row.outcome === 'denied');
    // The other doctor's 404 is audited by the service; each role refusal (403) by the permission check.
    expect(denied.map((row) => row.action)).toEqual(['consultation.save', 'access.denied', 'access.denied', 'access.denied']);
  });

  it('a visit completed without a consultation (setting off) can still be signed later, without a second completion', async () => {
    const { doctor, id } = await confirmedVisit(w);
    await w.t.deps.db.updateTable('settings').set({ require_signed_consultation: 0 }).execute();
    await moveClock(w.t, DURING_VISIT);
    expect((await act(w.t, doctor, id, 'complete')).status).toBe(200);
    await w.t.deps.db.updateTable('settings').set({ require_signed_consultation: 1 }).execute();
    await putDraft(w, doctor, id);
    const signed = await sign(w, doctor, id);
    expect(signed.json).toMatchObject({ status: 'signed', appointmentStatus: 'completed' });
    expect((await auditActions(w, id)).filter((row) => row.action === 'appointment.complete')).toHaveLength(1);
  });

  it('the plain complete transition needs a signed consultation by default: 409 CONSULTATION_REQUIRED', async () => {
    const { doctor, id } = await confirmedVisit(w);
    await moveClock(w.t, DURING_VISIT);
    const offered = await call(w.t.app, { url: `/api/appointments/${id}`, as: doctor });
    expect(offered.json.allowedActions).toEqual(['cancel', 'reschedule', 'no_show']);
    const refused = await act(w.t, doctor, id, 'complete');
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({ code: 'CONSULTATION_REQUIRED' });
    expect(refused.json.detail).toMatch(/signed consultation/);
    await putDraft(w, doctor, id);
    expect((await act(w.t, doctor, id, 'complete')).json.code).toBe('CONSULTATION_REQUIRED');
  });

  it('the consultation URL of an unknown appointment answers 404', async () => {
    const { doctor } = await confirmedVisit(w);
    expect((await call(w.t.app, { url: consultationUrl('0190c0de-0000-7000-8000-000000000000'), as: doctor })).status).toBe(404);
  });
});
