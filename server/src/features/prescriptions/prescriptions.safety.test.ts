import { describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test/harness.ts';
import { call, registerPatient } from '../../test/http.ts';
import { insertAppointment } from '../patients/fixtures.ts';
import { act, addAllergy, auditOf, drafted, issued, item, medicine, withWorld, type Patient, type World } from './test-support.ts';

describe.each(dialectsUnderTest())('safety checks at issue on %s', (dialect) => {
  let w: World;
  withWorld(dialect, (world) => (w = world));

  /** A new patient of w.doctor, so each test starts from an empty record. */
  async function newPatient(): Promise<Patient> {
    const patient = (await registerPatient(w.t.app)) as Patient;
    await insertAppointment(w.t, w.doctor.doctorId, patient.patientId, 'confirmed');
    return patient;
  }

  it('a coded class allergy refuses amoxicillin with 409 ALLERGY_CONFLICT naming the allergy and the medicine at its item path', async () => {
    const patient = await newPatient();
    await addAllergy(w.t, w.doctor, patient.patientId, { title: 'Rash after antibiotics', allergen: { class: 'Penicillins' } });
    const rx = await drafted(w.t, w.doctor, patient.patientId, [item(await medicine(w.t, 'Paracetamol', '500 mg')), item(await medicine(w.t, 'Amoxicillin', '500 mg'))]);
    const refused = await act(w.t, w.doctor, rx.id, 'issue');
    expect(refused.status).toBe(409);
    expect(refused.json.code).toBe('ALLERGY_CONFLICT');
    expect(refused.json.errors).toEqual([{ path: '/items/1', message: expect.stringContaining('Amoxicillin 500 mg capsule') }]);
    expect(refused.json.errors[0].message).toContain('Rash after antibiotics');
    expect((await call(w.t.app, { url: `/api/prescriptions/${rx.id}`, as: w.doctor })).json.status).toBe('draft');
    expect((await auditOf(w.t, 'prescription.issue', rx.id)).map((row) => row.outcome)).toEqual(['denied']);
  });

  it('a coded ingredient allergy matches a combination product containing it', async () => {
    const patient = await newPatient();
    await addAllergy(w.t, w.doctor, patient.patientId, { title: 'Anaphylaxis', allergen: { ingredient: 'amoxicillin' } });
    const rx = await drafted(w.t, w.doctor, patient.patientId, [item(await medicine(w.t, 'Co-amoxiclav', '500 mg/125 mg'))]);
    const refused = await act(w.t, w.doctor, rx.id, 'issue');
    expect(refused.json).toMatchObject({ code: 'ALLERGY_CONFLICT', errors: [{ path: '/items/0' }] });
    expect(refused.json.errors[0].message).toMatch(/Co-amoxiclav.*contains amoxicillin.*Anaphylaxis/);
  });

  it('free-text allergy titles match by ingredient and class whatever their case and plural ("PENICILLINS", "penicillin allergy", "Nsaid")', async () => {
    for (const [title, name, strength] of [
      ['PENICILLINS', 'Flucloxacillin', '500 mg'], ['penicillin allergy', 'Amoxicillin', '250 mg'], ['Nsaid', 'Naproxen', '500 mg'],
      ['Sulpha drugs', 'Co-trimoxazole', '960 mg'], ['Cephalosporin', 'Cefalexin', '500 mg'], ['Ibuprofens', 'Ibuprofen', '200 mg'],
    ] as const) {
      const patient = await newPatient();
      await addAllergy(w.t, w.doctor, patient.patientId, { title });
      const rx = await drafted(w.t, w.doctor, patient.patientId, [item(await medicine(w.t, name, strength))]);
      const refused = await act(w.t, w.doctor, rx.id, 'issue');
      expect(refused.json.code, `${title} vs ${name}`).toBe('ALLERGY_CONFLICT');
    }
  });

  it('an unrelated, resolved or deleted allergy does not refuse; nor does a free-text medicine, which is not checked', async () => {
    const patient = await newPatient();
    await addAllergy(w.t, w.doctor, patient.patientId, { title: 'Latex' });
    await addAllergy(w.t, w.doctor, patient.patientId, { title: 'Penicillin', onsetDate: '2001-01-01', resolvedDate: '2020-01-01' });
    const removed = await addAllergy(w.t, w.doctor, patient.patientId, { title: 'Macrolides' });
    expect((await call(w.t.app, { method: 'DELETE', url: `/api/patients/${patient.patientId}/history/${removed.id}`, as: w.doctor })).status).toBe(204);
    const rx = await issued(w.t, w.doctor, patient.patientId, [
      item(await medicine(w.t, 'Amoxicillin', '500 mg')), item(await medicine(w.t, 'Clarithromycin', '500 mg')),
      { drugText: 'Penicillin V from abroad', dose: { value: '1', unit: 'tablet' }, route: 'oral', frequency: 'QDS' },
    ]);
    expect(rx.status).toBe('active');
  });

  it('the same request with overrideReason succeeds; the override is stored with the prescription and audited', async () => {
    const patient = await newPatient();
    await addAllergy(w.t, w.doctor, patient.patientId, { title: 'NSAIDs', allergen: { class: 'nsaids' } });
    const rx = await drafted(w.t, w.doctor, patient.patientId, [item(await medicine(w.t, 'Aspirin', '75 mg'), { frequency: 'OD', quantity: { value: '7', unit: 'tablet' } })]);
    expect((await act(w.t, w.doctor, rx.id, 'issue', { overrideReason: '   ' })).status).toBe(400);
    const issuedRx = await act(w.t, w.doctor, rx.id, 'issue', { overrideReason: 'Tolerated low-dose aspirin for years' });
    expect(issuedRx.status, issuedRx.text).toBe(200);
    expect(issuedRx.json.override).toEqual({
      reason: 'Tolerated low-dose aspirin for years',
      conflicts: [{ code: 'ALLERGY_CONFLICT', path: '/items/0', message: expect.stringContaining('NSAIDs') }],
    });
    const rows = await auditOf(w.t, 'prescription.safety_override', rx.id);
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]?.details ?? '{}')).toMatchObject({ reason: 'Tolerated low-dose aspirin for years', conflicts: [{ code: 'ALLERGY_CONFLICT' }] });
  });

  it('the same ingredient already active answers 409 DUPLICATE_THERAPY naming the other prescription; a stopped one does not count', async () => {
    const patient = await newPatient();
    await insertAppointment(w.t, w.colleague.doctorId, patient.patientId, 'completed');
    const first = await issued(w.t, w.doctor, patient.patientId, [item(await medicine(w.t, 'Paracetamol', '500 mg'), { dose: { value: '2', unit: 'tablet' }, frequency: 'QDS', quantity: { value: '56', unit: 'tablet' } })]);
    const second = await drafted(w.t, w.colleague, patient.patientId, [item(await medicine(w.t, 'Ibuprofen', '400 mg')), item(await medicine(w.t, 'Co-codamol', '30 mg/500 mg'))]);
    const refused = await act(w.t, w.colleague, second.id, 'issue');
    expect(refused.status).toBe(409);
    expect(refused.json.code).toBe('DUPLICATE_THERAPY');
    expect(refused.json.errors).toEqual([{ path: '/items/1', message: `Co-codamol 30 mg/500 mg tablet duplicates paracetamol in Paracetamol 500 mg tablet, already active on prescription ${first.number}` }]);
    expect((await act(w.t, w.doctor, first.id, 'stop', { reason: 'Switching to co-codamol' })).status).toBe(200);
    expect((await act(w.t, w.colleague, second.id, 'issue')).status).toBe(200);
  });

  it('an allergy and a duplicate together answer ALLERGY_CONFLICT listing both', async () => {
    const patient = await newPatient();
    const amoxicillin = await medicine(w.t, 'Amoxicillin', '500 mg');
    await issued(w.t, w.doctor, patient.patientId, [item(amoxicillin)]);
    await addAllergy(w.t, w.doctor, patient.patientId, { title: 'Beta-lactam antibacterials' });
    const rx = await drafted(w.t, w.doctor, patient.patientId, [item(await medicine(w.t, 'Cefalexin', '500 mg')), item(amoxicillin)]);
    const refused = await act(w.t, w.doctor, rx.id, 'issue');
    expect(refused.json.code).toBe('ALLERGY_CONFLICT');
    expect(refused.json.errors.map((error: { path: string }) => error.path)).toEqual(['/items/0', '/items/1', '/items/1']);
  });

  it('a quantity that does not match dose × frequency × duration is a warning in the answer, not a refusal', async () => {
    const patient = await newPatient();
    const rx = await drafted(w.t, w.doctor, patient.patientId, [
      item(await medicine(w.t, 'Amoxicillin', '500 mg'), { dose: { value: '0.5', unit: 'tablet' }, frequency: 'BD', duration: { value: 1, unit: 'wk' }, quantity: { value: '6', unit: 'tablet' } }),
      item(await medicine(w.t, 'Loratadine'), { frequency: 'OD', duration: { value: 1, unit: 'mo' }, quantity: { value: '30', unit: 'tablet' } }),
    ]);
    const read = await call(w.t.app, { url: `/api/prescriptions/${rx.id}`, as: w.doctor });
    expect(read.json.warnings).toEqual([{ path: '/items/0/quantity', message: 'Quantity 6 tablet is less than the course needs (0.5 tablet × 2 a day × 7 days = 7 tablet)' }]);
    const issuedRx = await act(w.t, w.doctor, rx.id, 'issue');
    expect(issuedRx.status).toBe(200);
    expect(issuedRx.json.warnings).toHaveLength(1);
  });

  it('a replacement stops the prescription it replaces when issued, in the same transaction, and is not its duplicate', async () => {
    const patient = await newPatient();
    const atorvastatin = await medicine(w.t, 'Atorvastatin', '20 mg');
    const old = await issued(w.t, w.doctor, patient.patientId, [item(atorvastatin, { frequency: 'nocte', duration: { value: 1, unit: 'mo' }, quantity: { value: '30', unit: 'tablet' } })]);
    const replacement = await drafted(w.t, w.doctor, patient.patientId, [item(await medicine(w.t, 'Atorvastatin', '40 mg'), { frequency: 'nocte', duration: { value: 1, unit: 'mo' }, quantity: { value: '30', unit: 'tablet' } })], { replacesId: old.id });
    expect((await call(w.t.app, { url: `/api/prescriptions/${old.id}`, as: w.doctor })).json.status).toBe('active');
    const done = await act(w.t, w.doctor, replacement.id, 'issue');
    expect(done.status, done.text).toBe(200);
    expect(done.json.replacesId).toBe(old.id);
    const oldNow = (await call(w.t.app, { url: `/api/prescriptions/${old.id}`, as: w.doctor })).json;
    expect(oldNow).toMatchObject({ status: 'stopped', endReason: `Replaced by ${replacement.number}`, replacedById: replacement.id });
    const notActive = await drafted(w.t, w.doctor, patient.patientId, [item(atorvastatin)]);
    const bad = await call(w.t.app, { method: 'POST', url: `/api/patients/${patient.patientId}/prescriptions`, as: w.doctor, body: { replacesId: old.id, items: [item(atorvastatin)] } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].path).toBe('/replacesId');
    expect(notActive.status).toBe('draft');
  });
});
