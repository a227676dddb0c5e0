import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { doctorTitle, inviteMethod, renderEmail, renderSms, SMS_MAX_LENGTH } from './messages.ts';
import type { MessagePayload } from './payload.ts';

const KINDS = ['appointment.requested', 'appointment.booked', 'appointment.confirmed', 'appointment.rejected', 'appointment.cancelled', 'appointment.rescheduled', 'appointment.reminder'];

function payload(overrides: Partial<MessagePayload> = {}): MessagePayload {
  return {
    kind: 'appointment.confirmed',
    title: 'Appointment confirmed',
    body: 'Your appointment with Dr Grace Hopper on Mon, 4 Mar 2030, 10:00 (Europe/London) is confirmed. Note: bring your inhaler',
    recipientName: 'Ada Lovelace',
    audience: 'patient',
    hospitalName: 'HMS General',
    timeZone: 'Europe/London',
    appointment: {
      id: 'appt-1', start: '2030-03-04T10:00:00.000Z', end: '2030-03-04T10:30:00.000Z', status: 'confirmed', sequence: 1,
      doctorName: 'Grace Hopper', patientName: 'Ada Lovelace',
    },
    ...overrides,
  };
}

describe('notification messages', () => {
  it('says "Dr" once, whether or not the name has it', () => {
    expect(doctorTitle('Grace Hopper')).toBe('Dr Grace Hopper');
    expect(doctorTitle('Dr Grace Hopper')).toBe('Dr Grace Hopper');
    expect(doctorTitle('dr. House')).toBe('dr. House');
  });

  it('writes a confirmation text message in the hospital time zone', () => {
    expect(renderSms(payload())).toBe('HMS General: Your appointment on Mon 4 Mar at 10:00 with Dr Grace Hopper is confirmed.');
  });

  it('keeps every text message within 160 characters, without the in-app body', () => {
    fc.assert(fc.property(
      fc.constantFrom(...KINDS), fc.constantFrom<MessagePayload['audience']>('patient', 'doctor', 'other'),
      fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }),
      (kind, audience, doctorName, patientName, hospitalName) => {
        const base = payload();
        const text = renderSms(payload({ kind, audience, hospitalName, body: 'Reason: chest pain', appointment: base.appointment && { ...base.appointment, doctorName, patientName } }));
        expect(text.length).toBeLessThanOrEqual(SMS_MAX_LENGTH);
        expect(text).not.toContain('chest pain');
      },
    ));
  });

  it('leaves free text out of the email and links to the app', () => {
    const email = renderEmail(payload(), { publicUrl: 'https://hms.example', organizer: { name: 'HMS', email: 'noreply@hms.example' }, recipient: 'ada@example.test', now: new Date() });
    expect(email.subject).toBe('Appointment confirmed — HMS General');
    expect(email.text).toContain('Your appointment with Dr Grace Hopper on Mon 4 Mar 2030, 10:00 (Europe/London) is confirmed.');
    expect(email.text).toContain('https://hms.example/');
    expect(email.text).not.toContain('inhaler');
    expect(email.html).toContain('<a href="https://hms.example/">');
    expect(email.invite?.method).toBe('REQUEST');
  });

  it('escapes names in the HTML part', () => {
    const email = renderEmail(payload({ recipientName: '<script>x</script>' }), { publicUrl: null, organizer: null, recipient: 'a@b.test', now: new Date() });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;');
  });

  it('invites while the appointment holds and cancels once it does not', () => {
    const base = payload();
    const a = base.appointment;
    if (!a) throw new Error('no appointment');
    expect(inviteMethod(payload({ kind: 'appointment.confirmed' }))).toBe('REQUEST');
    expect(inviteMethod(payload({ kind: 'appointment.rescheduled' }))).toBe('REQUEST');
    expect(inviteMethod(payload({ kind: 'appointment.rescheduled', appointment: { ...a, status: 'requested' } }))).toBe('CANCEL');
    expect(inviteMethod(payload({ kind: 'appointment.cancelled', appointment: { ...a, status: 'cancelled' } }))).toBe('CANCEL');
    expect(inviteMethod(payload({ kind: 'appointment.rejected', appointment: { ...a, status: 'rejected' } }))).toBe('CANCEL');
    expect(inviteMethod(payload({ kind: 'appointment.requested', appointment: { ...a, status: 'requested' } }))).toBeNull();
    expect(inviteMethod(payload({ kind: 'appointment.reminder' }))).toBeNull();
    expect(inviteMethod(payload({ kind: 'doctor.deactivated', appointment: null }))).toBeNull();
  });
});
