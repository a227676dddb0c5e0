import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call } from '../../test/http.ts';
import { insertDoctor, specializationId } from '../admin/admin.fixtures.ts';

const PRIVATE_SETTINGS = ['reminderOffsetsMinutes', 'sessionIdleMinutes', 'sessionAbsoluteHours', 'updatedAt'];

describe.each(dialectsUnderTest())('the public hospital information on %s', (dialect) => {
  let t: TestApp;
  const doctors: { id: string; email: string; phone: string; name: string }[] = [];
  let retired = '';
  beforeAll(async () => {
    t = await startTestApp(dialect);
    const cardiology = await specializationId(t, 'cardiology');
    const neurology = await specializationId(t, 'neurology');
    retired = await specializationId(t, 'radiology');
    await t.deps.db.updateTable('specializations').set({ active: 0 }).where('id', '=', retired).execute();
    const people = [
      { name: 'Dr Zoe Photo', specializationId: cardiology, hasPhoto: true },
      { name: 'Dr Amy Able', specializationId: cardiology },
      { name: 'Dr Bob Brain', specializationId: neurology },
      { name: 'Dr Cat Cole', specializationId: cardiology },
      { name: 'Dr Dan Dale', specializationId: neurology },
      { name: 'Dr Eve Eng', specializationId: cardiology },
      { name: 'Dr Fay Fox', specializationId: cardiology },
      { name: 'Dr Ray Retired', specializationId: retired },
      { name: 'Dr Aaron Away', specializationId: neurology, active: false },
    ];
    for (const [index, person] of people.entries()) {
      const phone = `+44 20 7946 01${String(index).padStart(2, '0')}`;
      const { id, email } = await insertDoctor(t, { ...person, phone });
      doctors.push({ id, email, phone, name: person.name });
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists each active specialization that has an active doctor, with the number of active doctors', async () => {
    const response = await call(t.app, { url: '/api/hospital' });
    expect(response.status).toBe(200);
    expect(response.json.services).toEqual([
      { id: await specializationId(t, 'cardiology'), name: 'Cardiology', description: expect.any(String), doctorCount: 5 },
      { id: await specializationId(t, 'neurology'), name: 'Neurology', description: expect.any(String), doctorCount: 2 },
    ]);
  });

  it('features up to six active doctors, those with a photo first, with public fields only', async () => {
    const response = await call(t.app, { url: '/api/hospital' });
    const featured = response.json.featuredDoctors;
    expect(featured.map((doctor: { name: string }) => doctor.name)).toEqual([
      'Dr Zoe Photo', 'Dr Amy Able', 'Dr Bob Brain', 'Dr Cat Cole', 'Dr Dan Dale', 'Dr Eve Eng',
    ]);
    expect(featured[0]).toEqual({
      id: doctors[0]?.id, name: 'Dr Zoe Photo', specialization: { id: await specializationId(t, 'cardiology'), name: 'Cardiology' }, hasPhoto: true,
    });
    for (const doctor of featured) expect(Object.keys(doctor).sort()).toEqual(['hasPhoto', 'id', 'name', 'specialization']);
  });

  it('states the booking rules patients are held to, as they are set', async () => {
    const response = await call(t.app, { url: '/api/hospital' });
    expect(response.json).toMatchObject({
      approvalMode: 'manual', minNoticeMinutes: 120, bookingHorizonDays: 60, cancellationNoticeHours: 24, maxOpenRequestsPerPatient: 3,
    });
    await t.deps.db.updateTable('settings').set({ approval_mode: 'auto', cancellation_notice_hours: 48 }).where('id', '=', 1).execute();
    try {
      expect((await call(t.app, { url: '/api/hospital' })).json).toMatchObject({ approvalMode: 'auto', cancellationNoticeHours: 48 });
    } finally {
      await t.deps.db.updateTable('settings').set({ approval_mode: 'manual', cancellation_notice_hours: 24 }).where('id', '=', 1).execute();
    }
  });

  it('holds nothing private: no doctor\'s email or phone, no reminder or session settings', async () => {
    const response = await call(t.app, { url: '/api/hospital' });
    for (const doctor of doctors) {
      expect(response.text).not.toContain(doctor.email);
      expect(response.text).not.toContain(doctor.phone);
    }
    expect(response.text).not.toContain('Dr Aaron Away');
    for (const field of PRIVATE_SETTINGS) expect(Object.keys(response.json)).not.toContain(field);
    expect(Object.keys(response.json).sort()).toEqual([
      'approvalMode', 'bookingHorizonDays', 'cancellationNoticeHours', 'featuredDoctors', 'maxOpenRequestsPerPatient', 'minNoticeMinutes', 'name',
      'services', 'temperatureUnit', 'timeZone',
    ]);
  });
});
