import { describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test/harness.ts';
import { flat, pdftotextOf } from '../../test/pdf-text.ts';
import { download } from '../documents/test-support.ts';
import { act, auditOf, drafted, issued, item, medicine, withWorld, type World } from './test-support.ts';

describe.each(dialectsUnderTest())('the prescription PDF on %s', (dialect) => {
  let w: World;
  withWorld(dialect, (world) => (w = world));
  const pdf = (id: string, as: Parameters<typeof download>[2]) => download(w.t, `/api/prescriptions/${id}/pdf`, as);

  it('the patient downloads an issued prescription naming them, the prescriber, the number and every item; the generation is audited', async () => {
    const rx = await issued(w.t, w.doctor, w.patient.patientId, [
      item(await medicine(w.t, 'Amoxicillin', '500 mg'), { dose: { value: '500', unit: 'mg' }, quantity: { value: '10500', unit: 'mg' }, instructions: 'Take with water' }),
      { drugText: 'Calamine lotion', dose: { value: '0.5', unit: 'application' }, route: 'topical', frequency: 'PRN' },
    ]);
    const response = await pdf(rx.id, w.patient);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="prescription-${rx.number}.pdf"`);
    expect(response.headers['cache-control']).toBe('no-store');
    const text = flat(await pdftotextOf(response.body));
    for (const expected of [
      `Prescription ${rx.number}`, 'Nora Field', 'Dr Ada Byron', '1. Amoxicillin 500 mg capsule', 'Dose: 500 mg', 'TDS (three times a day)',
      'Take with water', '2. Calamine lotion (not checked)', 'Dose: 0.5 application',
    ]) expect(text, expected).toContain(expected);
    expect(text).not.toContain('VOID');
    expect(text).not.toContain('COPY');
    const second = flat(await pdftotextOf((await pdf(rx.id, w.doctor)).body));
    expect(second).toContain('COPY');
    const rows = await auditOf(w.t, 'document.prescription.generate', rx.id);
    expect(rows.map((row) => [row.actor_id, row.outcome])).toEqual([[w.patient.userId, 'success'], [w.doctor.userId, 'success']]);
    expect(JSON.parse(rows[1]?.details ?? '{}')).toMatchObject({ patientId: w.patient.patientId, number: rx.number, reprint: true });
  });

  it('an entered-in-error prescription prints marked VOID with its reason', async () => {
    const rx = await issued(w.t, w.doctor, w.patient.patientId, [item(await medicine(w.t, 'Bisoprolol', '2.5 mg'), { frequency: 'OD', quantity: { value: '7', unit: 'tablet' } })]);
    expect((await act(w.t, w.doctor, rx.id, 'entered-in-error', { reason: 'Meant for another patient' })).status).toBe(200);
    const text = flat(await pdftotextOf((await pdf(rx.id, w.colleague)).body));
    expect(text).toContain('VOID');
    expect(text).toContain('Meant for another patient');
  });

  it('a draft is not printed (409); other patients and doctors get 404, staff 403, signed-out 401; refusals are audited', async () => {
    const rx = await issued(w.t, w.doctor, w.patient.patientId, [item(await medicine(w.t, 'Carbocisteine'))]);
    const draftRx = await drafted(w.t, w.doctor, w.patient.patientId, [item(await medicine(w.t, 'Carbocisteine'))]);
    expect((await pdf(draftRx.id, w.doctor)).status).toBe(409);
    expect((await pdf(draftRx.id, w.patient)).status).toBe(404);
    for (const who of [w.other, w.stranger]) expect((await pdf(rx.id, who)).status).toBe(404);
    for (const who of [w.admin, w.desk]) expect((await pdf(rx.id, who)).status).toBe(403);
    expect((await pdf(rx.id, null)).status).toBe(401);
    const rows = await auditOf(w.t, 'document.prescription.generate', rx.id);
    expect(rows.map((row) => [row.actor_id, row.outcome])).toEqual([[w.other.userId, 'denied'], [w.stranger.userId, 'denied'], [w.admin.userId, 'denied'], [w.desk.userId, 'denied']]);
  });
});
