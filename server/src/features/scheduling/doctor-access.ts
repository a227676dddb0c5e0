import type { Executor } from '../../db/types.ts';
import { notFound } from '../../http/app-error.ts';
import { findSchedulingDoctor, type SchedulingDoctor } from './scheduling.queries.ts';

/** The doctor, when `allowed` says the caller may act on them; otherwise 404, exactly like an unknown doctor. */
export async function requireDoctor(db: Executor, doctorId: string, allowed: (doctor: SchedulingDoctor) => boolean): Promise<SchedulingDoctor> {
  const doctor = await findSchedulingDoctor(db, doctorId);
  if (!doctor || !allowed(doctor)) throw notFound('Doctor');
  return doctor;
}
