import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctor } from '../../test/factories.ts';
import { dialectsUnderTest, type TestApp } from '../../test/harness.ts';
import { call, registerPatient, type Caller } from '../../test/http.ts';
import { MONDAY, at, book, changeSettings, createReceptionist, giveWeekdayHours, startAppointmentsApp } from '../appointments/test-support.ts';
import { FAKE_SIGNATURE_HEADER, signFakeEvent } from './fake-provider.ts';

describe.each(dialectsUnderTest())('payments on %s', (dialect) => {
  let t: TestApp;
  let desk: Caller;

  beforeAll(async () => {
    t = await startAppointmentsApp(dialect);
    desk = await createReceptionist(t);
    await changeSettings(t, { payment_mode: 'optional' });
  });
  afterAll(async () => {
    await t.close();
  });

  async function booked(time: string) {
    const doctor = await createDoctor(t);
    await giveWeekdayHours(t, doctor.doctorId);
    const patient = await registerPatient(t.app);
    const response = await book(t, patient, { doctorId: doctor.doctorId, start: at(MONDAY, time) });
    expect(response.status).toBe(201);
    return { doctor, patient, id: response.json.id as string };
  }

  function webhook(body: string, signature: string) {
    return t.app.inject({ method: 'POST', url: '/api/payments/webhook/fake', payload: body, headers: { 'content-type': 'application/json', [FAKE_SIGNATURE_HEADER]: signature } });
  }

  it('a patient pays through the fake checkout: the fee as booked, signed callback, paid, told, audited; another patient gets 404', async () => {
    const { doctor, patient, id } = await booked('10:00');
    await t.deps.db.updateTable('doctors').set({ fee_minor: 9900 }).where('id', '=', doctor.doctorId).execute();
    const due = await call(t.app, { url: `/api/appointments/${id}/payment`, as: patient });
    expect(due.json).toMatchObject({ status: 'pending', amountMinor: 5000, currency: 'GBP', refundedMinor: 0 });
    const checkoutUrl = due.json.checkoutUrl as string;
    const page = await t.app.inject({ url: checkoutUrl, headers: { cookie: patient.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('£50.00');
    const token = /name="token" value="([0-9a-f]+)"/.exec(page.body)?.[1] ?? '';
    const paid = await t.app.inject({
      method: 'POST', url: checkoutUrl, payload: `token=${token}&outcome=pay`, headers: { cookie: patient.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(paid.statusCode).toBe(303);
    expect(paid.headers.location).toBe(`/appointments/${id}`);
    expect((await call(t.app, { url: `/api/appointments/${id}/payment`, as: patient })).json).toMatchObject({ status: 'succeeded', method: 'online', amountMinor: 5000 });
    const kinds = await t.deps.db.selectFrom('notifications').select('kind').where('user_id', '=', patient.userId).execute();
    expect(kinds.map((k) => k.kind)).toContain('payment.succeeded');
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('action', 'like', 'payment.%').where('details', 'like', `%${id}%`).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['payment.open', 'payment.succeed']);
    const reads = await t.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'payment.read').where('entity_id', '=', id).execute();
    expect(reads).toHaveLength(2);
    const other = await registerPatient(t.app);
    expect((await call(t.app, { url: `/api/appointments/${id}/payment`, as: other })).status).toBe(404);
    const forged = await t.app.inject({ method: 'POST', url: checkoutUrl, payload: 'token=00&outcome=pay', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(forged.statusCode).toBe(400);
  });

  it('webhooks: tampered and stale answer 400 and change nothing; a replay is a duplicate; two confirmations race to one success', async () => {
    const { id } = await booked('11:00');
    const payment = await t.deps.db.selectFrom('payments').selectAll().where('appointment_id', '=', id).executeTakeFirstOrThrow();
    const body = JSON.stringify({ id: 'evt_one', type: 'checkout.succeeded', checkoutRef: payment.provider_ref });
    const secret = t.deps.config.paymentWebhookSecret;
    const tampered = await webhook(body.replace('evt_one', 'evt_two'), signFakeEvent(secret, body, t.clock.now()));
    expect(tampered.statusCode).toBe(400);
    expect(tampered.json()).toMatchObject({ code: 'WEBHOOK_SIGNATURE_INVALID' });
    const stale = await webhook(body, signFakeEvent(secret, body, new Date(t.clock.now().getTime() - 600_000)));
    expect(stale.statusCode).toBe(400);
    expect((await t.deps.db.selectFrom('payments').select('status').where('id', '=', payment.id).executeTakeFirstOrThrow()).status).toBe('pending');

    const other = JSON.stringify({ id: 'evt_other', type: 'checkout.succeeded', checkoutRef: payment.provider_ref });
    const [first, second] = await Promise.all([webhook(body, signFakeEvent(secret, body, t.clock.now())), webhook(other, signFakeEvent(secret, other, t.clock.now()))]);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    const replay = await webhook(body, signFakeEvent(secret, body, t.clock.now()));
    expect(replay.json()).toEqual({ received: true, duplicate: true });
    const failed = JSON.stringify({ id: 'evt_late_failure', type: 'checkout.failed', checkoutRef: payment.provider_ref });
    expect((await webhook(failed, signFakeEvent(secret, failed, t.clock.now()))).statusCode).toBe(200);
    expect((await t.deps.db.selectFrom('payments').select('status').where('id', '=', payment.id).executeTakeFirstOrThrow()).status).toBe('succeeded');
    const succeeded = await t.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'payment.succeed').where('entity_id', '=', payment.id).execute();
    expect(succeeded).toHaveLength(1);
  });

  it('the desk records a cash payment once: the whole fee, staff only, and the open checkout closes', async () => {
    const { patient, id } = await booked('12:00');
    const pay = (as: Caller, body: unknown) => call(t.app, { method: 'POST', url: `/api/appointments/${id}/payments`, as, body });
    expect((await pay(patient, { amountMinor: 5000, method: 'cash' })).status).toBe(403);
    const wrong = await pay(desk, { amountMinor: 4000, method: 'cash' });
    expect(wrong.status).toBe(400);
    expect(wrong.json.errors[0].path).toBe('/amountMinor');
    const [a, b] = await Promise.all([pay(desk, { amountMinor: 5000, method: 'cash', reference: 'R-1' }), pay(desk, { amountMinor: 5000, method: 'card' })]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const rows = await t.deps.db.selectFrom('payments').select(['status', 'method']).where('appointment_id', '=', id).orderBy('created_at').execute();
    expect(rows.filter((r) => r.status === 'succeeded')).toHaveLength(1);
    expect(rows.filter((r) => r.status === 'pending')).toHaveLength(0);
    expect((await call(t.app, { url: `/api/appointments/${id}/payment`, as: patient })).json).toMatchObject({ status: 'succeeded', amountMinor: 5000 });
  });
});
