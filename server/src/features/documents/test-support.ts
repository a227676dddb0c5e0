import { expect } from 'vitest';
import { createDoctor } from '../../test/factories.ts';
import type { TestApp, TestDialect } from '../../test/harness.ts';
import { call, loginAdmin, registerPatient, type Caller } from '../../test/http.ts';
import { MONDAY, TUESDAY, act, book, changeSettings, createReceptionist, giveWeekdayHours, startAppointmentsApp } from '../appointments/test-support.ts';
import { NAMES } from './fixtures.ts';

// A hospital east of UTC with patients and doctors named in four scripts, for the document API tests.

export const ZONE = 'Europe/Istanbul';
/** 09:00 on the hospital's wall clock (UTC+3). */
export const localNine = (date: string) => `${date}T06:00:00.000Z`;
export const localTen = (date: string) => `${date}T07:00:00.000Z`;

export interface DocumentsWorld {
  t: TestApp;
  admin: Caller;
  desk: Caller;
  doctor: Caller & { doctorId: string };
  otherDoctor: Caller & { doctorId: string };
  ayse: Caller & { patientId: string };
  zoe: Caller & { patientId: string };
  /** A patient without a login, registered at the desk. */
  fatimaId: string;
  appointments: { ayseMonday: string; ayseOther: string; zoeMonday: string; fatimaTuesday: string };
}

export async function startDocumentsWorld(dialect: TestDialect): Promise<DocumentsWorld> {
  const t = await startAppointmentsApp(dialect);
  await changeSettings(t, { hospital_name: 'Şifa Hastanesi', address: '12 Ångström Caddesi, İstanbul', phone: '+90 212 555 0101', time_zone: ZONE });
  const admin = await loginAdmin(t.app);
  const desk = await createReceptionist(t);
  const doctor = await createDoctor(t, { name: NAMES.cyrillic });
  const otherDoctor = await createDoctor(t, { name: 'Dr Grace Hopper' });
  for (const d of [doctor, otherDoctor]) await giveWeekdayHours(t, d.doctorId);
  const ayse = withPatient(await registerPatient(t.app, { name: NAMES.turkish }));
  const zoe = withPatient(await registerPatient(t.app, { name: NAMES.accents }));
  const created = await call(t.app, {
    method: 'POST', url: '/api/patients', as: desk,
    body: { name: NAMES.arabic, dateOfBirth: '1988-04-09', gender: 'female', phone: '+90 212 555 0199', address: 'شارع الاستقلال ١٠' },
  });
  expect(created.status).toBe(201);
  const fatimaId: string = created.json.id;
  const booked = async (as: Caller, args: Parameters<typeof book>[2]) => {
    const response = await book(t, as, args);
    expect(response.status, response.text).toBe(201);
    return response.json.id as string;
  };
  const appointments = {
    ayseMonday: await booked(ayse, { doctorId: doctor.doctorId, start: localNine(MONDAY), reason: 'Knee pain when climbing stairs' }),
    ayseOther: await booked(ayse, { doctorId: otherDoctor.doctorId, start: localTen(TUESDAY), reason: 'Skin rash' }),
    zoeMonday: await booked(zoe, { doctorId: doctor.doctorId, start: localTen(MONDAY), reason: 'Zoë private reason' }),
    fatimaTuesday: await booked(desk, { doctorId: doctor.doctorId, start: localNine(TUESDAY), reason: 'Follow-up', patientId: fatimaId }),
  };
  expect((await act(t, doctor, appointments.ayseMonday, 'confirm')).status).toBe(200);
  return { t, admin, desk, doctor, otherDoctor, ayse, zoe, fatimaId, appointments };
}

function withPatient<T extends Caller>(caller: T): T & { patientId: string } {
  if (!caller.patientId) throw new Error('a registered patient has a patient id');
  return { ...caller, patientId: caller.patientId };
}

/** A GET whose raw bytes are kept (PDF answers are not text). */
export async function download(t: TestApp, url: string, as: Caller | null) {
  const response = await t.app.inject({ method: 'GET', url, headers: as ? { cookie: as.cookie } : {} });
  return { status: response.statusCode, headers: response.headers, body: response.rawPayload, json: (): unknown => JSON.parse(response.body) };
}

export async function auditRows(t: TestApp, action: string, entityId: string) {
  return t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_id', '=', entityId).orderBy('seq').execute();
}
