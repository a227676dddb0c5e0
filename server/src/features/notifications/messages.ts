import { appointmentUid, buildCalendar, type IcsMethod, type IcsPerson } from './ics.ts';
import type { AppointmentSnapshot, MessagePayload } from './payload.ts';

/**
 * Email and text-message wording. Messages say what happened, when and with whom — never the reason for the
 * visit or any other clinical text; the details are in the app, behind a sign-in.
 */

export const SMS_MAX_LENGTH = 160;

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
  invite: { method: IcsMethod; content: string } | null;
}

export interface EmailContext {
  publicUrl: string | null;
  /** The From mailbox: the invite's ORGANIZER. */
  organizer: IcsPerson | null;
  recipient: string;
  now: Date;
}

/** "Dr Grace Hopper", whether or not the stored name already says Dr. */
export function doctorTitle(name: string): string {
  return /^dr\.?\s/i.test(name) ? name : `Dr ${name}`;
}

function formatParts(instant: string, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', ...options }).format(new Date(instant));
}

/** "Mon 4 Mar 2030, 10:00 (Europe/London)" */
export function longWhen(instant: string, timeZone: string): string {
  const date = formatParts(instant, timeZone, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).replace(',', '');
  return `${date}, ${formatParts(instant, timeZone, { hour: '2-digit', minute: '2-digit' })} (${timeZone})`;
}

function shortDate(instant: string, timeZone: string): string {
  return formatParts(instant, timeZone, { weekday: 'short', day: 'numeric', month: 'short' }).replace(',', '');
}

const shortTime = (instant: string, timeZone: string): string => formatParts(instant, timeZone, { hour: '2-digit', minute: '2-digit' });

const action = (kind: string): string => kind.replace(/^appointment\./, '');

function patientSentence(kind: string, a: AppointmentSnapshot, when: string): string | null {
  const doctor = doctorTitle(a.doctorName);
  switch (action(kind)) {
    case 'requested':
      return `Your request for an appointment with ${doctor} on ${when} has been received. You will be told when it is confirmed.`;
    case 'booked':
    case 'confirmed':
      return `Your appointment with ${doctor} on ${when} is confirmed.`;
    case 'rejected':
      return `Your request for an appointment with ${doctor} on ${when} was declined.`;
    case 'cancelled':
      return `Your appointment with ${doctor} on ${when} was cancelled.`;
    case 'rescheduled':
      return `Your appointment with ${doctor} has moved to ${when}.${a.status === 'requested' ? ' It waits for confirmation.' : ''}`;
    case 'reminder':
      return `Reminder: your appointment with ${doctor} is on ${when}.`;
    default:
      return null;
  }
}

function doctorSentence(kind: string, a: AppointmentSnapshot, when: string): string | null {
  switch (action(kind)) {
    case 'requested':
      return `${a.patientName} asks for an appointment on ${when}.`;
    case 'booked':
    case 'confirmed':
      return `${a.patientName}'s appointment on ${when} is confirmed.`;
    case 'rejected':
      return `${a.patientName}'s request for ${when} was declined.`;
    case 'cancelled':
      return `${a.patientName}'s appointment on ${when} was cancelled.`;
    case 'rescheduled':
      return `${a.patientName}'s appointment has moved to ${when}.${a.status === 'requested' ? ' It waits for confirmation.' : ''}`;
    case 'reminder':
      return `Reminder: ${a.patientName}'s appointment is on ${when}.`;
    default:
      return null;
  }
}

/** The one sentence an email says about the event; the in-app text for anything that is not about an appointment. */
function emailSentence(payload: MessagePayload): string {
  const a = payload.appointment;
  if (!a) return payload.body;
  const when = longWhen(a.start, payload.timeZone);
  const sentence = payload.audience === 'patient' ? patientSentence(payload.kind, a, when)
    : payload.audience === 'doctor' ? doctorSentence(payload.kind, a, when) : null;
  return sentence ?? payload.body;
}

