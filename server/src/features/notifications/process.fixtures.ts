import { createDb } from '../../db/create-db.ts';
import type { DeliveryJobsTable } from '../../db/types.ts';
import { registration } from '../../test/http.ts';
import { notify } from './notifications.service.ts';

/** Registers a patient on a running server over HTTP; their email and text-message jobs follow the default preferences. */
export async function registerOverHttp(base: string): Promise<{ userId: string; email: string }> {
  const body = registration();
  const response = await fetch(`${base}/api/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (response.status !== 201) throw new Error(`registration failed: ${response.status} ${await response.text()}`);
  const session = await response.json() as { user: { id: string } };
  return { userId: session.user.id, email: body.email };
}

/** Queues `count` notifications for the user through the notifications service, on the server's SQLite file. */
export async function queueNotifications(file: string, userId: string, count: number): Promise<void> {
  const handle = await createDb({ kind: 'sqlite', file });
  try {
    await handle.db.transaction().execute(async (trx) => {
      for (let n = 0; n < count; n += 1) await notify(trx, new Date(), { userId, kind: 'doctor.deactivated', title: `Notice ${n}`, body: `Notice number ${n}.` });
    });
  } finally {
    await handle.close();
  }
}

export async function emailJobs(file: string): Promise<DeliveryJobsTable[]> {
  const handle = await createDb({ kind: 'sqlite', file });
  try {
    const rows = await handle.db.selectFrom('delivery_jobs').selectAll().where('channel', '=', 'email').orderBy('id').execute();
    return rows.map((row) => ({ ...row, attempts: Number(row.attempts) }));
  } finally {
    await handle.close();
  }
}

export async function until(condition: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
