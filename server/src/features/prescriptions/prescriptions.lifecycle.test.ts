import { describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test/harness.ts';
import { call } from '../../test/http.ts';
import { moveClock } from '../appointments/test-support.ts';
import { act, auditOf, draft, drafted, issued, item, medicine, withWorld, type World } from './test-support.ts';

describe.each(dialectsUnderTest())('prescription lifecycle on %s', (dialect) => {
  let w: World;
  withWorld(dialect, (world) => (w = world));

  it('a doctor of the patient drafts a numbered prescription with exact decimal doses, then issues it', async () => {
    const amoxicillin = await medicine(w.t, 'Amoxicillin', '500 mg');
    const created = await draft(w.t, w.doctor, w.patient.patientId, [
      item(amoxicillin, { dose: { value: '500', unit: 'mg' }, quantity: { value: '10500', unit: 'mg' }, instructions: 'Finish the course' }),
      { drugText: 'Calamine lotion', dose: { value: '0.5', unit: 'application' }, route: 'topical', frequency: 'PRN', frequencyText: 'when itchy' },
    ], { appointmentId: w.appointmentId });
    expect(created.status, created.text).toBe(201);
    const body = created.json;
    expect(body.number).toMatch(/^RX-\d{4}-\d{6}$/);
    expect(body).toMatchObject({
      status: 'draft', patientId: w.patient.patientId, patientName: 'Nora Field', prescriber: { doctorId: w.doctor.doctorId, name: 'Dr Ada Byron' },
      appointmentId: w.appointmentId, replacesId: null, issuedAt: null, warnings: [], override: null, allowedActions: ['edit', 'delete', 'issue'],
    });
    expect(body.items[0]).toMatchObject({
      formularyId: amoxicillin, drugText: null, drug: 'Amoxicillin 500 mg capsule', checked: true, ingredients: ['amoxicillin'],
      classes: ['penicillins', 'beta-lactam antibacterials'], dose: { value: '500', unit: 'mg' }, frequency: 'TDS', duration: { value: 7, unit: 'd' },
      refills: 0, instructions: 'Finish the course',
    });
    expect(body.items[1]).toMatchObject({ formularyId: null, drugText: 'Calamine lotion', drug: 'Calamine lotion', checked: false, dose: { value: '0.5', unit: 'application' }, frequencyText: 'when itchy', duration: null });

    const active = await act(w.t, w.doctor, body.id, 'issue');
    expect(active.status, active.text).toBe(200);
    expect(active.json).toMatchObject({ status: 'active', number: body.number, allowedActions: ['stop', 'complete', 'replace', 'entered-in-error'] });
    expect(active.json.endsAt, 'a when-required item has no end').toBeNull();
    expect((await auditOf(w.t, 'prescription.create', body.id)).map((row) => row.outcome)).toEqual(['success']);
    expect((await auditOf(w.t, 'prescription.issue', body.id)).map((row) => row.outcome)).toEqual(['success']);
  });

  it('numbers are unique and follow each other, even when drafts are created at the same time', async () => {
    const paracetamol = await medicine(w.t, 'Paracetamol', '500 mg');
    const many = await Promise.all(Array.from({ length: 8 }, () => draft(w.t, w.doctor, w.patient.patientId, [item(paracetamol)])));
    expect(many.map((response) => response.status)).toEqual(Array(8).fill(201));
    const numbers = many.map((response) => response.json.number as string);
    expect(new Set(numbers).size).toBe(8);
    const sequence = numbers.map((number) => Number(number.slice(-6))).sort((a, b) => a - b);
    expect(sequence.at(-1)! - sequence[0]!).toBe(7);
    const duplicate = w.t.deps.db.updateTable('prescriptions').set({ number: numbers[0]! }).where('number', '=', numbers[1]!).execute();
    await expect(duplicate).rejects.toThrow();
  });

  it('a draft’s items are replaced with PUT; once issued its items never change (409), and the database refuses too', async () => {
    const ibuprofen = await medicine(w.t, 'Ibuprofen', '400 mg');
    const naproxen = await medicine(w.t, 'Naproxen', '250 mg');
    const created = await drafted(w.t, w.doctor, w.patient.patientId, [item(ibuprofen)]);
    const put = await call(w.t.app, { method: 'PUT', url: `/api/prescriptions/${created.id}`, as: w.doctor, body: { items: [item(naproxen), item(naproxen, { frequency: 'BD' })] } });
    expect(put.status, put.text).toBe(200);
    expect(put.json.items.map((i: { drug: string }) => i.drug)).toEqual(['Naproxen 250 mg tablet', 'Naproxen 250 mg tablet']);
    await act(w.t, w.doctor, created.id, 'issue', { overrideReason: 'Two regimens by design' });
    const again = await call(w.t.app, { method: 'PUT', url: `/api/prescriptions/${created.id}`, as: w.doctor, body: { items: [item(ibuprofen)] } });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe('INVALID_TRANSITION');
    expect((await call(w.t.app, { method: 'DELETE', url: `/api/prescriptions/${created.id}`, as: w.doctor })).status).toBe(409);

    const db = w.t.deps.db;
    await expect(db.updateTable('prescription_items').set({ dose_value: '2' }).where('prescription_id', '=', created.id).execute()).rejects.toThrow(/PRESCRIPTION_LOCKED/);
    await expect(db.deleteFrom('prescription_items').where('prescription_id', '=', created.id).execute()).rejects.toThrow(/PRESCRIPTION_LOCKED/);
    const first = put.json.items[0];
    await expect(db.insertInto('prescription_items').values({
      id: `${first.id.slice(0, -4)}ffff`, prescription_id: created.id, position: 9, formulary_id: ibuprofen, drug_name: 'x', drug_text: null, ingredients: '[]', classes: '[]',
      dose_value: '1', dose_unit: 'tablet', route: 'oral', frequency: 'OD', frequency_text: null, duration_value: null, duration_unit: null,
      quantity_value: null, quantity_unit: null, refills: 0, instructions: null,
    }).execute()).rejects.toThrow(/PRESCRIPTION_LOCKED/);
    await expect(db.updateTable('prescriptions').set({ patient_id: w.other.patientId }).where('id', '=', created.id).execute()).rejects.toThrow(/PRESCRIPTION_LOCKED/);
    await expect(db.updateTable('prescriptions').set({ status: 'draft' }).where('id', '=', created.id).execute()).rejects.toThrow();
    await expect(db.deleteFrom('prescriptions').where('id', '=', created.id).execute()).rejects.toThrow(/PRESCRIPTION_LOCKED/);
  });

  it('stop needs a reason and ends an active one; entered-in-error keeps it as void; nothing moves back', async () => {
    const cetirizine = await medicine(w.t, 'Cetirizine');
    const rx = await issued(w.t, w.doctor, w.patient.patientId, [item(cetirizine, { frequency: 'OD', quantity: { value: '7', unit: 'tablet' } })]);
    expect((await act(w.t, w.doctor, rx.id, 'stop', {})).status).toBe(400);
    const stopped = await act(w.t, w.colleague, rx.id, 'stop', { reason: 'Drowsy at work' });
    expect(stopped.status, stopped.text).toBe(200);
    expect(stopped.json).toMatchObject({ status: 'stopped', endReason: 'Drowsy at work' });
    expect((await act(w.t, w.doctor, rx.id, 'stop', { reason: 'again' })).json.code).toBe('INVALID_TRANSITION');
    expect((await act(w.t, w.doctor, rx.id, 'issue')).json.code).toBe('INVALID_TRANSITION');
    const colleagueVoid = await act(w.t, w.colleague, rx.id, 'entered-in-error', { reason: 'Wrong patient' });
    expect(colleagueVoid.status).toBe(403);
    const voided = await act(w.t, w.doctor, rx.id, 'entered-in-error', { reason: 'Wrong patient' });
    expect(voided.json).toMatchObject({ status: 'entered-in-error', endReason: 'Wrong patient', allowedActions: [] });
    expect((await act(w.t, w.doctor, rx.id, 'entered-in-error', { reason: 'twice' })).status).toBe(409);
    expect((await auditOf(w.t, 'prescription.stop', rx.id)).map((row) => row.outcome)).toEqual(['success']);
    expect((await auditOf(w.t, 'prescription.entered_in_error', rx.id)).map((row) => row.outcome)).toEqual(['denied', 'success']);
  });

  it('complete ends an active one early; a course whose duration has passed reads and filters as completed', async () => {
    const senna = await medicine(w.t, 'Senna');
    const early = await issued(w.t, w.doctor, w.patient.patientId, [item(senna, { frequency: 'nocte', duration: { value: 3, unit: 'd' }, quantity: { value: '3', unit: 'tablet' } })]);
    const completed = await act(w.t, w.doctor, early.id, 'complete');
    expect(completed.json).toMatchObject({ status: 'completed', endReason: null });
    const later = await issued(w.t, w.doctor, w.patient.patientId, [item(await medicine(w.t, 'Loratadine'), { frequency: 'OD', duration: { value: 2, unit: 'd' }, quantity: { value: '2', unit: 'tablet' } })]);
    const url = `/api/patients/${w.patient.patientId}/prescriptions`;
    expect((await call(w.t.app, { url: `/api/prescriptions/${later.id}`, as: w.doctor })).json.endsAt)
      .toBe(new Date(w.t.clock.now().getTime() + 2 * 86_400_000).toISOString());
    const activeNow = await call(w.t.app, { url: `${url}?status=active`, as: w.doctor });
    expect(activeNow.json.items.map((rx: { id: string }) => rx.id)).toContain(later.id);
    await moveClock(w.t, new Date(w.t.clock.now().getTime() + 3 * 86_400_000));
    try {
      const read = await call(w.t.app, { url: `/api/prescriptions/${later.id}`, as: w.doctor });
      expect(read.json).toMatchObject({ status: 'completed', allowedActions: ['entered-in-error'] });
      const done = await call(w.t.app, { url: `${url}?status=completed`, as: w.doctor });
      expect(done.json.items.map((rx: { id: string }) => rx.id)).toEqual(expect.arrayContaining([early.id, later.id]));
      const stillActive = await call(w.t.app, { url: `${url}?status=active`, as: w.doctor });
      expect(stillActive.json.items.map((rx: { id: string }) => rx.id)).not.toContain(later.id);
      expect((await act(w.t, w.doctor, later.id, 'stop', { reason: 'late' })).status).toBe(409);
    } finally {
      await moveClock(w.t, new Date(w.t.clock.now().getTime() - 3 * 86_400_000));
    }
  });
});
