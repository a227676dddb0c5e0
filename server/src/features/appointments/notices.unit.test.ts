import { describe, expect, it } from 'vitest';
import { noticesFor, type NoticeParties } from './notices.ts';

const parties = (actor: NoticeParties['actor'], patientUserId: string | null = 'user-patient'): NoticeParties => ({
  appointmentId: 'appt-1', doctorUserId: 'user-doctor', doctorName: 'Dr Grace Hopper', patientUserId, patientName: 'Ada Lovelace', actor, timeZone: 'Europe/London',
});
const patient = { userId: 'user-patient', role: 'patient' as const, name: 'Ada Lovelace' };
const doctor = { userId: 'user-doctor', role: 'doctor' as const, name: 'Dr Grace Hopper' };
const receptionist = { userId: 'user-desk', role: 'receptionist' as const, name: 'Sam Desk' };
const start = new Date('2030-07-01T09:00:00.000Z');

describe('appointment notifications', () => {
  it("tell the doctor about a patient's new request, in the hospital's time", () => {
    const notices = noticesFor({ kind: 'booked', status: 'requested', start, reason: 'Cough' }, parties(patient));
    expect(notices).toEqual([expect.objectContaining({ userId: 'user-doctor', kind: 'appointment.requested', appointmentId: 'appt-1' })]);
    expect(notices[0]?.body).toContain('Mon, 1 Jul 2030, 10:00 (Europe/London)');
    expect(notices[0]?.body).toContain('Cough');
  });

  it('tell the patient when the front desk books for them, and the doctor', () => {
    const notices = noticesFor({ kind: 'booked', status: 'confirmed', start, reason: 'Cough' }, parties(receptionist));
    expect(notices.map((n) => [n.userId, n.kind])).toEqual([['user-doctor', 'appointment.booked'], ['user-patient', 'appointment.confirmed']]);
  });

  it('tell the patient why a request was declined', () => {
    const notices = noticesFor({ kind: 'rejected', start, reason: 'Fully booked that week' }, parties(doctor));
    expect(notices).toEqual([expect.objectContaining({ userId: 'user-patient', kind: 'appointment.rejected', body: expect.stringContaining('Fully booked that week') })]);
  });

  it('tell the patient who cancelled and why; the doctor when the patient cancels', () => {
    const byDoctor = noticesFor({ kind: 'cancelled', start, reason: 'Illness' }, parties(doctor));
    expect(byDoctor).toEqual([expect.objectContaining({ userId: 'user-patient', body: expect.stringMatching(/cancelled by Dr Grace Hopper \(doctor\)\. Reason: Illness/) })]);
    const byPatient = noticesFor({ kind: 'cancelled', start, reason: null }, parties(patient));
    expect(byPatient).toEqual([expect.objectContaining({ userId: 'user-doctor', body: expect.stringContaining('No reason was given') })]);
  });

  it('give the old and the new time of a reschedule', () => {
    const to = new Date('2030-07-02T13:30:00.000Z');
    const [notice] = noticesFor({ kind: 'rescheduled', from: start, to, status: 'requested', reason: null }, parties(patient));
    expect(notice?.userId).toBe('user-doctor');
    expect(notice?.body).toMatch(/from Mon, 1 Jul 2030, 10:00 .* to Tue, 2 Jul 2030, 14:30 .*waits for confirmation/);
  });

  it('skip a patient without a login', () => {
    expect(noticesFor({ kind: 'confirmed', start, note: null }, parties(doctor, null))).toEqual([]);
  });
});
