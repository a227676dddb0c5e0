import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.ts';
import type { Executor, PatientsTable, Trx } from '../../db/types.ts';
import { actorOf, type Actor } from '../../http/actor.ts';
import type { AppError } from '../../http/app-error.ts';
import { writeAudit, type AuditAction, type AuditEntry } from '../audit/audit.service.ts';
import type { PatientRelation } from './patients.policy.ts';
import { doctorHasTreatedPatient, findPatientById } from './patients.queries.ts';

/** The signed-in actor and where the request came from, for the audit log. */
export interface Caller {
  actor: Actor;
  ip: string | null;
}

export const callerOf = (request: FastifyRequest): Caller => ({ actor: actorOf(request), ip: request.ip ?? null });

/** An audit entry by the caller; the action, entity and outcome are the use case's. */
export function auditBy(caller: Caller, entry: Omit<AuditEntry, 'actorId' | 'actorRole' | 'ip'>): AuditEntry {
  return { actorId: caller.actor.userId, actorRole: caller.actor.role, ip: caller.ip, ...entry };
}

/** A refusal decided inside a use case: its transaction rolls back, the refusal is audited on its own, and `error` answers. */
export class Denied extends Error {
  constructor(
    readonly error: AppError,
    readonly action: AuditAction,
    readonly entityType: string,
    readonly entityId: string,
  ) {
    super(error.message);
  }
}

/** Runs a use case in one transaction, turning a Denied thrown inside into an audited refusal. */
export async function auditedTransaction<T>(deps: Deps, caller: Caller, work: (trx: Trx) => Promise<T>): Promise<T> {
  try {
    return await deps.db.transaction().execute(work);
  } catch (error) {
    if (!(error instanceof Denied)) throw error;
    const now = deps.clock.now();
    await deps.db.transaction().execute((trx) =>
      writeAudit(trx, now, auditBy(caller, { action: error.action, entityType: error.entityType, entityId: error.entityId, outcome: 'denied' })),
    );
    error.error.audited = true;
    throw error.error;
  }
}

/** The patient and the actor's relation to them, or null when there is no such patient. */
export async function loadPatient(db: Executor, actor: Actor, patientId: string): Promise<{ patient: PatientsTable; relation: PatientRelation } | null> {
  const patient = await findPatientById(db, patientId);
  if (!patient) return null;
  const treatedByActor = actor.role === 'doctor' && actor.doctorId !== null ? await doctorHasTreatedPatient(db, actor.doctorId, patientId) : false;
  return { patient, relation: { patientId, treatedByActor } };
}
