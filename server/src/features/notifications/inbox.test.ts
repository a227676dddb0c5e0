import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, loginAdmin, registerPatient } from '../../test/http.ts';
import { notifyNow } from './notifications.fixtures.ts';

describe.each(dialectsUnderTest())('in-app notifications on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  const note = (userId: string, title: string) => notifyNow(t, { userId, kind: 'doctor.deactivated', title, body: `${title} body` });

  it('lists my notifications newest first, page by page', async () => {
    const patient = await registerPatient(t.app);
    for (const n of [1, 2, 3, 4, 5]) await note(patient.userId, `Note ${n}`);
    const first = await call(t.app, { url: '/api/notifications?limit=2', as: patient });
    expect(first.status).toBe(200);
    expect(first.json.items.map((i: { title: string }) => i.title)).toEqual(['Note 5', 'Note 4']);
    expect(first.json.items[0]).toEqual({
      id: expect.any(String), kind: 'doctor.deactivated', title: 'Note 5', body: 'Note 5 body', createdAt: expect.any(String), readAt: null,
    });
    const second = await call(t.app, { url: `/api/notifications?limit=2&cursor=${first.json.nextCursor}`, as: patient });
    const third = await call(t.app, { url: `/api/notifications?limit=2&cursor=${second.json.nextCursor}`, as: patient });
    expect(second.json.items.map((i: { title: string }) => i.title)).toEqual(['Note 3', 'Note 2']);
    expect(third.json.items.map((i: { title: string }) => i.title)).toEqual(['Note 1']);
    expect(third.json.nextCursor).toBeNull();
  });

  it('counts unread ones, filters them, and marks one or all read', async () => {
    const patient = await registerPatient(t.app);
    const ids = [await note(patient.userId, 'A'), await note(patient.userId, 'B'), await note(patient.userId, 'C')];
    expect((await call(t.app, { url: '/api/notifications/unread-count', as: patient })).json).toEqual({ count: 3 });

    t.clock.advance(1000);
    expect((await call(t.app, { method: 'POST', url: `/api/notifications/${ids[1]}/read`, as: patient })).status).toBe(204);
    const readAt = t.clock.now().toISOString();
    t.clock.advance(1000);
    expect((await call(t.app, { method: 'POST', url: `/api/notifications/${ids[1]}/read`, as: patient })).status).toBe(204);
    expect((await call(t.app, { url: '/api/notifications/unread-count', as: patient })).json).toEqual({ count: 2 });

    const unread = await call(t.app, { url: '/api/notifications?unread=true', as: patient });
    expect(unread.json.items.map((i: { title: string }) => i.title)).toEqual(['C', 'A']);
    const all = await call(t.app, { url: '/api/notifications', as: patient });
    expect(all.json.items.find((i: { id: string }) => i.id === ids[1]).readAt).toBe(readAt);

    expect((await call(t.app, { method: 'POST', url: '/api/notifications/read-all', as: patient })).status).toBe(204);
    expect((await call(t.app, { url: '/api/notifications/unread-count', as: patient })).json).toEqual({ count: 0 });
    expect((await call(t.app, { url: '/api/notifications?unread=true', as: patient })).json.items).toEqual([]);
  });

  it("a user cannot read or mark another user's notifications (404)", async () => {
    const owner = await registerPatient(t.app);
    const other = await registerPatient(t.app);
    const id = await note(owner.userId, 'Private');
    expect((await call(t.app, { url: '/api/notifications', as: other })).json.items).toEqual([]);
    const mark = await call(t.app, { method: 'POST', url: `/api/notifications/${id}/read`, as: other });
    expect(mark.status).toBe(404);
    expect(mark.json.code).toBe('NOT_FOUND');
    expect((await call(t.app, { method: 'POST', url: '/api/notifications/read-all', as: other })).status).toBe(204);
    expect((await call(t.app, { url: '/api/notifications/unread-count', as: owner })).json).toEqual({ count: 1 });
    expect((await call(t.app, { method: 'POST', url: '/api/notifications/00000000-0000-7000-8000-000000000000/read', as: owner })).status).toBe(404);
  });

  it('works for every role, and answers 401 without a session and 403 without the CSRF token', async () => {
    const admin = await loginAdmin(t.app);
    expect((await call(t.app, { url: '/api/notifications', as: admin })).status).toBe(200);
    expect((await call(t.app, { url: '/api/notifications' })).status).toBe(401);
    expect((await call(t.app, { url: '/api/notifications/unread-count' })).status).toBe(401);
    expect((await call(t.app, { method: 'POST', url: '/api/notifications/read-all', as: admin, noCsrf: true })).status).toBe(403);
  });

  it('refuses a malformed cursor or limit (400)', async () => {
    const patient = await registerPatient(t.app);
    expect((await call(t.app, { url: '/api/notifications?cursor=not%20a%20cursor', as: patient })).status).toBe(400);
    expect((await call(t.app, { url: '/api/notifications?limit=0', as: patient })).status).toBe(400);
    expect((await call(t.app, { url: '/api/notifications?unread=maybe', as: patient })).status).toBe(400);
  });
});
