import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSlot, freeSlots, isFreeSlot, isOutsideAvailability, type Span, type SlotQuery, type WeeklyInterval } from './slots.ts';
import { localDateRange, utcCover } from './wall-clock.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const SUNDAY = 7;

const at = (iso: string) => new Date(iso);
const span = (start: string, end: string): Span => ({ start: at(start), end: at(end) });
const iso = (slots: Span[]) => slots.map((slot) => slot.start.toISOString());
const hm = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
const interval = (weekday: number, start: string, end: string): WeeklyInterval => ({ weekday, startMinute: hm(start), endMinute: hm(end) });

function query(overrides: Partial<SlotQuery>): SlotQuery {
  return {
    plan: [], slotMinutes: 30, timeZone: 'UTC', from: '2026-01-05', to: '2026-01-05', now: at('2025-12-01T00:00:00Z'),
    minNoticeMinutes: 0, horizonDays: 730, timeOff: [], busy: [], ...overrides,
  };
}

describe('free slots on an ordinary day', () => {
  const monday = query({ plan: [interval(1, '09:00', '10:30'), interval(1, '13:00', '14:00')], timeZone: 'Europe/London' });

  it('runs consecutively from each interval start while the slot fits; breaks are gaps', () => {
    expect(iso(freeSlots(monday))).toEqual([
      '2026-01-05T09:00:00.000Z', '2026-01-05T09:30:00.000Z', '2026-01-05T10:00:00.000Z', '2026-01-05T13:00:00.000Z', '2026-01-05T13:30:00.000Z',
    ]);
    expect(iso(freeSlots({ ...monday, slotMinutes: 40 }))).toEqual(['2026-01-05T09:00:00.000Z', '2026-01-05T09:40:00.000Z', '2026-01-05T13:00:00.000Z']);
  });

  it('follows the hospital zone: 09:00 in London summer time is 08:00 UTC', () => {
    expect(iso(freeSlots({ ...monday, from: '2026-07-06', to: '2026-07-06' }))[0]).toBe('2026-07-06T08:00:00.000Z');
  });

  it('leaves out slots taken by an appointment or touched by time off, but not ones merely adjacent', () => {
    const slots = freeSlots({
      ...monday,
      busy: [span('2026-01-05T09:30:00Z', '2026-01-05T10:00:00Z')],
      timeOff: [span('2026-01-05T13:10:00Z', '2026-01-05T13:20:00Z')],
    });
    expect(iso(slots)).toEqual(['2026-01-05T09:00:00.000Z', '2026-01-05T10:00:00.000Z', '2026-01-05T13:30:00.000Z']);
  });

  it('starts no earlier than now plus the minimum notice and no later than the horizon', () => {
    const now = at('2026-01-05T08:00:00Z');
    expect(iso(freeSlots({ ...monday, now, minNoticeMinutes: 90 }))[0]).toBe('2026-01-05T09:30:00.000Z');
    expect(iso(freeSlots({ ...monday, now: at('2026-01-04T09:30:00Z'), horizonDays: 1 }))).toEqual(['2026-01-05T09:00:00.000Z', '2026-01-05T09:30:00.000Z']);
  });

  it('allows an interval ending at 24:00', () => {
    expect(iso(freeSlots({ ...monday, plan: [interval(1, '23:00', '24:00')] }))).toEqual(['2026-01-05T23:00:00.000Z', '2026-01-05T23:30:00.000Z']);
  });

  it('finds a free slot by its exact start only', () => {
    expect(findSlot(freeSlots(monday), at('2026-01-05T09:30:00Z'))?.end.toISOString()).toBe('2026-01-05T10:00:00.000Z');
    expect(isFreeSlot(monday, at('2026-01-05T09:30:00Z'))).toBe(true);
    expect(isFreeSlot(monday, at('2026-01-05T09:15:00Z'))).toBe(false);
  });
});

