import { describe, expect, it } from 'vitest';
import { ACTION_ROLES, bookingPatient, canViewAppointment, changeDeadline, isTooLateToChange, listScope, mayTransition, type AppointmentActor } from './policy.ts';

const appointment = { doctorId: 'doc-1', patientId: 'pat-1' };
const patient: AppointmentActor = { role: 'patient', patientId: 'pat-1', doctorId: null };
const otherPatient: AppointmentActor = { role: 'patient', patientId: 'pat-2', doctorId: null };
const doctor: AppointmentActor = { role: 'doctor', patientId: null, doctorId: 'doc-1' };
const otherDoctor: AppointmentActor = { role: 'doctor', patientId: null, doctorId: 'doc-2' };
const admin: AppointmentActor = { role: 'admin', patientId: null, doctorId: null };
const receptionist: AppointmentActor = { role: 'receptionist', patientId: null, doctorId: null };

describe('who may see an appointment', () => {
  it('is its patient, its doctor, admins and receptionists', () => {
    for (const actor of [patient, doctor, admin, receptionist]) expect(canViewAppointment(actor, appointment)).toBe(true);
  });

  it('is not another patient nor another doctor', () => {
    expect(canViewAppointment(otherPatient, appointment)).toBe(false);
    expect(canViewAppointment(otherDoctor, appointment)).toBe(false);
    expect(canViewAppointment({ role: 'patient', patientId: null, doctorId: null }, appointment)).toBe(false);
  });

  it('scopes the list to the patient, the doctor, or everything for the front desk', () => {
    expect(listScope(patient)).toEqual({ patientId: 'pat-1' });
    expect(listScope(doctor)).toEqual({ doctorId: 'doc-1' });
    expect(listScope(admin)).toEqual({});
    expect(listScope(receptionist)).toEqual({});
    expect(listScope({ role: 'patient', patientId: null, doctorId: null })).toEqual({ nothing: true });
  });
});

describe('who may change an appointment', () => {
  it("answers not_found for someone else's appointment, before any role question", () => {
    expect(mayTransition(otherDoctor, 'confirm', appointment)).toBe('not_found');
    expect(mayTransition(otherPatient, 'cancel', appointment)).toBe('not_found');
  });

  it('lets the doctor, admin and receptionist confirm and reject; never the patient', () => {
    for (const actor of [doctor, admin, receptionist]) {
      expect(mayTransition(actor, 'confirm', appointment)).toBe('allowed');
      expect(mayTransition(actor, 'reject', appointment)).toBe('allowed');
    }
    expect(mayTransition(patient, 'confirm', appointment)).toBe('forbidden');
    expect(mayTransition(patient, 'reject', appointment)).toBe('forbidden');
  });

  it('lets everyone involved cancel and reschedule', () => {
    for (const actor of [patient, doctor, admin, receptionist]) {
      expect(mayTransition(actor, 'cancel', appointment)).toBe('allowed');
      expect(mayTransition(actor, 'reschedule', appointment)).toBe('allowed');
    }
  });

  it('lets only the doctor and admins complete or mark a no-show', () => {
    expect(ACTION_ROLES.complete).toEqual(['doctor', 'admin']);
    expect(mayTransition(doctor, 'no_show', appointment)).toBe('allowed');
    expect(mayTransition(receptionist, 'complete', appointment)).toBe('forbidden');
    expect(mayTransition(patient, 'no_show', appointment)).toBe('forbidden');
  });
});

describe('whose appointment a booking is', () => {
  it('is always the patient themself for a patient', () => {
    expect(bookingPatient(patient, undefined)).toEqual({ ok: true, patientId: 'pat-1' });
    expect(bookingPatient(patient, 'pat-1')).toEqual({ ok: true, patientId: 'pat-1' });
    expect(bookingPatient(patient, 'pat-2')).toMatchObject({ ok: false, status: 403, path: '/patientId' });
  });

  it('must be named by the front desk', () => {
    expect(bookingPatient(receptionist, 'pat-9')).toEqual({ ok: true, patientId: 'pat-9' });
    expect(bookingPatient(admin, undefined)).toMatchObject({ ok: false, status: 400, path: '/patientId' });
  });

  it('is nobody for a doctor', () => {
    expect(bookingPatient(doctor, 'pat-1')).toMatchObject({ ok: false, status: 403 });
  });
});

describe('the cancellation notice window', () => {
  const start = new Date('2030-03-05T10:00:00.000Z');
  const deadline = changeDeadline(start, 24);

  it('ends the notice hours before the start', () => {
    expect(deadline.toISOString()).toBe('2030-03-04T10:00:00.000Z');
  });

  it('stops a patient cancelling or rescheduling after the deadline, but not at it', () => {
    expect(isTooLateToChange(patient, 'cancel', start, deadline, 24)).toBe(false);
    expect(isTooLateToChange(patient, 'cancel', start, new Date(deadline.getTime() + 1), 24)).toBe(true);
    expect(isTooLateToChange(patient, 'reschedule', start, new Date(deadline.getTime() + 1), 24)).toBe(true);
  });

  it('never stops staff', () => {
    for (const actor of [doctor, admin, receptionist]) expect(isTooLateToChange(actor, 'cancel', start, start, 24)).toBe(false);
  });
});
