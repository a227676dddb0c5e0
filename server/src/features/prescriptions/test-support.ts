import { afterAll, beforeAll, expect } from 'vitest';
import { createDoctor } from '../../test/factories.ts';
import { startTestApp, type TestApp, type TestDialect } from '../../test/harness.ts';
import { call, loginAdmin, registerPatient, type Caller } from '../../test/http.ts';
import { createReceptionist, insertAppointment } from '../patients/fixtures.ts';

// A hospital with two doctors treating one patient, a doctor who does not, a second patient and the staff.

export type Doctor = Caller & { doctorId: string };
export type Patient = Caller & { patientId: string };

export interface World {
  t: TestApp;
  admin: Caller;
  desk: Caller;
  /** Has a confirmed appointment with `patient`. */
  doctor: Doctor;
  /** Also treats `patient` (a completed visit). */
  colleague: Doctor;
  /** Has never seen `patient`. */
  stranger: Doctor;
  patient: Patient;
  other: Patient;
  appointmentId: string;
}

/** Starts the world before the tests of the describe block and closes it after them. */
export function withWorld(dialect: TestDialect, ready: (world: World) => void): void {
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await startTestApp(dialect, { HMS_SESSION_IDLE_MINUTES: '1440', HMS_SESSION_ABSOLUTE_HOURS: '720' });
    const [admin, desk, doctor, colleague, stranger] = await Promise.all([
      loginAdmin(t.app), createReceptionist(t), createDoctor(t, { name: 'Dr Ada Byron' }), createDoctor(t, { name: 'Dr Carl Linné' }), createDoctor(t, { name: 'Dr Sam Stranger' }),
    ]);
    const patient = (await registerPatient(t.app, { name: 'Nora Field' })) as Patient;
    const other = (await registerPatient(t.app, { name: 'Omar Other' })) as Patient;
    const appointmentId = await insertAppointment(t, doctor.doctorId, patient.patientId, 'confirmed');
    await insertAppointment(t, colleague.doctorId, patient.patientId, 'completed');
    await insertAppointment(t, stranger.doctorId, other.patientId, 'confirmed');
    ready({ t, admin, desk, doctor, colleague, stranger, patient, other, appointmentId });
  });
  afterAll(async () => {
    await t?.close();
  });
}

/** The id of the formulary medicine of that name (and strength, when several). */
export async function medicine(t: TestApp, name: string, strength?: string): Promise<string> {
  let query = t.deps.db.selectFrom('formulary').select('id').where('name', '=', name);
  if (strength) query = query.where('strength', '=', strength);
  return (await query.orderBy('strength').executeTakeFirstOrThrow()).id;
}

export const item = (formularyId: string, overrides: Record<string, unknown> = {}) => ({
  formularyId, dose: { value: '1', unit: 'tablet' }, route: 'oral', frequency: 'TDS', duration: { value: 7, unit: 'd' },
  quantity: { value: '21', unit: 'tablet' }, ...overrides,
});

export async function draft(t: TestApp, as: Caller, patientId: string, items: unknown[], extra: Record<string, unknown> = {}) {
  return call(t.app, { method: 'POST', url: `/api/patients/${patientId}/prescriptions`, as, body: { items, ...extra } });
}

/** A draft that must be created; answers its body. */
export async function drafted(t: TestApp, as: Caller, patientId: string, items: unknown[], extra: Record<string, unknown> = {}) {
  const response = await draft(t, as, patientId, items, extra);
  expect(response.status, response.text).toBe(201);
  return response.json as { id: string; number: string; status: string; items: { id: string }[] };
}

export function act(t: TestApp, as: Caller | null, id: string, action: string, body: unknown = {}) {
  return call(t.app, { method: 'POST', url: `/api/prescriptions/${id}/${action}`, as, body });
}

/** A prescription of one medicine, issued; answers its body. */
export async function issued(t: TestApp, as: Caller, patientId: string, items: unknown[], overrideReason?: string) {
  const created = await drafted(t, as, patientId, items);
  const response = await act(t, as, created.id, 'issue', overrideReason ? { overrideReason } : {});
  expect(response.status, response.text).toBe(200);
  return response.json as { id: string; number: string; status: string };
}

export async function addAllergy(t: TestApp, as: Caller, patientId: string, body: Record<string, unknown>) {
  const response = await call(t.app, { method: 'POST', url: `/api/patients/${patientId}/history`, as, body: { kind: 'allergy', ...body } });
  expect(response.status, response.text).toBe(201);
  return response.json as { id: string };
}

export async function auditOf(t: TestApp, action: string, entityId: string) {
  return t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_id', '=', entityId).orderBy('seq').execute();
}