describe('free slots across a spring-forward day (a skipped hour)', () => {
  it('Europe/London 2026-03-29: 01:00–02:00 does not exist and yields no slot', () => {
    const slots = freeSlots(query({ timeZone: 'Europe/London', from: '2026-03-29', to: '2026-03-29', plan: [interval(SUNDAY, '00:00', '04:00')] }));
    expect(iso(slots)).toEqual([
      '2026-03-29T00:00:00.000Z', '2026-03-29T00:30:00.000Z', // 00:00, 00:30 GMT
      '2026-03-29T01:00:00.000Z', '2026-03-29T01:30:00.000Z', '2026-03-29T02:00:00.000Z', '2026-03-29T02:30:00.000Z', // 02:00 … 03:30 BST
    ]);
  });

  it('Europe/London 2026-03-29: a slot running over the jump keeps its length; the next one that would overlap it is dropped', () => {
    const slots = freeSlots(query({ timeZone: 'Europe/London', from: '2026-03-29', to: '2026-03-29', slotMinutes: 45, plan: [interval(SUNDAY, '00:00', '03:00')] }));
    // 00:00 and 00:45 GMT (the latter ends 02:30 BST); 01:30 does not exist; 02:15 BST (01:15Z) would overlap 00:45–02:30.
    expect(slots.map((slot) => [slot.start.toISOString(), slot.end.toISOString()])).toEqual([
      ['2026-03-29T00:00:00.000Z', '2026-03-29T00:45:00.000Z'],
      ['2026-03-29T00:45:00.000Z', '2026-03-29T01:30:00.000Z'],
    ]);
  });

  it('Europe/London 2026-03-29: an interval ending inside the gap ends at the jump', () => {
    const plan = [interval(SUNDAY, '00:00', '01:30')];
    expect(iso(freeSlots(query({ timeZone: 'Europe/London', from: '2026-03-29', to: '2026-03-29', plan })))).toEqual(['2026-03-29T00:00:00.000Z', '2026-03-29T00:30:00.000Z']);
    expect(iso(freeSlots(query({ timeZone: 'Europe/London', from: '2026-03-29', to: '2026-03-29', plan, slotMinutes: 45 })))).toEqual(['2026-03-29T00:00:00.000Z']);
  });

  it('America/New_York 2026-03-08: 02:00–03:00 does not exist', () => {
    const slots = freeSlots(query({ timeZone: 'America/New_York', from: '2026-03-08', to: '2026-03-08', plan: [interval(SUNDAY, '01:00', '04:00')] }));
    expect(iso(slots)).toEqual([
      '2026-03-08T06:00:00.000Z', '2026-03-08T06:30:00.000Z', // 01:00, 01:30 EST
      '2026-03-08T07:00:00.000Z', '2026-03-08T07:30:00.000Z', // 03:00, 03:30 EDT
    ]);
  });
});

describe('free slots across a fall-back day (a repeated hour)', () => {
  it('Europe/London 2026-10-25: each wall-clock time is taken at its first occurrence; the second pass of 01:00–02:00 yields nothing', () => {
    const slots = freeSlots(query({ timeZone: 'Europe/London', from: '2026-10-25', to: '2026-10-25', plan: [interval(SUNDAY, '00:00', '03:00')] }));
    expect(iso(slots)).toEqual([
      '2026-10-24T23:00:00.000Z', '2026-10-24T23:30:00.000Z', // 00:00, 00:30 BST
      '2026-10-25T00:00:00.000Z', '2026-10-25T00:30:00.000Z', // 01:00, 01:30 BST (first occurrence)
      '2026-10-25T02:00:00.000Z', '2026-10-25T02:30:00.000Z', // 02:00, 02:30 GMT
    ]);
  });

  it('Europe/London 2026-10-25: a slot may run into the repeated hour without overlapping anything', () => {
    const slots = freeSlots(query({ timeZone: 'Europe/London', from: '2026-10-25', to: '2026-10-25', slotMinutes: 60, plan: [interval(SUNDAY, '01:30', '02:30')] }));
    expect(slots.map((slot) => [slot.start.toISOString(), slot.end.toISOString()])).toEqual([['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']]);
  });

  it('America/New_York 2026-11-01: 01:00–02:00 happens twice; slots come from its first pass', () => {
    const slots = freeSlots(query({ timeZone: 'America/New_York', from: '2026-11-01', to: '2026-11-01', plan: [interval(SUNDAY, '00:30', '03:00')] }));
    expect(iso(slots)).toEqual([
      '2026-11-01T04:30:00.000Z', '2026-11-01T05:00:00.000Z', '2026-11-01T05:30:00.000Z', // 00:30, 01:00, 01:30 EDT
      '2026-11-01T07:00:00.000Z', '2026-11-01T07:30:00.000Z', // 02:00, 02:30 EST
    ]);
  });
});

