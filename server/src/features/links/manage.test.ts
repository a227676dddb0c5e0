import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctor } from '../../test/factories.ts';
import { dialectsUnderTest, type TestApp } from '../../test/harness.ts';
import { call, uniqueEmail, type Caller } from '../../test/http.ts';
import { at, book, changeSettings, createReceptionist, giveWeekdayHours, MONDAY, moveClock, NOW, startAppointmentsApp, TUESDAY } from '../appointments/test-support.ts';
import { issueLink, LINK_REQUESTS_PER_MINUTE } from './links.service.ts';

describe.each(dialectsUnderTest())('signed manage links (%s)', (dialect) => {
  let t: TestApp;
  let desk: Caller;
  let doctorId: string;
  let patientId: string;

  beforeAll(async () => {
    t = await startAppointmentsApp(dialect);
    desk = await createReceptionist(t);
    doctorId = (await createDoctor(t)).doctorId;
    await giveWeekdayHours(t, doctorId);
    await changeSettings(t, { approval_mode: 'auto', cancellation_notice_hours: 24 });
    const created = await call(t.app, { method: 'POST', url: '/api/patients', as: desk, body: { name: 'Ada Nologin', dateOfBirth: '1980-01-01', gender: 'female', phone: '+447700900123', email: uniqueEmail('nologin') } });
    expect(created.status).toBe(201);
    patientId = (created.json as { id: string }).id;
  });
  afterAll(async () => t.close());

  async function bookedWithLink(start: string, expiresAt = new Date('2030-04-01T00:00:00Z'), purpose: 'manage' | 'feedback' = 'manage') {
    const res = await book(t, desk, { doctorId, start, patientId });
    expect(res.status).toBe(201);
    const id = (res.json as { id: string }).id;
    const link = await t.deps.db.transaction().execute((trx) => issueLink(trx, t.clock.now(), { purpose, appointmentId: id, expiresAt }));
    return { id, token: link.token };
  }

  const manage = (token: string, action?: string, body?: unknown) =>
    call(t.app, { method: action ? 'POST' : 'GET', url: `/api/manage/${token}${action ? `/${action}` : ''}`, as: null, ...(body !== undefined ? { body } : {}) });

  it('shows only the doctor, the time, the status and the hospital contact; a GET changes nothing', async () => {
    const { id, token } = await bookedWithLink(at(MONDAY, '09:00'));
    const first = await manage(token);
    expect(first.status).toBe(200);
    const body = first.json as { appointment: Record<string, unknown>; hospital: Record<string, unknown> };
    expect(Object.keys(body.appointment).sort()).toEqual(['allowedActions', 'changeDeadline', 'doctorName', 'end', 'id', 'start', 'status']);
    expect(body.appointment['allowedActions']).toEqual(['cancel', 'reschedule']);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.headers['referrer-policy']).toBe('no-referrer');
    await manage(token);
    const row = await t.deps.db.selectFrom('appointments').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('confirmed');
  });

  it('cancels under the patient rules and records "patient, by link" in history and audit', async () => {
    const { id, token } = await bookedWithLink(at(MONDAY, '10:00'));
    const res = await manage(token, 'cancel', { reason: 'Feeling better' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'cancelled' });
    const history = await t.deps.db.selectFrom('appointment_history').selectAll().where('appointment_id', '=', id).where('to_status', '=', 'cancelled').executeTakeFirstOrThrow();
    expect(history.actor_kind).toBe('patient_link');
    expect(history.actor_id).toBeNull();
    const audit = await t.deps.db.selectFrom('audit_log').select('actor_role').where('entity_id', '=', id).where('action', '=', 'appointment.cancel').executeTakeFirstOrThrow();
    expect(audit.actor_role).toBe('patient_link');
    expect((await manage(token, 'cancel', {})).status).toBe(409);
  });

  it('a reschedule kills the old link and answers a new one', async () => {
    const { token } = await bookedWithLink(at(MONDAY, '11:00'));
    const res = await manage(token, 'reschedule', { start: at(TUESDAY, '11:00') });
    expect(res.status).toBe(200);
    const { manageUrl } = res.json as { manageUrl: string };
    expect((await manage(token)).status).toBe(404);
    const fresh = manageUrl.split('/').pop() ?? '';
    const view = await manage(fresh);
    expect(view.status).toBe(200);
    expect((view.json as { appointment: { start: string } }).appointment.start).toBe(at(TUESDAY, '11:00'));
  });

  it('inside the notice window answers TOO_LATE_TO_CHANGE', async () => {
    const { token } = await bookedWithLink(at(MONDAY, '12:00'));
    await moveClock(t, at('2030-03-03', '13:00'));
    const res = await manage(token, 'cancel', {});
    expect(res.status).toBe(409);
    expect((res.json as { code: string }).code).toBe('TOO_LATE_TO_CHANGE');
    await moveClock(t, NOW);
  });

  it('unknown, malformed, expired, revoked and wrong-purpose tokens answer the same 404', async () => {
    const expired = await bookedWithLink(at(MONDAY, '13:00'), new Date(NOW.getTime() + 1000));
    const feedback = await bookedWithLink(at(MONDAY, '14:00'), undefined, 'feedback');
    const revoked = await bookedWithLink(at(MONDAY, '15:00'));
    await t.deps.db.updateTable('signed_links').set({ revoked_at: NOW.toISOString() }).where('appointment_id', '=', revoked.id).execute();
    await moveClock(t, new Date(NOW.getTime() + 2000));
    const answers = await Promise.all([
      manage('A'.repeat(43)), manage('short'), manage(expired.token), manage(feedback.token), manage(revoked.token),
    ]);
    for (const res of answers) {
      expect(res.status).toBe(404);
      expect(res.json).toMatchObject({ code: 'NOT_FOUND', detail: 'Link not found' });
    }
    await moveClock(t, NOW);
  });

  it('the database holds no plain token, and a link answers a bounded number of requests a minute', async () => {
    const { token } = await bookedWithLink(at(TUESDAY, '09:00'));
    const rows = await t.deps.db.selectFrom('signed_links').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);
    const codes: number[] = [];
    for (let i = 0; i <= LINK_REQUESTS_PER_MINUTE; i += 1) codes.push((await manage(token)).status);
    expect(codes.slice(0, LINK_REQUESTS_PER_MINUTE).every((c) => c === 200)).toBe(true);
    expect(codes.at(-1)).toBe(429);
    await moveClock(t, new Date(NOW.getTime() + 61_000));
    expect((await manage(token)).status).toBe(200);
    await moveClock(t, NOW);
  });
});
