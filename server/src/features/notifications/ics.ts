/** iCalendar (RFC 5545) text for appointment invites and the personal calendar feed. */

export type IcsMethod = 'REQUEST' | 'CANCEL';
export type IcsStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';

export interface IcsPerson {
  name: string;
  email: string;
}

export interface IcsEvent {
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  status: IcsStatus;
  description?: string;
  location?: string;
  organizer?: IcsPerson;
  attendee?: IcsPerson;
}

export interface IcsCalendar {
  method?: IcsMethod;
  name?: string;
  /** The DTSTAMP of every event: when this text was made. */
  now: Date;
  events: IcsEvent[];
}

const encoder = new TextEncoder();

/** The stable UID of an appointment's event: every invite and the feed use the same one. */
export const appointmentUid = (appointmentId: string): string => `${appointmentId}@hms`;

/** 20260301T093000Z */
export function icsInstant(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** TEXT values: backslash, semicolon, comma and line breaks are escaped. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Splits a content line into lines of at most 75 octets, never inside a UTF-8 character; continuations start with a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const quoted = (value: string): string => `"${value.replace(/["\\\r\n]/g, '')}"`;

function person(property: 'ORGANIZER' | 'ATTENDEE', who: IcsPerson, extra = ''): string {
  return `${property};CN=${quoted(who.name)}${extra}:mailto:${who.email}`;
}

function eventLines(event: IcsEvent, now: Date, method: IcsMethod | undefined): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${icsInstant(now)}`,
    `DTSTART:${icsInstant(event.start)}`,
    `DTEND:${icsInstant(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `STATUS:${event.status}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.organizer) lines.push(person('ORGANIZER', event.organizer));
  if (event.attendee) {
    const rsvp = method === 'REQUEST' ? ';ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE' : ';ROLE=REQ-PARTICIPANT';
    lines.push(person('ATTENDEE', event.attendee, rsvp));
  }
  lines.push('TRANSP:OPAQUE', 'END:VEVENT');
  return lines;
}

/** A whole VCALENDAR, CRLF line endings, folded. */
export function buildCalendar(calendar: IcsCalendar): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//HMS//Hospital Management System//EN', 'CALSCALE:GREGORIAN'];
  if (calendar.method) lines.push(`METHOD:${calendar.method}`);
  if (calendar.name) lines.push(`X-WR-CALNAME:${escapeText(calendar.name)}`);
  for (const event of calendar.events) lines.push(...eventLines(event, calendar.now, calendar.method));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