describe('outside availability', () => {
  const plan = [interval(1, '09:00', '12:00')];
  const tz = 'Europe/London';

  it('is false inside an interval, whatever the slot grid', () => {
    expect(isOutsideAvailability(plan, 30, tz, at('2026-01-05T09:10:00Z'), at('2026-01-05T09:55:00Z'), [])).toBe(false);
  });

  it('is true past the interval end, on another weekday, or inside time off', () => {
    expect(isOutsideAvailability(plan, 30, tz, at('2026-01-05T11:45:00Z'), at('2026-01-05T12:15:00Z'), [])).toBe(true);
    expect(isOutsideAvailability(plan, 30, tz, at('2026-01-06T09:00:00Z'), at('2026-01-06T09:30:00Z'), [])).toBe(true);
    expect(isOutsideAvailability(plan, 30, tz, at('2026-01-05T09:00:00Z'), at('2026-01-05T09:30:00Z'), [span('2026-01-05T09:15:00Z', '2026-01-06T00:00:00Z')])).toBe(true);
  });

  it('reads the plan in the hospital zone across a DST change', () => {
    const sunday = [interval(SUNDAY, '00:00', '01:30')];
    // 00:30–01:00 GMT fits; 00:45–01:15Z would end at 02:15 BST, past the interval that ends at the jump.
    expect(isOutsideAvailability(sunday, 30, tz, at('2026-03-29T00:30:00Z'), at('2026-03-29T01:00:00Z'), [])).toBe(false);
    expect(isOutsideAvailability(sunday, 30, tz, at('2026-03-29T00:45:00Z'), at('2026-03-29T01:15:00Z'), [])).toBe(true);
  });
});

// ── properties ────────────────────────────────────────────────────────────────────────────────────────────

const ZONES = ['UTC', 'Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kolkata'];
/** Days around 2026's DST changes in those zones, and a few ordinary ones. */
const DATES = ['2026-01-05', '2026-03-07', '2026-03-28', '2026-04-03', '2026-06-15', '2026-09-05', '2026-10-03', '2026-10-24', '2026-10-31'];

const readers = new Map<string, Intl.DateTimeFormat>();
/** The wall-clock date and minute at an instant, read with Intl (independently of the code under test). */
function reading(instant: number, timeZone: string): { date: string; minute: number; weekday: number } {
  let format = readers.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short', hourCycle: 'h23' });
    readers.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts['weekday'] ?? '') + 1;
  return { date: `${parts['year']}-${parts['month']}-${parts['day']}`, minute: Number(parts['hour']) * 60 + Number(parts['minute']), weekday };
}

const dayReadings = new Map<string, { instant: number; date: string; minute: number }[]>();
/**
 * By scanning the clock every quarter of an hour (plan boundaries and these zones' changes fall on quarter hours):
 * the first instant at which it reads `minute` on `date`, or later (1440: the next day).
 */
function firstInstantReading(date: string, minute: number, timeZone: string): number {
  const key = `${timeZone} ${date}`;
  let readings = dayReadings.get(key);
  if (!readings) {
    readings = [];
    const first = Date.parse(`${date}T00:00:00Z`) - 16 * 60 * MINUTE;
    for (let instant = first; instant < first + 3 * DAY; instant += 15 * MINUTE) readings.push({ instant, ...reading(instant, timeZone) });
    dayReadings.set(key, readings);
  }
  const found = readings.find((now) => now.date > date || (now.date === date && now.minute >= minute));
  if (!found) throw new Error(`no reading at or after ${date} ${minute} in ${timeZone}`);
  return found.instant;
}

/** A weekly plan with non-overlapping intervals: sorted distinct boundaries, paired up, per weekday. */
const planArbitrary = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 7 }), fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 2, maxLength: 6 })), { maxLength: 7 })
  .map((days) => {
    const plan: WeeklyInterval[] = [];
    const seen = new Set<number>();
    for (const [weekday, marks] of days) {
      if (seen.has(weekday)) continue;
      seen.add(weekday);
      const sorted = marks.map((mark) => mark * 15).sort((a, b) => a - b);
      for (let i = 0; i + 1 < sorted.length; i += 2) plan.push({ weekday, startMinute: sorted[i] ?? 0, endMinute: sorted[i + 1] ?? 0 });
    }
    return plan;
  });

