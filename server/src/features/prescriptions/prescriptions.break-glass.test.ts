import { describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test/harness.ts';
import { call, type Caller } from '../../test/http.ts';
import { flat, pdftotextOf } from '../../test/pdf-text.ts';
import { moveClock } from '../appointments/test-support.ts';
import { download } from '../documents/test-support.ts';
import { act, auditOf, drafted, issued, item, medicine, withWorld, type World } from './test-support.ts';

describe.each(dialectsUnderTest())("an administrator's break-glass reading of prescriptions on %s", (dialect) => {
  let w: World;
  withWorld(dialect, (world) => (w = world));
  const list = (as: Caller) => call(w.t.app, { url: `/api/patients/${w.patient.patientId}/prescriptions`, as });
  const read = (id: string, as: Caller) => call(w.t.app, { url: `/api/prescriptions/${id}`, as });
  const breakGlass = (reason: string) =>
    call(w.t.app, { method: 'POST', url: `/api/patients/${w.patient.patientId}/break-glass`, as: w.admin, body: { reason } });
  const details = (row: { details: string | null } | undefined) => JSON.parse(row?.details ?? '{}') as Record<string, unknown>;

  it('without a grant an admin gets 403 BREAK_GLASS_REQUIRED on the list, one prescription and its PDF; each refusal is audited', async () => {
    const rx = await issued(w.t, w.doctor, w.patient.patientId, [item(await medicine(w.t, 'Loratadine'), { frequency: 'OD', quantity: { value: '7', unit: 'tablet' } })]);
    for (const response of [await list(w.admin), await read(rx.id, w.admin)]) {
      expect(response.status).toBe(403);
      expect(response.json.code).toBe('BREAK_GLASS_REQUIRED');
    }
    const pdf = await download(w.t, `/api/prescriptions/${rx.id}/pdf`, w.admin);
    expect([pdf.status, (pdf.json() as { code: string }).code]).toEqual([403, 'BREAK_GLASS_REQUIRED']);
    expect((await auditOf(w.t, 'prescription.read', rx.id)).map((row) => [row.actor_id, row.outcome])).toEqual([[w.admin.userId, 'denied']]);
    expect((await auditOf(w.t, 'patient.prescriptions.read', w.patient.patientId)).filter((row) => row.actor_id === w.admin.userId).map((row) => row.outcome)).toEqual(['denied']);
    // The front desk stays refused outright, and an unknown prescription is a plain 404.
    expect((await read(rx.id, w.desk)).json.code).toBe('FORBIDDEN');
    expect((await read('01890000-0000-7000-8000-000000000000', w.admin)).status).toBe(404);
  });

  it('with a grant the admin reads issued prescriptions (never drafts) and their PDF, cannot act on them, and every read is flagged; the grant expires', async () => {
    const start = w.t.clock.now();
    const rx = await issued(w.t, w.doctor, w.patient.patientId, [item(await medicine(w.t, 'Cetirizine'), { frequency: 'OD', quantity: { value: '7', unit: 'tablet' } })]);
    const draftRx = await drafted(w.t, w.doctor, w.patient.patientId, [item(await medicine(w.t, 'Cetirizine'))]);
    const grant = await breakGlass('Checking medicines after a reported adverse reaction');
    expect(grant.status).toBe(201);

    const page = await list(w.admin);
    expect(page.status, page.text).toBe(200);
    const ids = page.json.items.map((p: { id: string }) => p.id);
    expect(ids).toContain(rx.id);
    expect(ids).not.toContain(draftRx.id);
    const one = await read(rx.id, w.admin);
    expect(one.status).toBe(200);
    expect(one.json).toMatchObject({ number: rx.number, status: 'active', allowedActions: [] });
    expect((await read(draftRx.id, w.admin)).status).toBe(404);
    const pdf = await download(w.t, `/api/prescriptions/${rx.id}/pdf`, w.admin);
    expect(pdf.status).toBe(200);
    expect(flat(await pdftotextOf(pdf.body))).toContain(rx.number);
    expect((await act(w.t, w.admin, rx.id, 'stop', { reason: 'Not for admins' })).status).toBe(403);

    const flagged = { breakGlass: true, grantId: grant.json.id };
    const reads = (await auditOf(w.t, 'prescription.read', rx.id)).filter((row) => row.actor_id === w.admin.userId && row.outcome === 'success');
    expect(reads.map(details)).toEqual([expect.objectContaining(flagged)]);
    const lists = (await auditOf(w.t, 'patient.prescriptions.read', w.patient.patientId)).filter((row) => row.actor_id === w.admin.userId && row.outcome === 'success');
    expect(lists.map(details)).toEqual([expect.objectContaining(flagged)]);
    expect(details((await auditOf(w.t, 'document.prescription.generate', rx.id)).at(-1))).toMatchObject(flagged);

    // The grant is the patient's alone: another patient's prescriptions stay closed.
    const otherRx = await issued(w.t, w.stranger, w.other.patientId, [item(await medicine(w.t, 'Cetirizine'), { frequency: 'OD', quantity: { value: '7', unit: 'tablet' } })]);
    expect((await read(otherRx.id, w.admin)).json.code).toBe('BREAK_GLASS_REQUIRED');

    await moveClock(w.t, new Date(start.getTime() + 31 * 60_000));
    expect((await read(rx.id, w.admin)).json.code).toBe('BREAK_GLASS_REQUIRED');
    expect((await list(w.admin)).json.code).toBe('BREAK_GLASS_REQUIRED');
  });
});
