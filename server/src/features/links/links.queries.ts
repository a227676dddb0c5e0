import type { Executor, SignedLinksTable, Trx } from '../../db/types.ts';

export async function insertLink(trx: Trx, row: SignedLinksTable): Promise<void> {
  await trx.insertInto('signed_links').values(row).execute();
}

export async function findLinkByHash(db: Executor, tokenHash: string): Promise<SignedLinksTable | undefined> {
  return db.selectFrom('signed_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Counts one request against the link's current one-minute window (a new window starts when the last one ended). */
export async function countLinkRequest(db: Executor, id: string, windowStart: string, count: number): Promise<void> {
  await db.updateTable('signed_links').set({ window_start: windowStart, window_count: count }).where('id', '=', id).execute();
}

export async function revokeAppointmentLinks(trx: Trx, appointmentId: string, purpose: string, at: string): Promise<void> {
  await trx.updateTable('signed_links').set({ revoked_at: at })
    .where('appointment_id', '=', appointmentId).where('purpose', '=', purpose).where('revoked_at', 'is', null).execute();
}
