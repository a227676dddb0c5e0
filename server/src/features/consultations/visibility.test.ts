import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test/harness.ts';
import { call, registerPatient } from '../../test/http.ts';
import { createDoctor } from '../../test/factories.ts';
import { MONDAY, at, book, giveWeekdayHours } from '../appointments/test-support.ts';
import { confirmedVisit, getConsultation, moveClock, putDraft, signedVisit, startConsultationsWorld, DURING_VISIT, NOW, type World } from './test-support.ts';

describe.each(dialectsUnderTest())('who reads a consultation on %s', (dialect) => {
  let w: World;
  beforeAll(async () => {
    w = await startConsultationsWorld(dialect);
  });
  afterAll(async () => {
    await w.t.close();
  });

  /** Another doctor who has an appointment with the patient. */
  async function colleagueOf(patientId: string) {
    await moveClock(w.t, NOW);
    const colleague = await createDoctor(w.t, { name: 'Dr Sam Reyes' });
    await giveWeekdayHours(w.t, colleague.doctorId);
    expect((await book(w.t, w.desk, { doctorId: colleague.doctorId, patientId, start: at(MONDAY, '14:00') })).status).toBe(201);
    await moveClock(w.t, DURING_VISIT);
    return colleague;
  }

  it('the appointment\'s doctor reads the draft; the patient and other doctors of the patient get 404 until it is signed; strangers always 404', async () => {
    const { doctor, patient, id } = await confirmedVisit(w);
    await putDraft(w, doctor, id);
    const colleague = await colleagueOf(patient.patientId ?? '');
    const stranger = await createDoctor(w.t);
    const otherPatient = await registerPatient(w.t.app);
    expect((await getConsultation(w, doctor, id)).json.status).toBe('draft');
    for (const who of [patient, colleague, stranger, otherPatient]) expect((await getConsultation(w, who, id)).status).toBe(404);

    await call(w.t.app, { method: 'POST', url: `/api/appointments/${id}/consultation/sign`, as: doctor });
    expect((await getConsultation(w, patient, id)).json).toMatchObject({ status: 'signed', complaint: 'Cough for two weeks' });
    expect((await getConsultation(w, colleague, id)).json.status).toBe('signed');
    for (const who of [stranger, otherPatient]) expect((await getConsultation(w, who, id)).status).toBe(404);
    const reads = await w.t.deps.db.selectFrom('audit_log').select(['action', 'outcome', 'actor_id']).where('entity_id', '=', id).where('action', '=', 'consultation.read').orderBy('seq').execute();
    expect(reads.filter((r) => r.outcome === 'success').map((r) => r.actor_id)).toEqual([doctor.userId, patient.userId, colleague.userId]);
    expect(reads.filter((r) => r.outcome === 'denied')).toHaveLength(6);
  });

  it('receptionists get 403 for the content but see in the appointment that a signed consultation exists', async () => {
    const { id } = await signedVisit(w);
    const content = await getConsultation(w, w.desk, id);
    expect(content.status).toBe(403);
    expect(content.json.code).toBe('FORBIDDEN');
    expect((await call(w.t.app, { url: `/api/appointments/${id}`, as: w.desk })).json.consultation).toEqual({ status: 'signed', signedAt: DURING_VISIT });
  });

  it('an admin reads clinical content only through break-glass: 403 BREAK_GLASS_REQUIRED, then a reasoned 30-minute grant, every read flagged in the audit', async () => {
    const { patient, id } = await signedVisit(w);
    const before = await getConsultation(w, w.admin, id);
    expect(before.status).toBe(403);
    expect(before.json.code).toBe('BREAK_GLASS_REQUIRED');
    const url = `/api/patients/${patient.patientId}/break-glass`;
    expect((await call(w.t.app, { method: 'POST', url, as: w.admin, body: { reason: 'short' } })).status).toBe(400);
    expect((await call(w.t.app, { method: 'POST', url, as: w.admin, body: {} })).status).toBe(400);
    expect((await call(w.t.app, { method: 'POST', url, as: w.desk, body: { reason: 'Covering the night shift' } })).status).toBe(403);
    expect((await call(w.t.app, { method: 'POST', url: '/api/patients/0190c0de-0000-7000-8000-000000000000/break-glass', as: w.admin, body: { reason: 'Covering the night shift' } })).status).toBe(404);

    const grant = await call(w.t.app, { method: 'POST', url, as: w.admin, body: { reason: 'Unconscious patient in the emergency room' } });
    expect(grant.status).toBe(201);
    expect(grant.json.expiresAt).toBe(new Date(w.t.clock.now().getTime() + 30 * 60_000).toISOString());
    const read = await getConsultation(w, w.admin, id);
    expect(read.status).toBe(200);
    expect(read.json.status).toBe('signed');

    const audit = await call(w.t.app, { url: `/api/audit?entityId=${id}&action=consultation.read`, as: w.admin });
    const flagged = audit.json.items.filter((row: { actorId: string; outcome: string }) => row.actorId === w.admin.userId && row.outcome === 'success');
    expect(flagged).toEqual([expect.objectContaining({ action: 'consultation.read', details: expect.objectContaining({ breakGlass: true, grantId: grant.json.id }) })]);
    const granted = await call(w.t.app, { url: `/api/audit?entityId=${patient.patientId}&action=patient.break_glass`, as: w.admin });
    expect(granted.json.items[0].details).toMatchObject({ breakGlass: true, reason: 'Unconscious patient in the emergency room' });
    const stored = await w.t.deps.db.selectFrom('break_glass_grants').selectAll().where('id', '=', grant.json.id).executeTakeFirstOrThrow();
    expect(stored.expires_at).toBe(grant.json.expiresAt);

    await moveClock(w.t, new Date(w.t.clock.now().getTime() + 31 * 60_000));
    expect((await getConsultation(w, w.admin, id)).json.code).toBe('BREAK_GLASS_REQUIRED');
  });

  it('GET /api/patients/:id/consultations: signed visits only, latest first, cursor paged; for the patient and their doctors', async () => {
    const first = await signedVisit(w);
    const patientId = first.patient.patientId ?? '';
    // A second visit the next day with the same doctor, signed, and a third left as a draft.
    await moveClock(w.t, NOW);
    const second = await book(w.t, w.desk, { doctorId: first.doctor.doctorId, patientId, start: at('2030-03-05', '10:00') });
    await call(w.t.app, { method: 'POST', url: `/api/appointments/${second.json.id}/confirm`, as: first.doctor });
    await putDraft(w, first.doctor, second.json.id, { complaint: 'Review', diagnoses: [{ text: 'Cough resolving', code: 'R05' }] });
    await moveClock(w.t, at('2030-03-05', '10:10'));
    expect((await call(w.t.app, { method: 'POST', url: `/api/appointments/${second.json.id}/consultation/sign`, as: first.doctor })).status).toBe(200);
    await moveClock(w.t, NOW);
    const third = await book(w.t, w.desk, { doctorId: first.doctor.doctorId, patientId, start: at('2030-03-06', '10:00') });
    await putDraft(w, first.doctor, third.json.id);
    await moveClock(w.t, at('2030-03-06', '12:00'));

    const url = `/api/patients/${patientId}/consultations`;
    const page = await call(w.t.app, { url: `${url}?limit=1`, as: first.patient });
    expect(page.status).toBe(200);
    expect(page.json.items).toEqual([expect.objectContaining({ appointmentId: second.json.id, complaint: 'Review', doctorName: 'Dr Lin Okafor' })]);
    const next = await call(w.t.app, { url: `${url}?limit=1&cursor=${page.json.nextCursor}`, as: first.patient });
    expect(next.json.items.map((s: { appointmentId: string }) => s.appointmentId)).toEqual([first.id]);
    expect(next.json.nextCursor).toBeNull();
    expect((await call(w.t.app, { url, as: first.doctor })).json.items).toHaveLength(2);
    expect((await call(w.t.app, { url, as: await createDoctor(w.t) })).status).toBe(404);
    expect((await call(w.t.app, { url, as: await registerPatient(w.t.app) })).status).toBe(404);
    expect((await call(w.t.app, { url, as: w.desk })).status).toBe(403);
    expect((await call(w.t.app, { url, as: w.admin })).json.code).toBe('BREAK_GLASS_REQUIRED');
    expect((await call(w.t.app, { url: `${url}?cursor=nope`, as: first.patient })).status).toBe(400);
  });
});
