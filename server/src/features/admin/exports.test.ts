import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctor } from '../../test/factories.ts';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, loginAdmin, registerPatient, type Caller } from '../../test/http.ts';
import {
  adminUserId, auditRowsOf, createReceptionist, insertAppointment, insertDoctor, insertPatient, setHospitalTimeZone, specializationId,
} from './admin.fixtures.ts';
import { exportPatientsCsv } from './exports.service.ts';

const BOM = '\uFEFF';
const PATIENTS = '/api/admin/export/patients.csv';
const APPOINTMENTS = '/api/admin/export/appointments.csv';

/** The CSV body without its byte order mark, split into records (no cell of these tests holds a line break unless said). */
const lines = (text: string) => text.replace(BOM, '').split('\r\n').filter(Boolean);

describe.each(dialectsUnderTest())('CSV exports on %s', (dialect) => {
  let t: TestApp;
  let admin: Caller;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    t.clock.set(new Date('2026-07-15T10:00:00.000Z'));
    admin = await loginAdmin(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  it('only administrators may export: 401 anonymous, 403 patient, doctor and receptionist', async () => {
    const others = [await registerPatient(t.app), await createDoctor(t), await createReceptionist(t)];
    for (const url of [PATIENTS, APPOINTMENTS]) {
      expect((await call(t.app, { url })).status).toBe(401);
      for (const caller of others) expect((await call(t.app, { url, as: caller })).status, url).toBe(403);
      expect((await call(t.app, { url, as: admin })).status).toBe(200);
    }
  });

  it('exports patients as a CSV download, formula cells neutralised, commas, quotes and line breaks quoted', async () => {
    const hyperlink = await insertPatient(t, { name: '=HYPERLINK("http://evil.test","Zed")' });
    const sum = await insertPatient(t, { name: '@SUM(1)' });
    const comma = await insertPatient(t, { name: 'Lovelace, Ada', address: '12 St James Square\nLondon', phone: '+44 20 7946 0001' });
    const response = await call(t.app, { url: PATIENTS, as: admin });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="patients-2026-07-15.csv"');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.text.startsWith(`${BOM}id,name,dateOfBirth,gender,phone,email,address,active,hasAccount,createdAt,updatedAt\r\n`)).toBe(true);
    expect(response.text).toContain(`${hyperlink},"'=HYPERLINK(""http://evil.test"",""Zed"")",1980-05-17,`);
    expect(response.text).toContain(`${sum},'@SUM(1),1980-05-17,`);
    expect(response.text).toContain(`${comma},"Lovelace, Ada",1980-05-17,undisclosed,'+44 20 7946 0001,,"12 St James Square\nLondon",true,false,`);
    expect(response.text).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(response.text).not.toMatch(/(^|,)@SUM/m);
  });

  it('narrows patients by search words and by active, and records the export with its row count', async () => {
    await insertPatient(t, { name: 'Quentin Export' });
    await insertPatient(t, { name: 'Quentin Gone', active: false });
    const searched = await call(t.app, { url: `${PATIENTS}?q=quentin`, as: admin });
    expect(lines(searched.text).slice(1).map((line) => line.split(',')[1])).toEqual(['Quentin Export', 'Quentin Gone']);
    const inactive = await call(t.app, { url: `${PATIENTS}?q=quentin&active=false`, as: admin });
    expect(lines(inactive.text).slice(1).map((line) => line.split(',')[1])).toEqual(['Quentin Gone']);
    const [latest] = await auditRowsOf(t, 'patients.export');
    expect(latest).toMatchObject({
      actor_id: admin.userId, actor_role: 'admin', entity_type: 'patient', outcome: 'success', at: '2026-07-15T10:00:00.000Z',
      details: { rows: 1, searched: true, active: false },
    });
    expect(JSON.stringify(latest?.details)).not.toContain('quentin');
  });

  it('exports appointments by start with the local date and time, narrowed by status, dates and doctor, and audited', async () => {
    await setHospitalTimeZone(t, 'Europe/London');
    const by = await adminUserId(t);
    const doctor = (await insertDoctor(t, { name: 'Dr Csv', specializationId: await specializationId(t, 'neurology') })).id;
    const other = (await insertDoctor(t, { name: 'Dr Other', specializationId: await specializationId(t, 'neurology') })).id;
    const patient = await insertPatient(t, { name: 'Appt Patient' });
    const first = await insertAppointment(t, { doctorId: doctor, patientId: patient, start: '2026-07-20T08:00:00.000Z', minutes: 30, status: 'confirmed', createdBy: by, reason: '-dizzy, "often"' });
    const second = await insertAppointment(t, { doctorId: doctor, patientId: patient, start: '2026-07-21T23:30:00.000Z', minutes: 30, status: 'requested', createdBy: by });
    await insertAppointment(t, { doctorId: doctor, patientId: patient, start: '2026-07-22T08:00:00.000Z', minutes: 30, status: 'cancelled', createdBy: by });
    await insertAppointment(t, { doctorId: other, patientId: patient, start: '2026-07-20T08:00:00.000Z', minutes: 30, status: 'confirmed', createdBy: by });

    const url = `${APPOINTMENTS}?doctorId=${doctor}&status=confirmed&status=requested&from=2026-07-20T00:00:00%2B01:00&to=2026-07-23T00:00:00Z`;
    const response = await call(t.app, { url, as: admin });
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="appointments-2026-07-15.csv"');
    const records = lines(response.text);
    expect(records[0]).toBe('id,start,end,localDate,localTime,status,doctorId,doctorName,patientId,patientName,reason,decisionNote,createdAt,updatedAt');
    expect(records).toHaveLength(3);
    expect(records[1]).toContain(`${first},2026-07-20T08:00:00.000Z,2026-07-20T08:30:00.000Z,2026-07-20,09:00,confirmed,${doctor},Dr Csv,${patient},Appt Patient,"'-dizzy, ""often""",,`);
    expect(records[2]).toContain(`${second},2026-07-21T23:30:00.000Z,2026-07-22T00:00:00.000Z,2026-07-22,00:30,requested,`);

    const [audit] = await auditRowsOf(t, 'appointments.export');
    expect(audit).toMatchObject({
      actor_id: admin.userId, entity_type: 'appointment', outcome: 'success',
      details: { rows: 2, doctorId: doctor, statuses: ['confirmed', 'requested'], from: '2026-07-19T23:00:00.000Z', to: '2026-07-23T00:00:00.000Z' },
    });
  });

  it('refuses unknown or malformed filters (400)', async () => {
    expect((await call(t.app, { url: `${APPOINTMENTS}?status=lost`, as: admin })).status).toBe(400);
    expect((await call(t.app, { url: `${APPOINTMENTS}?from=yesterday`, as: admin })).status).toBe(400);
    expect((await call(t.app, { url: `${PATIENTS}?limit=5`, as: admin })).status).toBe(400);
  });

  it('refuses an export past its row limit rather than cutting it short, and records nothing', async () => {
    const before = (await auditRowsOf(t, 'patients.export')).length;
    const actor = { userId: admin.userId, role: 'admin' as const, email: 'admin@hospital.test', name: 'Admin', patientId: null, doctorId: null, sessionId: 's', csrfToken: 'c', mustChangePassword: false };
    await expect(exportPatientsCsv(t.deps, { actor, ip: null }, {}, 2)).rejects.toMatchObject({ status: 400, code: 'EXPORT_TOO_LARGE' });
    expect(await auditRowsOf(t, 'patients.export')).toHaveLength(before);
  });
});
