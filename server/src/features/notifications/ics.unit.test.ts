import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, icsInstant } from './ics.ts';

const octets = (line: string) => new TextEncoder().encode(line).length;

describe('iCalendar text', () => {
  it('writes instants in UTC basic format', () => {
    expect(icsInstant(new Date('2030-03-04T09:30:00.000Z'))).toBe('20300304T093000Z');
  });

  it('escapes backslashes, semicolons, commas and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('folds lines at 75 octets without splitting a multi-byte character', () => {
    const line = `SUMMARY:${'Ünïcødé '.repeat(30)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(folded.map((part, i) => (i === 0 ? part : part.slice(1))).join('')).toBe(line);
  });

  it('builds a calendar that ical.js reads back, with CRLF line endings', () => {
    const text = buildCalendar({
      method: 'REQUEST',
      now: new Date('2030-03-01T08:00:00.000Z'),
      events: [{
        uid: 'abc@hms', sequence: 3, start: new Date('2030-03-04T10:00:00.000Z'), end: new Date('2030-03-04T10:30:00.000Z'),
        summary: 'Appointment with Dr O\'Brien, Cardiology; room 4', status: 'CONFIRMED', location: 'HMS General, London',
        organizer: { name: 'HMS', email: 'noreply@hospital.test' }, attendee: { name: 'Ada "the" Lovelace', email: 'ada@example.test' },
      }],
    });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const vevent = calendar.getFirstSubcomponent('vevent');
    if (!vevent) throw new Error('no VEVENT');
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe('abc@hms');
    expect(event.sequence).toBe(3);
    expect(event.summary).toBe('Appointment with Dr O\'Brien, Cardiology; room 4');
    expect(event.location).toBe('HMS General, London');
    expect(event.startDate.toJSDate().toISOString()).toBe('2030-03-04T10:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2030-03-04T10:30:00.000Z');
  });
});