const spansArbitrary = (base: number) =>
  fc.array(
    fc.tuple(fc.integer({ min: -2 * 24 * 60, max: 9 * 24 * 60 }), fc.integer({ min: 1, max: 8 * 60 })).map(([offset, length]): Span => ({
      start: new Date(base + offset * MINUTE), end: new Date(base + (offset + length) * MINUTE),
    })),
    { maxLength: 8 },
  );

const queryArbitrary = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    from: fc.constantFrom(...DATES),
    days: fc.integer({ min: 0, max: 3 }),
    slotMinutes: fc.integer({ min: 10, max: 120 }),
    plan: planArbitrary,
    nowOffsetMinutes: fc.integer({ min: -3 * 24 * 60, max: 24 * 60 }),
    minNoticeMinutes: fc.integer({ min: 0, max: 2 * 24 * 60 }),
    horizonDays: fc.integer({ min: 1, max: 10 }),
  })
  .chain((base) => {
    const start = Date.parse(`${base.from}T00:00:00Z`);
    return fc.record({ timeOff: spansArbitrary(start), busy: spansArbitrary(start) }).map((spans): SlotQuery => ({
      plan: base.plan,
      slotMinutes: base.slotMinutes,
      timeZone: base.timeZone,
      from: base.from,
      to: new Date(start + base.days * DAY).toISOString().slice(0, 10),
      now: new Date(start + base.nowOffsetMinutes * MINUTE),
      minNoticeMinutes: base.minNoticeMinutes % 3 === 0 ? 0 : base.minNoticeMinutes,
      horizonDays: base.horizonDays,
      ...spans,
    }));
  });

/** Each DST change of 2026 in those zones: the local date, and the wall-clock minute around which it happens. */
const CHANGES: [string, string, number][] = [
  ['Europe/London', '2026-03-29', 60], ['Europe/London', '2026-10-25', 60],
  ['America/New_York', '2026-03-08', 120], ['America/New_York', '2026-11-01', 60],
  ['Australia/Lord_Howe', '2026-04-05', 90], ['Australia/Lord_Howe', '2026-10-04', 120],
  ['America/Santiago', '2026-04-04', 1380], ['America/Santiago', '2026-09-06', 0],
];

/** One interval around a DST change on its day, any slot length: where the edge cases live. */
const dstQueryArbitrary = fc
  .record({
    change: fc.constantFrom(...CHANGES),
    before: fc.integer({ min: 0, max: 12 }),
    after: fc.integer({ min: 1, max: 16 }),
    slotMinutes: fc.integer({ min: 10, max: 120 }),
  })
  .chain(({ change: [timeZone, date, minute], before, after, slotMinutes }) => {
    const start = Date.parse(`${date}T00:00:00Z`);
    const weekday = ((new Date(start).getUTCDay() + 6) % 7) + 1;
    const plan = [{ weekday, startMinute: Math.max(0, minute - before * 15), endMinute: Math.min(1440, minute + after * 15) }];
    return fc.record({ timeOff: spansArbitrary(start), busy: fc.constant([]) }).map((spans): SlotQuery => ({
      plan, slotMinutes, timeZone, from: date, to: date, now: new Date(start - 2 * DAY), minNoticeMinutes: 0, horizonDays: 10, ...spans,
    }));
  });

const anyQuery = fc.oneof(queryArbitrary, dstQueryArbitrary);

const overlaps = (a: Span, b: Span) => a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();

