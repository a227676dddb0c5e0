import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPOINTMENT_STATUSES, TRANSITION_ACTIONS, initialStatus, isActive, transition, type AppointmentStatus, type TransitionContext } from './state-machine.ts';

const start = new Date('2030-03-04T10:00:00.000Z');
const before = new Date('2030-03-04T09:59:59.999Z');
const after = new Date('2030-03-04T10:30:00.000Z');
const staff: TransitionContext = { initiator: 'staff', now: after, start, autoApprove: false };
const patient: TransitionContext = { ...staff, initiator: 'patient' };

const target = (from: AppointmentStatus, action: (typeof TRANSITION_ACTIONS)[number], context = staff) => {
  const result = transition(from, action, context);
  return result.ok ? result.to : null;
};

describe('the appointment state machine', () => {
  it('starts a booking as requested, or confirmed when the hospital approves automatically', () => {
    expect(initialStatus(false)).toBe('requested');
    expect(initialStatus(true)).toBe('confirmed');
  });

  it('lets a request be confirmed, rejected or cancelled', () => {
    expect(target('requested', 'confirm')).toBe('confirmed');
    expect(target('requested', 'reject')).toBe('rejected');
    expect(target('requested', 'cancel')).toBe('cancelled');
  });

  it('lets a confirmed appointment be cancelled, completed or marked a no-show', () => {
    expect(target('confirmed', 'cancel')).toBe('cancelled');
    expect(target('confirmed', 'complete')).toBe('completed');
    expect(target('confirmed', 'no_show')).toBe('no_show');
  });

  it('refuses to confirm or reject what is already decided', () => {
    expect(target('confirmed', 'confirm')).toBeNull();
    expect(target('confirmed', 'reject')).toBeNull();
    expect(target('requested', 'complete')).toBeNull();
    expect(target('requested', 'no_show')).toBeNull();
  });

  it('sends a patient-initiated reschedule back to requested, and keeps the status when staff reschedule', () => {
    expect(target('confirmed', 'reschedule', patient)).toBe('requested');
    expect(target('requested', 'reschedule', patient)).toBe('requested');
    expect(target('confirmed', 'reschedule', staff)).toBe('confirmed');
    expect(target('requested', 'reschedule', staff)).toBe('requested');
  });

  it('keeps a patient reschedule confirmed when the hospital approves automatically', () => {
    expect(target('confirmed', 'reschedule', { ...patient, autoApprove: true })).toBe('confirmed');
  });

  it('completes or marks a no-show only once the appointment has started, and says why not before', () => {
    const early = transition('confirmed', 'complete', { ...staff, now: before });
    expect(early.ok).toBe(false);
    expect(early.ok ? '' : early.message).toMatch(/before it starts/);
    expect(transition('confirmed', 'no_show', { ...staff, now: before }).ok).toBe(false);
    expect(target('confirmed', 'complete', { ...staff, now: start })).toBe('completed');
  });

  it('names the current status when refusing', () => {
    const result = transition('cancelled', 'confirm', staff);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/cancelled.*only one that is requested/) });
  });

  it('never moves a finished appointment, and every move lands in a known status', () => {
    fc.assert(
      fc.property(fc.constantFrom(...APPOINTMENT_STATUSES), fc.constantFrom(...TRANSITION_ACTIONS), fc.boolean(), fc.boolean(), fc.boolean(), (from, action, byPatient, auto, started) => {
        const result = transition(from, action, { initiator: byPatient ? 'patient' : 'staff', now: started ? after : before, start, autoApprove: auto });
        if (!isActive(from)) expect(result.ok).toBe(false);
        if (result.ok) {
          expect(APPOINTMENT_STATUSES).toContain(result.to);
          if (action !== 'reschedule') expect(result.to).not.toBe(from);
          else expect(isActive(result.to)).toBe(true);
        }
      }),
    );
  });
});