/** Which invite, if any, goes with an email: REQUEST while the appointment holds, CANCEL once it does not. */
export function inviteMethod(payload: MessagePayload): IcsMethod | null {
  const a = payload.appointment;
  if (!a) return null;
  switch (action(payload.kind)) {
    case 'booked':
    case 'confirmed':
      return a.status === 'confirmed' ? 'REQUEST' : null;
    case 'rescheduled':
      return a.status === 'confirmed' ? 'REQUEST' : 'CANCEL';
    case 'cancelled':
    case 'rejected':
      return 'CANCEL';
    default:
      return null;
  }
}

function invite(payload: MessagePayload, context: EmailContext, method: IcsMethod, a: AppointmentSnapshot): string {
  const summary = payload.audience === 'doctor' ? `Appointment with ${a.patientName}` : `Appointment with ${doctorTitle(a.doctorName)}`;
  return buildCalendar({
    method,
    now: context.now,
    events: [{
      uid: appointmentUid(a.id),
      sequence: a.sequence,
      start: new Date(a.start),
      end: new Date(a.end),
      summary,
      status: method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
      location: payload.hospitalName,
      ...(context.organizer ? { organizer: context.organizer } : {}),
      attendee: { name: payload.recipientName, email: context.recipient },
    }],
  });
}

const escapeHtml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export function renderEmail(payload: MessagePayload, context: EmailContext): EmailContent {
  const sentence = emailSentence(payload);
  const link = context.publicUrl ? `${context.publicUrl.replace(/\/$/, '')}/` : null;
  const cta = payload.link ?? (link ? { label: 'Sign in to see the details', url: link } : null);
  const signIn = cta ? `${cta.label}: ${cta.url}` : 'Sign in to HMS to see the details.';
  const text = [`Hello ${payload.recipientName},`, '', sentence, '', signIn, '', `— ${payload.hospitalName}`].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">',
    `<p>Hello ${escapeHtml(payload.recipientName)},</p>`,
    `<p>${escapeHtml(sentence)}</p>`,
    cta ? `<p><a href="${escapeHtml(cta.url)}">${escapeHtml(cta.label)}</a></p>` : '<p>Sign in to HMS to see the details.</p>',
    `<p>— ${escapeHtml(payload.hospitalName)}</p>`,
    '</body></html>',
  ].join('\n');
  const method = inviteMethod(payload);
  const a = payload.appointment;
  return {
    subject: `${payload.title} — ${payload.hospitalName}`,
    text,
    html,
    invite: method && a ? { method, content: invite(payload, context, method, a) } : null,
  };
}

function smsSentence(payload: MessagePayload): string {
  const a = payload.appointment;
  if (!a) return `${payload.title}. Sign in to HMS for details.`;
  const on = `on ${shortDate(a.start, payload.timeZone)} at ${shortTime(a.start, payload.timeZone)}`;
  const withWhom = payload.audience === 'doctor' ? `with ${a.patientName}` : `with ${doctorTitle(a.doctorName)}`;
  const subject = payload.audience === 'doctor' ? 'The appointment' : 'Your appointment';
  switch (action(payload.kind)) {
    case 'requested':
      return payload.audience === 'doctor' ? `New appointment request ${on} ${withWhom}.` : `Your appointment request ${on} ${withWhom} was received.`;
    case 'booked':
    case 'confirmed':
      return `${subject} ${on} ${withWhom} is confirmed.`;
    case 'rejected':
      return `${subject} request ${on} ${withWhom} was declined.`;
    case 'cancelled':
      return `${subject} ${on} ${withWhom} was cancelled.`;
    case 'rescheduled':
      return `${subject} ${withWhom} has moved to ${on.slice(3)}.`;
    case 'reminder':
      return `Reminder: ${subject.toLowerCase()} ${on} ${withWhom}.`;
    default:
      return `${payload.title}. Sign in to HMS for details.`;
  }
}

/** At most 160 characters, no clinical text: "HMS: Your appointment on Mon 4 Mar at 10:00 with Dr X is confirmed." */
export function renderSms(payload: MessagePayload): string {
  const text = `${payload.hospitalName}: ${smsSentence(payload)}`;
  return text.length <= SMS_MAX_LENGTH ? text : `${text.slice(0, SMS_MAX_LENGTH - 3)}...`;
}