describe('free slot properties', { timeout: 60_000 }, () => {
  it('are sorted, distinct, non-overlapping in absolute time, and each lasts exactly the slot length', () => {
    fc.assert(fc.property(anyQuery, (q) => {
      const slots = freeSlots(q);
      slots.forEach((slot, i) => {
        expect(slot.end.getTime() - slot.start.getTime()).toBe(q.slotMinutes * MINUTE);
        const next = slots[i + 1];
        if (next) expect(slot.end.getTime()).toBeLessThanOrEqual(next.start.getTime());
      });
    }), { numRuns: 300 });
  });

  it('never overlap a busy appointment or time off', () => {
    fc.assert(fc.property(anyQuery, (q) => {
      for (const slot of freeSlots(q)) {
        for (const blocked of [...q.busy, ...q.timeOff]) expect(overlaps(slot, blocked)).toBe(false);
      }
    }), { numRuns: 300 });
  });

  it('start no earlier than now plus notice and no later than the horizon, on a date of the range', () => {
    fc.assert(fc.property(anyQuery, (q) => {
      for (const slot of freeSlots(q)) {
        expect(slot.start.getTime()).toBeGreaterThanOrEqual(q.now.getTime() + q.minNoticeMinutes * MINUTE);
        expect(slot.start.getTime()).toBeLessThanOrEqual(q.now.getTime() + q.horizonDays * DAY);
        const date = reading(slot.start.getTime(), q.timeZone).date;
        expect(date >= q.from && date <= q.to).toBe(true);
      }
    }), { numRuns: 300 });
  });

  it('lie inside one interval of the plan: on its slot grid, and within its span of absolute time', () => {
    fc.assert(fc.property(anyQuery, (q) => {
      for (const slot of freeSlots(q)) {
        const local = reading(slot.start.getTime(), q.timeZone);
        const home = q.plan.filter((candidate) =>
          candidate.weekday === local.weekday &&
          local.minute >= candidate.startMinute &&
          (local.minute - candidate.startMinute) % q.slotMinutes === 0 &&
          local.minute + q.slotMinutes <= candidate.endMinute &&
          firstInstantReading(local.date, candidate.startMinute, q.timeZone) <= slot.start.getTime() &&
          slot.end.getTime() <= firstInstantReading(local.date, candidate.endMinute, q.timeZone));
        expect(home).toHaveLength(1);
        // The first occurrence of the wall-clock start: an hour earlier (or half an hour, on Lord Howe) the clock read less.
        expect(reading(slot.start.getTime() - 30 * MINUTE, q.timeZone).minute).not.toBe(local.minute);
        expect(reading(slot.start.getTime() - 60 * MINUTE, q.timeZone).minute).not.toBe(local.minute);
        expect(isOutsideAvailability(q.plan, q.slotMinutes, q.timeZone, slot.start, slot.end, q.timeOff)).toBe(false);
      }
    }), { numRuns: 300 });
  });

  it('ignore busy appointments and time off outside the dates asked for (the slot inputs are read over a wider span of UTC)', () => {
    const withOutsiders = anyQuery.chain((q) => {
      const range = localDateRange(q.from, q.to, q.timeZone);
      const cover = utcCover(q.from, q.to);
      const outside = fc.tuple(fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
        .map(([before, a, b]): Span => {
          const [low, high] = before ? [cover.start, range.start] : [range.end, cover.end];
          const [first, second] = [low + Math.round(Math.min(a, b) * (high - low)), low + Math.round(Math.max(a, b) * (high - low))];
          return { start: new Date(first), end: new Date(second) };
        });
      return fc.record({ busy: fc.array(outside, { maxLength: 4 }), timeOff: fc.array(outside, { maxLength: 4 }) })
        .map((extra) => ({ q, wider: { ...q, busy: [...q.busy, ...extra.busy], timeOff: [...q.timeOff, ...extra.timeOff] } }));
    });
    fc.assert(fc.property(withOutsiders, ({ q, wider }) => {
      expect(freeSlots(wider)).toEqual(freeSlots(q));
    }), { numRuns: 300 });
  });

  it('in a zone without DST, are exactly the plan slots left once blocked, early and late ones are removed', () => {
    fc.assert(fc.property(queryArbitrary.map((q) => ({ ...q, timeZone: 'UTC' })), (q) => {
      const expected: number[] = [];
      for (let day = Date.parse(`${q.from}T00:00:00Z`); day <= Date.parse(`${q.to}T00:00:00Z`); day += DAY) {
        const weekday = ((new Date(day).getUTCDay() + 6) % 7) + 1;
        for (const planned of q.plan.filter((candidate) => candidate.weekday === weekday)) {
          for (let minute = planned.startMinute; minute + q.slotMinutes <= planned.endMinute; minute += q.slotMinutes) {
            const slot = { start: new Date(day + minute * MINUTE), end: new Date(day + (minute + q.slotMinutes) * MINUTE) };
            const early = slot.start.getTime() < q.now.getTime() + q.minNoticeMinutes * MINUTE;
            const late = slot.start.getTime() > q.now.getTime() + q.horizonDays * DAY;
            if (!early && !late && ![...q.busy, ...q.timeOff].some((blocked) => overlaps(slot, blocked))) expected.push(slot.start.getTime());
          }
        }
      }
      expect(freeSlots(q).map((slot) => slot.start.getTime())).toEqual(expected.sort((a, b) => a - b));
    }), { numRuns: 300 });
  });
});
