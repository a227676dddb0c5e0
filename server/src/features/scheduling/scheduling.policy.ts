import type { Actor } from '../../http/actor.ts';

interface DoctorRecord {
  id: string;
  active: number;
}

const isSelf = (actor: Actor, doctor: DoctorRecord): boolean => actor.role === 'doctor' && actor.doctorId === doctor.id;
const isStaff = (actor: Actor): boolean => actor.role === 'admin' || actor.role === 'receptionist';

/** A weekly plan is public like the slots it yields; a deactivated doctor's only for staff and the doctor. */
export const canViewAvailability = (actor: Actor | null, doctor: DoctorRecord): boolean =>
  doctor.active === 1 || (actor !== null && (isStaff(actor) || isSelf(actor, doctor)));

/** Time off: the doctor, administrators and receptionists. */
export const canViewTimeOff = (actor: Actor, doctor: DoctorRecord): boolean => isStaff(actor) || isSelf(actor, doctor);

/** Changing the weekly plan and time off: administrators, and the doctor themself while active. */
export const canEditSchedule = (actor: Actor, doctor: DoctorRecord): boolean =>
  actor.role === 'admin' || (isSelf(actor, doctor) && doctor.active === 1);

/** Free slots exist only for active doctors. */
export const canListSlots = (doctor: DoctorRecord): boolean => doctor.active === 1;
