import type { Role } from '#shared/roles';

/** Who may read and write consultations. Pure: the actor and the visit in, a decision out. */

export interface ConsultationActor {
  role: Role;
  userId: string;
  doctorId: string | null;
  patientId: string | null;
}

export interface VisitParties {
  doctorId: string;
  patientId: string;
}

export interface ReadContext {
  /** The actor is a doctor who has or had an appointment with the patient. */
  treatsPatient: boolean;
  /** The actor (an administrator) holds an unexpired break-glass grant for the patient. */
  breakGlass: boolean;
}

export type ReadAccess =
  /** The appointment's doctor: drafts and signed. */
  | { kind: 'author' }
  /** The patient themself, or another doctor of theirs: signed consultations only. */
  | { kind: 'signed_only' }
  /** An administrator through break-glass: everything, audited and flagged. */
  | { kind: 'break_glass' }
  | { kind: 'forbidden'; code: 'FORBIDDEN' | 'BREAK_GLASS_REQUIRED'; message: string }
  | { kind: 'hidden' };

export const isAuthor = (actor: ConsultationActor, visit: VisitParties): boolean =>
  actor.role === 'doctor' && actor.doctorId !== null && actor.doctorId === visit.doctorId;

export function readAccess(actor: ConsultationActor, visit: VisitParties, context: ReadContext): ReadAccess {
  if (isAuthor(actor, visit)) return { kind: 'author' };
  switch (actor.role) {
    case 'doctor':
      return context.treatsPatient ? { kind: 'signed_only' } : { kind: 'hidden' };
    case 'patient':
      return actor.patientId !== null && actor.patientId === visit.patientId ? { kind: 'signed_only' } : { kind: 'hidden' };
    case 'receptionist':
      return { kind: 'forbidden', code: 'FORBIDDEN', message: 'Receptionists see that a consultation exists, not its clinical content' };
    case 'admin':
      return context.breakGlass
        ? { kind: 'break_glass' }
        : {
          kind: 'forbidden', code: 'BREAK_GLASS_REQUIRED',
          message: "Administrators read clinical records only through break-glass: POST /api/patients/:id/break-glass with the reason, then try again",
        };
    default:
      return { kind: 'hidden' };
  }
}

/** Whether the access lets the actor see a consultation in this status. */
export const seesStatus = (access: ReadAccess, status: string): boolean =>
  access.kind === 'author' || access.kind === 'break_glass' || (access.kind === 'signed_only' && status === 'signed');

/** Appointment statuses in which a consultation may be written. */
export const WRITABLE_VISIT_STATUSES: readonly string[] = ['requested', 'confirmed', 'completed'];
/** Appointment statuses from which a consultation may be signed (confirmed ones are completed by the signing). */
export const SIGNABLE_VISIT_STATUSES: readonly string[] = ['confirmed', 'completed'];
