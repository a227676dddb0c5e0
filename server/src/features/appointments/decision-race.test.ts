import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Trx } from '../../db/types.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError } from '../../http/app-error.ts';
import { createDoctor } from '../../test/factories.ts';
import { dialectsUnderTest, type TestApp } from '../../test/harness.ts';
import type { Caller } from '../../test/http.ts';
import { MONDAY, TUESDAY, act, at, book, giveWeekdayHours, historyOf, signedInPatients, startAppointmentsApp } from './test-support.ts';
import { changeAppointment, type Change } from './transitions.service.ts';

/** Resolves once `parties` callers are waiting on it: makes them all go on from the same point. */
function meetingPoint(parties: number): () => Promise<void> {
  let arrived = 0;
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return async () => {
    arrived += 1;
    if (arrived === parties) open();
    await opened;
  };
}

/**
 * The database, with every transaction held back until both racers have read the appointment:
 * both decide on the same state, and only the write guard can tell them apart.
 */
function holdingTransactions(db: Db, wait: () => Promise<void>): Db {
  return new Proxy(db, {
    get(target, property) {
      if (property === 'transaction') {
        return () => {
          const builder = target.transaction();
          return {
            execute: async <T>(work: (trx: Trx) => Promise<T>): Promise<T> => {
              await wait();
              return builder.execute(work);
            },
          };
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe.each(dialectsUnderTest())('racing decisions on one appointment on %s', (dialect) => {
  let t: TestApp;
  let doctorId: string;
  let doctor: Caller;
  let doctorActor: Actor;

  beforeAll(async () => {
    t = await startAppointmentsApp(dialect);
    const created = await createDoctor(t);
    doctor = created;
    doctorId = created.doctorId;
    doctorActor = {
      userId: created.userId, role: 'doctor', email: created.email, name: 'Dr Grace Hopper', patientId: null, doctorId,
      sessionId: 'race', csrfToken: 'race', mustChangePassword: false,
    };
    await giveWeekdayHours(t, doctorId);
  });
  afterAll(async () => {
    await t.close();
  });

  async function request(time: string) {
    const [patient] = await signedInPatients(t.deps.db, t.clock.now(), 1);
    if (!patient) throw new Error('no patient');
    const response = await book(t, patient, { doctorId, start: at(MONDAY, time) });
    expect(response.status).toBe(201);
    return { patient, id: response.json.id as string };
  }

  async function stateOf(id: string) {
    const row = await t.deps.db.selectFrom('appointments').select(['status', 'sequence']).where('id', '=', id).executeTakeFirstOrThrow();
    const history = (await historyOf(t, id)).map((entry) => `${entry.from_status ?? 'new'}>${entry.to_status}`);
    return { status: row.status, sequence: Number(row.sequence), history };
  }

  it('confirm and reject at once: exactly one wins, the other answers 409, and the history holds only the winner', async () => {
    for (const time of ['09:00', '09:30', '10:00', '10:30', '11:00']) {
      const { id } = await request(time);
      const [confirm, reject] = await Promise.all([act(t, doctor, id, 'confirm'), act(t, doctor, id, 'reject', { reason: 'Double-booked' })]);
      expect([confirm.status, reject.status].sort()).toEqual([200, 409]);
      const loser = confirm.status === 409 ? confirm : reject;
      expect(loser.json.code).toBe('INVALID_TRANSITION');
      const winner = confirm.status === 200 ? 'confirmed' : 'rejected';
      expect(await stateOf(id)).toEqual({ status: winner, sequence: 1, history: ['new>requested', `requested>${winner}`] });
    }
  });

  it('confirm and cancel at once end in one consistent state: every 200 in the history, nothing lost, any loser 409', async () => {
    for (const time of ['13:00', '13:30', '14:00', '14:30', '15:00']) {
      const { patient, id } = await request(time);
      const [confirm, cancel] = await Promise.all([act(t, doctor, id, 'confirm'), act(t, patient, id, 'cancel', { reason: 'Found another time' })]);
      const state = await stateOf(id);
      for (const response of [confirm, cancel]) {
        expect([200, 409]).toContain(response.status);
        if (response.status === 409) expect(response.json.code).toBe('INVALID_TRANSITION');
      }
      expect(cancel.status === 200 || confirm.status === 200).toBe(true);
      if (confirm.status === 200 && cancel.status === 200) {
        expect(state).toEqual({ status: 'cancelled', sequence: 2, history: ['new>requested', 'requested>confirmed', 'confirmed>cancelled'] });
      } else if (confirm.status === 200) {
        expect(state).toEqual({ status: 'confirmed', sequence: 1, history: ['new>requested', 'requested>confirmed'] });
      } else {
        expect(state).toEqual({ status: 'cancelled', sequence: 1, history: ['new>requested', 'requested>cancelled'] });
      }
    }
  });

  /** Both changes decided on the same state at once; answers each one's status (200, or the refusal's). */
  async function decideTogether(id: string, first: [Actor, Change], second: [Actor, Change]): Promise<{ status: number; code?: string }[]> {
    const deps: Deps = { ...t.deps, db: holdingTransactions(t.deps.db, meetingPoint(2)) };
    const settled = await Promise.allSettled([first, second].map(([actor, change]) => changeAppointment(deps, actor, id, change, null)));
    return settled.map((result) => {
      if (result.status === 'fulfilled') return { status: 200 };
      if (result.reason instanceof AppError) return { status: result.reason.status, code: result.reason.code };
      throw result.reason;
    });
  }

  const patientActor = (patient: Caller): Actor => ({
    userId: patient.userId, role: 'patient', email: 'racer@example.test', name: 'Racer', patientId: patient.patientId ?? null, doctorId: null,
    sessionId: 'race', csrfToken: 'race', mustChangePassword: false,
  });

  it('confirm and cancel decided on the same state: exactly one 200 and one 409 INVALID_TRANSITION, history consistent', async () => {
    for (const time of ['15:30', '16:00']) {
      const { patient, id } = await request(time);
      const outcomes = await decideTogether(id, [doctorActor, { action: 'confirm' }], [patientActor(patient), { action: 'cancel', reason: 'Changed my mind' }]);
      expect(outcomes.map((o) => o.status).sort()).toEqual([200, 409]);
      expect(outcomes.find((o) => o.status === 409)?.code).toBe('INVALID_TRANSITION');
      const winner = outcomes[0]?.status === 200 ? 'confirmed' : 'cancelled';
      expect(await stateOf(id)).toEqual({ status: winner, sequence: 1, history: ['new>requested', `requested>${winner}`] });
    }
  });

  it('two staff reschedules decided on the same state: one moves it, the other answers 409; no move is lost', async () => {
    const { id } = await request('16:30');
    const outcomes = await decideTogether(id, [doctorActor, { action: 'reschedule', start: at(TUESDAY, '09:00') }], [doctorActor, { action: 'reschedule', start: at(TUESDAY, '10:00') }]);
    expect(outcomes.map((o) => o.status).sort()).toEqual([200, 409]);
    const row = await t.deps.db.selectFrom('appointments').select(['start_at', 'sequence']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.start_at).toBe(outcomes[0]?.status === 200 ? at(TUESDAY, '09:00') : at(TUESDAY, '10:00'));
    expect(Number(row.sequence)).toBe(1);
    const history = await historyOf(t, id);
    expect(history.at(-1)).toMatchObject({ from_start: at(MONDAY, '16:30'), to_start: row.start_at });
    expect(history).toHaveLength(2);
  });
});
