import { describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test/harness.ts';
import { call } from '../../test/http.ts';
import { act, auditOf, draft, drafted, issued, item, medicine, withWorld, type World } from './test-support.ts';

describe.each(dialectsUnderTest())('who sees and writes prescriptions on %s', (dialect) => {
  let w: World;
  withWorld(dialect, (world) => (w = world));
  const list = (patientId: string, as: Parameters<typeof call>[1]['as'], query = '') =>
    call(w.t.app, { url: `/api/patients/${patientId}/prescriptions${query}`, as });
  const read = (id: string, as: Parameters<typeof call>[1]['as']) => call(w.t.app, { url: `/api/prescriptions/${id}`, as });

  it('only a doctor of the patient, or of the given appointment, may prescribe; other roles get 403 and other doctors 404 (audited)', async () => {
    const omeprazole = await medicine(w.t, 'Omeprazole', '20 mg');
    expect((await draft(w.t, w.colleague, w.patient.patientId, [item(omeprazole)])).status).toBe(201);
    for (const who of [w.admin, w.desk, w.patient]) expect((await draft(w.t, who, w.patient.patientId, [item(omeprazole)])).status).toBe(403);
    expect((await draft(w.t, w.stranger, w.patient.patientId, [item(omeprazole)])).status).toBe(404);
    expect((await draft(w.t, w.stranger, w.patient.patientId, [item(omeprazole)], { appointmentId: w.appointmentId })).status).toBe(404);
    expect((await draft(w.t, w.colleague, w.patient.patientId, [item(omeprazole)], { appointmentId: w.appointmentId })).json.errors[0].path).toBe('/appointmentId');
    expect((await draft(w.t, w.doctor, '01890000-0000-7000-8000-000000000000', [item(omeprazole)])).status).toBe(404);
    expect((await draft(w.t, null, w.patient.patientId, [item(omeprazole)])).status).toBe(401);
    const denied = await auditOf(w.t, 'prescription.create', w.patient.patientId);
    expect(denied.map((row) => [row.actor_id, row.outcome])).toEqual([[w.stranger.userId, 'denied'], [w.stranger.userId, 'denied']]);
  });

  it('refuses bad items with 400 naming the field: no drug or both, unknown medicine, float or zero doses, unknown codes, extra fields', async () => {
    const omeprazole = await medicine(w.t, 'Omeprazole', '20 mg');
    const cases: [unknown, string][] = [
      [{ dose: { value: '1', unit: 'tablet' }, route: 'oral', frequency: 'OD' }, '/items/0'],
      [{ ...item(omeprazole), drugText: 'Also this' }, '/items/0'],
      [item('01890000-0000-7000-8000-000000000000'), '/items/0/formularyId'],
      [item(omeprazole, { dose: { value: 1, unit: 'tablet' } }), '/items/0/dose/value'],
      [item(omeprazole, { dose: { value: '1e3', unit: 'tablet' } }), '/items/0/dose/value'],
      [item(omeprazole, { dose: { value: '0.0', unit: 'tablet' } }), '/items/0/dose/value'],
      [item(omeprazole, { dose: { value: '1.2345', unit: 'tablet' } }), '/items/0/dose/value'],
      [item(omeprazole, { frequency: 'sometimes' }), '/items/0/frequency'],
      [item(omeprazole, { duration: { value: 2, unit: 'y' } }), '/items/0/duration/unit'],
      [item(omeprazole, { refills: 99 }), '/items/0/refills'],
      [item(omeprazole, { colour: 'blue' }), '/items/0/colour'],
    ];
    for (const [bad, path] of cases) {
      const response = await draft(w.t, w.doctor, w.patient.patientId, [bad]);
      expect(response.status, JSON.stringify(bad)).toBe(400);
      expect(response.json.errors.map((error: { path: string }) => error.path), JSON.stringify(bad)).toContain(path);
    }
    expect((await draft(w.t, w.doctor, w.patient.patientId, [])).status).toBe(400);
    await w.t.deps.db.updateTable('formulary').set({ active: 0 }).where('id', '=', omeprazole).execute();
    try {
      expect((await draft(w.t, w.doctor, w.patient.patientId, [item(omeprazole)])).json.errors[0].path).toBe('/items/0/formularyId');
    } finally {
      await w.t.deps.db.updateTable('formulary').set({ active: 1 }).where('id', '=', omeprazole).execute();
    }
  });

  it("a draft is its prescriber's alone: other doctors and the patient get 404, and the patient's list leaves it out", async () => {
    const rx = await drafted(w.t, w.doctor, w.patient.patientId, [item(await medicine(w.t, 'Lansoprazole'))]);
    expect((await read(rx.id, w.doctor)).status).toBe(200);
    for (const who of [w.colleague, w.patient, w.stranger]) expect((await read(rx.id, who)).status).toBe(404);
    expect((await act(w.t, w.colleague, rx.id, 'issue')).status).toBe(404);
    expect((await call(w.t.app, { method: 'PUT', url: `/api/prescriptions/${rx.id}`, as: w.colleague, body: { items: [item(await medicine(w.t, 'Lansoprazole'))] } })).status).toBe(404);
    expect((await list(w.patient.patientId, w.patient)).json.items.map((p: { id: string }) => p.id)).not.toContain(rx.id);
    expect((await list(w.patient.patientId, w.colleague)).json.items.map((p: { id: string }) => p.id)).not.toContain(rx.id);
    expect((await list(w.patient.patientId, w.doctor, '?status=draft')).json.items.map((p: { id: string }) => p.id)).toContain(rx.id);
    expect((await call(w.t.app, { method: 'DELETE', url: `/api/prescriptions/${rx.id}`, as: w.doctor })).status).toBe(204);
    expect((await read(rx.id, w.doctor)).status).toBe(404);
  });

  it('an issued one is read by the patient and their doctors; another patient and other doctors get 404; admins and the desk 403 — all audited', async () => {
    const rx = await issued(w.t, w.doctor, w.patient.patientId, [item(await medicine(w.t, 'Montelukast'), { frequency: 'nocte', quantity: { value: '7', unit: 'tablet' } })]);
    for (const who of [w.patient, w.doctor, w.colleague]) expect((await read(rx.id, who)).status).toBe(200);
    expect((await read(rx.id, w.patient)).json.allowedActions).toEqual([]);
    for (const who of [w.other, w.stranger]) expect((await read(rx.id, who)).status).toBe(404);
    for (const who of [w.admin, w.desk]) {
      const refused = await read(rx.id, who);
      expect(refused.status).toBe(403);
      expect(refused.json.code).toBe(who === w.admin ? 'BREAK_GLASS_REQUIRED' : 'FORBIDDEN');
    }
    const rows = await auditOf(w.t, 'prescription.read', rx.id);
    expect(rows.map((row) => [row.actor_id, row.outcome])).toEqual([
      [w.patient.userId, 'success'], [w.doctor.userId, 'success'], [w.colleague.userId, 'success'], [w.patient.userId, 'success'],
      [w.other.userId, 'denied'], [w.stranger.userId, 'denied'], [w.admin.userId, 'denied'], [w.desk.userId, 'denied'],
    ]);
    expect((await read(rx.id, null)).status).toBe(401);
  });

  it('lists are the patient’s own, newest first, paged with a cursor and filtered by status; the read is audited', async () => {
    const first = await issued(w.t, w.doctor, w.patient.patientId, [item(await medicine(w.t, 'Fexofenadine'), { frequency: 'OD', quantity: { value: '7', unit: 'tablet' } })]);
    const second = await issued(w.t, w.doctor, w.patient.patientId, [item(await medicine(w.t, 'Famotidine'), { frequency: 'BD', quantity: { value: '14', unit: 'tablet' } })]);
    await act(w.t, w.doctor, first.id, 'stop', { reason: 'Not needed' });
    const page = await list(w.patient.patientId, w.patient, '?limit=1');
    expect(page.status).toBe(200);
    expect(page.json.items.map((p: { id: string }) => p.id)).toEqual([second.id]);
    const next = await list(w.patient.patientId, w.patient, `?limit=1&cursor=${page.json.nextCursor}`);
    expect(next.json.items.map((p: { id: string }) => p.id)).toEqual([first.id]);
    const stopped = await list(w.patient.patientId, w.patient, '?status=stopped');
    expect(stopped.json.items.every((p: { status: string }) => p.status === 'stopped')).toBe(true);
    expect((await list(w.patient.patientId, w.patient, '?status=finished')).status).toBe(400);
    expect((await list(w.patient.patientId, w.patient, '?cursor=nonsense')).status).toBe(400);
    for (const who of [w.other, w.stranger]) expect((await list(w.patient.patientId, who)).status).toBe(404);
    for (const who of [w.admin, w.desk]) expect((await list(w.patient.patientId, who)).status).toBe(403);
    const rows = await auditOf(w.t, 'patient.prescriptions.read', w.patient.patientId);
    expect(rows.filter((row) => row.outcome === 'denied').map((row) => row.actor_id)).toEqual(
      expect.arrayContaining([w.other.userId, w.stranger.userId, w.admin.userId, w.desk.userId]),
    );
    expect(rows.some((row) => row.actor_id === w.patient.userId && row.outcome === 'success')).toBe(true);
  });
});
