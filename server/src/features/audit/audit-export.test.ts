import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctor } from '../../test/factories.ts';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, loginAdmin, registerPatient, type Caller } from '../../test/http.ts';
import { createReceptionist } from '../admin/admin.fixtures.ts';
import { writeAudit, type AuditAction } from './audit.service.ts';

const EXPORT = '/api/audit/export.csv';
const records = (text: string) => text.replace('\uFEFF', '').split('\r\n').filter(Boolean);

describe.each(dialectsUnderTest())('audit CSV export on %s', (dialect) => {
  let t: TestApp;
  let admin: Caller;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    t.clock.set(new Date('2026-07-15T10:00:00.000Z'));
    admin = await loginAdmin(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  it('only administrators may export the audit log: 401 anonymous, 403 patient, doctor and receptionist', async () => {
    expect((await call(t.app, { url: EXPORT })).status).toBe(401);
    for (const caller of [await registerPatient(t.app), await createDoctor(t), await createReceptionist(t)]) {
      expect((await call(t.app, { url: EXPORT, as: caller })).status).toBe(403);
    }
    expect((await call(t.app, { url: EXPORT, as: admin })).status).toBe(200);
  });

  it('holds every row the same filters list, newest first, as a CSV download', async () => {
    for (let i = 0; i < 3; i += 1) await registerPatient(t.app);
    const listed = await call(t.app, { url: '/api/audit?action=auth.register&limit=200', as: admin });
    const response = await call(t.app, { url: `${EXPORT}?action=auth.register`, as: admin });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="audit-2026-07-15.csv"');
    const lines = records(response.text);
    expect(lines[0]).toBe('seq,id,at,actorId,actorRole,action,entityType,entityId,outcome,ip,details');
    expect(lines.slice(1).map((line) => Number(line.split(',')[0]))).toEqual(listed.json.items.map((item: { seq: number }) => item.seq));
    expect(lines.length - 1).toBeGreaterThanOrEqual(4);
  });

  it('neutralises formula cells and quotes the JSON details', async () => {
    // No server code writes this action: the row is made to carry a formula in every text cell.
    await t.deps.db.transaction().execute((trx) =>
      writeAudit(trx, t.clock.now(), {
        actorId: null, actorRole: null, action: 'test.formula' as AuditAction, entityType: '=HYPERLINK("http://evil.test")', entityId: '@SUM(1)', outcome: 'failure',
        details: { note: 'a, b' },
      }),
    );
    const response = await call(t.app, { url: `${EXPORT}?action=test.formula`, as: admin });
    const [, line] = records(response.text);
    expect(line).toContain(`,,,test.formula,"'=HYPERLINK(""http://evil.test"")",'@SUM(1),failure,,"{""note"":""a, b""}"`);
  });

  it('applies the time filters in UTC, whatever offset they are sent with', async () => {
    const sameInstant = encodeURIComponent('2026-07-15T11:00:00+01:00');
    const response = await call(t.app, { url: `${EXPORT}?from=${sameInstant}&action=test.formula`, as: admin });
    expect(records(response.text)).toHaveLength(2);
    const later = encodeURIComponent('2026-07-15T11:00:01+01:00');
    expect(records((await call(t.app, { url: `${EXPORT}?from=${later}&action=test.formula`, as: admin })).text)).toHaveLength(1);
  });

  it('is recorded in the audit log with its filters and row count, and does not contain its own row', async () => {
    const response = await call(t.app, { url: `${EXPORT}?action=audit.export`, as: admin });
    const exportsBefore = records(response.text).length - 1;
    const list = await call(t.app, { url: '/api/audit?action=audit.export', as: admin });
    expect(list.json.items).toHaveLength(exportsBefore + 1);
    expect(list.json.items[0]).toMatchObject({
      actorId: admin.userId, actorRole: 'admin', entityType: 'audit', outcome: 'success',
      details: { rows: exportsBefore, filter: { action: 'audit.export' } },
    });
  });

  it('refuses paging parameters and unknown filters (400)', async () => {
    expect((await call(t.app, { url: `${EXPORT}?limit=10`, as: admin })).status).toBe(400);
    expect((await call(t.app, { url: `${EXPORT}?outcome=maybe`, as: admin })).status).toBe(400);
  });
});
