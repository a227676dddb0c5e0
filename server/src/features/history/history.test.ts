import { describe, expect, it } from 'vitest';
import { createDoctor } from '../../test/factories.ts';
import { dialectsUnderTest, type TestApp } from '../../test/harness.ts';
import { call, registerPatient, type Caller } from '../../test/http.ts';
import { withStaffApp } from '../../test/staff-app.ts';
import { auditRows, insertAppointment } from '../patients/fixtures.ts';

type Patient = Caller & { patientId: string; email: string; password: string };

describe.each(dialectsUnderTest())('medical history on %s', (dialect) => {
  let t: TestApp;
  let admin: Caller;
  let receptionist: Caller;
  withStaffApp(dialect, (started) => ({ t, admin, receptionist } = started));

  const newPatient = async () => (await registerPatient(t.app)) as Patient;
  /** A patient and a doctor who has a confirmed appointment with them. */
  async function doctorAndPatient() {
    const doctor = await createDoctor(t);
    const patient = await newPatient();
    await insertAppointment(t, doctor.doctorId, patient.patientId, 'confirmed');
    return { doctor, patient, url: `/api/patients/${patient.patientId}/history` };
  }
  const asthma = { kind: 'condition', title: 'Asthma', details: 'Mild, exercise-induced', onsetDate: '2010-05-01' };

  it('a doctor of the patient adds an entry, recorded with who and when', async () => {
    const { doctor, url } = await doctorAndPatient();
    const response = await call(t.app, { method: 'POST', url, as: doctor, body: asthma });
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({
      ...asthma, selfReported: false, version: 1, recordedAt: t.clock.now().toISOString(),
      recordedBy: { id: doctor.userId, name: 'Dr Grace Hopper', role: 'doctor' },
    });
    expect(response.json).not.toHaveProperty('resolvedDate');
    const list = await call(t.app, { url, as: doctor });
    expect(list.status).toBe(200);
    expect(list.json.items).toEqual([response.json]);
  });

  it('editing keeps every previous version, and clinicians can list them', async () => {
    const { doctor, url } = await doctorAndPatient();
    const entry = (await call(t.app, { method: 'POST', url, as: doctor, body: asthma })).json;
    t.clock.advance(60_000);
    const edited = await call(t.app, { method: 'PATCH', url: `${url}/${entry.id}`, as: admin, body: { title: 'Asthma, moderate', resolvedDate: '2020-01-01' } });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ title: 'Asthma, moderate', resolvedDate: '2020-01-01', version: 2, updatedBy: { id: admin.userId, role: 'admin' } });
    t.clock.advance(60_000);
    const third = await call(t.app, { method: 'PATCH', url: `${url}/${entry.id}`, as: doctor, body: { details: null } });
    expect(third.json.version).toBe(3);
    expect(third.json).not.toHaveProperty('details');
    const versions = await call(t.app, { url: `${url}/${entry.id}/versions`, as: doctor });
    expect(versions.status).toBe(200);
    expect(versions.json.items).toMatchObject([
      { version: 2, title: 'Asthma, moderate', resolvedDate: '2020-01-01', details: 'Mild, exercise-induced', changedBy: { id: admin.userId } },
      { version: 1, title: 'Asthma', details: 'Mild, exercise-induced', changedBy: { id: doctor.userId, role: 'doctor' }, changedAt: entry.recordedAt },
    ]);
    const paged = await call(t.app, { url: `${url}/${entry.id}/versions?limit=1`, as: doctor });
    expect(paged.json.items.map((v: { version: number }) => v.version)).toEqual([2]);
    const rest = await call(t.app, { url: `${url}/${entry.id}/versions?limit=1&cursor=${paged.json.nextCursor}`, as: doctor });
    expect(rest.json).toMatchObject({ items: [{ version: 1 }], nextCursor: null });
  });

  it('an edit that changes nothing keeps the version', async () => {
    const { doctor, url } = await doctorAndPatient();
    const entry = (await call(t.app, { method: 'POST', url, as: doctor, body: asthma })).json;
    const same = await call(t.app, { method: 'PATCH', url: `${url}/${entry.id}`, as: doctor, body: { title: 'Asthma' } });
    expect(same.json.version).toBe(1);
    expect((await call(t.app, { url: `${url}/${entry.id}/versions`, as: doctor })).json.items).toEqual([]);
  });

  it('deleting is soft: the entry leaves the history, its content stays as a version', async () => {
    const { doctor, patient, url } = await doctorAndPatient();
    const entry = (await call(t.app, { method: 'POST', url, as: doctor, body: { kind: 'allergy', title: 'Penicillin' } })).json;
    expect((await call(t.app, { method: 'DELETE', url: `${url}/${entry.id}`, as: doctor })).status).toBe(204);
    expect((await call(t.app, { url, as: patient })).json.items).toEqual([]);
    expect((await call(t.app, { method: 'PATCH', url: `${url}/${entry.id}`, as: doctor, body: { title: 'x' } })).status).toBe(404);
    expect((await call(t.app, { method: 'DELETE', url: `${url}/${entry.id}`, as: doctor })).status).toBe(404);
    const row = await t.deps.db.selectFrom('medical_history').selectAll().where('id', '=', entry.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ deleted_by: doctor.userId, title: 'Penicillin' });
    expect(Number(row.version)).toBe(2);
    const versions = await call(t.app, { url: `${url}/${entry.id}/versions`, as: doctor });
    expect(versions.json.items).toMatchObject([{ version: 1, title: 'Penicillin', kind: 'allergy' }]);
  });

  it('a doctor who never had an appointment with the patient gets 404; rejected or cancelled alone does not count', async () => {
    const doctor = await createDoctor(t);
    const patient = await newPatient();
    const url = `/api/patients/${patient.patientId}/history`;
    const entry = (await call(t.app, { method: 'POST', url, as: admin, body: asthma })).json;
    await insertAppointment(t, doctor.doctorId, patient.patientId, 'rejected');
    await insertAppointment(t, doctor.doctorId, patient.patientId, 'cancelled');
    expect((await call(t.app, { url, as: doctor })).status).toBe(404);
    expect((await call(t.app, { method: 'POST', url, as: doctor, body: asthma })).status).toBe(404);
    expect((await call(t.app, { method: 'PATCH', url: `${url}/${entry.id}`, as: doctor, body: { title: 'x' } })).status).toBe(404);
    expect((await call(t.app, { method: 'DELETE', url: `${url}/${entry.id}`, as: doctor })).status).toBe(404);
    expect((await call(t.app, { url: `${url}/${entry.id}/versions`, as: doctor })).status).toBe(404);
    await insertAppointment(t, doctor.doctorId, patient.patientId, 'no_show');
    expect((await call(t.app, { url, as: doctor })).json.items).toHaveLength(1);
  });

  it('receptionists may never touch medical history (403 on every route)', async () => {
    const { doctor, url } = await doctorAndPatient();
    const entry = (await call(t.app, { method: 'POST', url, as: doctor, body: asthma })).json;
    const refused = [
      await call(t.app, { url, as: receptionist }),
      await call(t.app, { method: 'POST', url, as: receptionist, body: asthma }),
      await call(t.app, { method: 'PATCH', url: `${url}/${entry.id}`, as: receptionist, body: { title: 'x' } }),
      await call(t.app, { method: 'DELETE', url: `${url}/${entry.id}`, as: receptionist }),
      await call(t.app, { url: `${url}/${entry.id}/versions`, as: receptionist }),
    ];
    expect(refused.map((response) => response.status)).toEqual([403, 403, 403, 403, 403]);
    expect(refused[0]?.json.code).toBe('FORBIDDEN');
  });

  it('anonymous callers are asked to sign in (401)', async () => {
    const { url } = await doctorAndPatient();
    expect((await call(t.app, { url })).status).toBe(401);
    expect((await call(t.app, { method: 'POST', url, body: asthma })).status).toBe(401);
    expect((await call(t.app, { method: 'PATCH', url: `${url}/x`, body: { title: 'x' } })).status).toBe(401);
    expect((await call(t.app, { method: 'DELETE', url: `${url}/x` })).status).toBe(401);
    expect((await call(t.app, { url: `${url}/x/versions` })).status).toBe(401);
  });

  it('the patient reads all of their history and adds self-reported entries, changing only those', async () => {
    const { doctor, patient, url } = await doctorAndPatient();
    const clinical = (await call(t.app, { method: 'POST', url, as: doctor, body: asthma })).json;
    const own = await call(t.app, { method: 'POST', url, as: patient, body: { kind: 'medication', title: 'Vitamin D', onsetDate: '2024-01-01' } });
    expect(own.status).toBe(201);
    expect(own.json).toMatchObject({ selfReported: true, recordedBy: { id: patient.userId, role: 'patient' } });
    const list = await call(t.app, { url, as: patient });
    expect(list.json.items.map((item: { id: string }) => item.id).sort()).toEqual([clinical.id, own.json.id].sort());
    const editOwn = await call(t.app, { method: 'PATCH', url: `${url}/${own.json.id}`, as: patient, body: { details: '1000 IU a day' } });
    expect(editOwn.status).toBe(200);
    expect(editOwn.json).toMatchObject({ selfReported: true, version: 2 });
    const editClinical = await call(t.app, { method: 'PATCH', url: `${url}/${clinical.id}`, as: patient, body: { title: 'Not asthma' } });
    expect(editClinical.status).toBe(403);
    expect((await call(t.app, { method: 'DELETE', url: `${url}/${clinical.id}`, as: patient })).status).toBe(403);
    expect(await auditRows(t, 'patient.history.update', clinical.id)).toMatchObject([{ outcome: 'denied' }]);
    expect((await call(t.app, { method: 'DELETE', url: `${url}/${own.json.id}`, as: patient })).status).toBe(204);
    expect((await call(t.app, { url: `${url}/${own.json.id}/versions`, as: patient })).status).toBe(403);
    const byDoctor = await call(t.app, { method: 'PATCH', url: `${url}/${clinical.id}`, as: doctor, body: { title: 'Asthma (confirmed)' } });
    expect(byDoctor.status).toBe(200);
  });

  it('a doctor may edit a self-reported entry, which stays marked self-reported', async () => {
    const { doctor, patient, url } = await doctorAndPatient();
    const own = (await call(t.app, { method: 'POST', url, as: patient, body: { kind: 'allergy', title: 'Cats' } })).json;
    const edited = await call(t.app, { method: 'PATCH', url: `${url}/${own.id}`, as: doctor, body: { details: 'Confirmed by skin test' } });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ selfReported: true, updatedBy: { id: doctor.userId } });
  });

  it("a patient cannot read, add to or change another patient's history (404)", async () => {
    const { doctor, url } = await doctorAndPatient();
    const entry = (await call(t.app, { method: 'POST', url, as: doctor, body: asthma })).json;
    const stranger = await newPatient();
    expect((await call(t.app, { url, as: stranger })).status).toBe(404);
    expect((await call(t.app, { method: 'POST', url, as: stranger, body: asthma })).status).toBe(404);
    expect((await call(t.app, { method: 'PATCH', url: `${url}/${entry.id}`, as: stranger, body: { title: 'x' } })).status).toBe(404);
    expect((await call(t.app, { method: 'DELETE', url: `${url}/${entry.id}`, as: stranger })).status).toBe(404);
    const ownUrl = `/api/patients/${stranger.patientId}/history/${entry.id}`;
    expect((await call(t.app, { method: 'PATCH', url: ownUrl, as: stranger, body: { title: 'x' } })).status).toBe(404);
  });

  it('refuses bad input and mass-assignment (400)', async () => {
    const { doctor, url } = await doctorAndPatient();
    const entry = (await call(t.app, { method: 'POST', url, as: doctor, body: asthma })).json;
    const cases: [Record<string, unknown>, string][] = [
      [{ ...asthma, kind: 'rumour' }, '/kind'],
      [{ ...asthma, title: '' }, '/title'],
      [{ ...asthma, title: 'x'.repeat(201) }, '/title'],
      [{ ...asthma, onsetDate: '2010-13-01' }, '/onsetDate'],
      [{ ...asthma, resolvedDate: '2009-01-01' }, '/resolvedDate'],
      [{ ...asthma, onsetDate: '2999-01-01' }, '/onsetDate'],
      [{ kind: 'note', title: 'Call back', onsetDate: '2020-01-01' }, '/onsetDate'],
      [{ kind: 'surgery', title: 'Appendectomy', onsetDate: '2020-01-01', resolvedDate: '2020-01-02' }, '/resolvedDate'],
      [{ ...asthma, selfReported: true }, '/selfReported'],
      [{ ...asthma, patientId: 'x' }, '/patientId'],
      [{ ...asthma, id: 'x' }, '/id'],
      [{ ...asthma, recordedBy: admin.userId }, '/recordedBy'],
    ];
    for (const [body, path] of cases) {
      const response = await call(t.app, { method: 'POST', url, as: doctor, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.json.errors[0].path, JSON.stringify(body)).toBe(path);
    }
    const entryUrl = `${url}/${entry.id}`;
    expect((await call(t.app, { method: 'PATCH', url: entryUrl, as: doctor, body: {} })).status).toBe(400);
    expect((await call(t.app, { method: 'PATCH', url: entryUrl, as: doctor, body: { version: 7 } })).status).toBe(400);
    expect((await call(t.app, { method: 'PATCH', url: entryUrl, as: doctor, body: { kind: 'note' } })).json.errors[0].path).toBe('/onsetDate');
    expect((await call(t.app, { url: `${url}?limit=201`, as: doctor })).status).toBe(400);
    expect((await call(t.app, { url: `${url}?cursor=zzz`, as: doctor })).status).toBe(400);
    expect((await call(t.app, { url: `${entryUrl}/versions?cursor=zzz`, as: doctor })).status).toBe(400);
  });

  it('pages through the history newest first and filters by kind', async () => {
    const { doctor, url } = await doctorAndPatient();
    const titles = ['First', 'Second', 'Third'];
    for (const title of titles) {
      await call(t.app, { method: 'POST', url, as: doctor, body: { kind: title === 'Second' ? 'allergy' : 'note', title } });
      t.clock.advance(1000);
    }
    const first = await call(t.app, { url: `${url}?limit=2`, as: doctor });
    expect(first.json.items.map((item: { title: string }) => item.title)).toEqual(['Third', 'Second']);
    const second = await call(t.app, { url: `${url}?limit=2&cursor=${first.json.nextCursor}`, as: doctor });
    expect(second.json).toMatchObject({ items: [{ title: 'First' }], nextCursor: null });
    const allergies = await call(t.app, { url: `${url}?kind=allergy`, as: doctor });
    expect(allergies.json.items.map((item: { title: string }) => item.title)).toEqual(['Second']);
  });

  it('reads and writes of the history are audited, writes with before and after', async () => {
    const { doctor, patient, url } = await doctorAndPatient();
    const entry = (await call(t.app, { method: 'POST', url, as: doctor, body: asthma })).json;
    await call(t.app, { method: 'PATCH', url: `${url}/${entry.id}`, as: doctor, body: { title: 'Asthma, severe' } });
    await call(t.app, { url, as: patient });
    await call(t.app, { url: `${url}/${entry.id}/versions`, as: doctor });
    expect(await auditRows(t, 'patient.history.read', patient.patientId)).toMatchObject([{ actor_id: patient.userId, outcome: 'success', entity_type: 'patient' }]);
    expect(await auditRows(t, 'patient.history.create', entry.id)).toMatchObject([{ actor_id: doctor.userId, entity_type: 'medical_history' }]);
    const [update] = await auditRows(t, 'patient.history.update', entry.id);
    expect(JSON.parse(update?.details ?? '{}')).toEqual({ patientId: patient.patientId, before: { title: 'Asthma' }, after: { title: 'Asthma, severe' } });
    expect(await auditRows(t, 'patient.history.versions.read', entry.id)).toHaveLength(1);
    const stranger = await createDoctor(t);
    await call(t.app, { url, as: stranger });
    expect((await auditRows(t, 'patient.history.read', patient.patientId)).map((row) => row.outcome)).toEqual(['success', 'denied']);
  });

  it('an admin reads the history and its versions only under break-glass: refused and audited without a grant, flagged with one', async () => {
    const { doctor, patient, url } = await doctorAndPatient();
    const entry = (await call(t.app, { method: 'POST', url, as: doctor, body: asthma })).json;
    await call(t.app, { method: 'PATCH', url: `${url}/${entry.id}`, as: doctor, body: { title: 'Asthma, severe' } });
    for (const target of [url, `${url}/${entry.id}/versions`]) {
      const refused = await call(t.app, { url: target, as: admin });
      expect(refused.status, target).toBe(403);
      expect(refused.json.code).toBe('BREAK_GLASS_REQUIRED');
    }
    const denied = (await auditRows(t, 'patient.history.read', patient.patientId)).filter((row) => row.actor_id === admin.userId);
    expect(denied.map((row) => row.outcome)).toEqual(['denied']);
    expect((await auditRows(t, 'patient.history.versions.read', patient.patientId)).map((row) => [row.actor_id, row.outcome])).toEqual([[admin.userId, 'denied']]);

    const grant = await call(t.app, { method: 'POST', url: `/api/patients/${patient.patientId}/break-glass`, as: admin, body: { reason: 'Unconscious patient in the emergency room' } });
    expect(grant.status).toBe(201);
    const list = await call(t.app, { url, as: admin });
    expect(list.status).toBe(200);
    expect(list.json.items.map((item: { title: string }) => item.title)).toEqual(['Asthma, severe']);
    const versions = await call(t.app, { url: `${url}/${entry.id}/versions`, as: admin });
    expect(versions.json.items).toMatchObject([{ version: 1, title: 'Asthma' }]);
    const flagged = { breakGlass: true, grantId: grant.json.id };
    const read = (await auditRows(t, 'patient.history.read', patient.patientId)).filter((row) => row.actor_id === admin.userId && row.outcome === 'success');
    expect(read.map((row) => JSON.parse(row.details ?? '{}'))).toEqual([expect.objectContaining(flagged)]);
    const [versionRead] = await auditRows(t, 'patient.history.versions.read', entry.id);
    expect(JSON.parse(versionRead?.details ?? '{}')).toMatchObject(flagged);
    // A clinician's own read is not flagged.
    await call(t.app, { url, as: doctor });
    const doctorRead = (await auditRows(t, 'patient.history.read', patient.patientId)).filter((row) => row.actor_id === doctor.userId);
    expect(JSON.parse(doctorRead[0]?.details ?? '{}')).not.toHaveProperty('breakGlass');
  });
});
