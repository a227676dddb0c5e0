import { describe, expect, it } from 'vitest';
import { auditApiFilters, auditExportHref, auditPageSearch, hasAuditFilters, noAuditFilters, readAuditFilters } from './auditFilters.ts';

const ACTOR = '019a0000-0000-7000-8000-000000000001';

describe('audit log filters', () => {
  it('reads the filters from the page address and writes them back the same', () => {
    const search = `?actorId=${ACTOR}&action=user.create&entityType=user&entityId=abc&outcome=denied&from=2026-07-01&to=2026-07-31`;
    const filters = readAuditFilters(new URLSearchParams(search));
    expect(filters).toEqual({
      actorId: ACTOR, action: 'user.create', entityType: 'user', entityId: 'abc', outcome: 'denied', from: '2026-07-01', to: '2026-07-31',
    });
    expect(auditPageSearch(filters)).toBe(search);
    expect(hasAuditFilters(filters)).toBe(true);
  });

  it('ignores an unknown outcome and dates that are not calendar dates, and trims the text', () => {
    const filters = readAuditFilters(new URLSearchParams('?outcome=maybe&from=last-week&to=2026-02-30&action=%20auth.login%20'));
    expect(filters).toEqual({ ...noAuditFilters, action: 'auth.login' });
  });

  it('has an empty address and no filters when nothing is chosen', () => {
    expect(readAuditFilters(new URLSearchParams(''))).toEqual(noAuditFilters);
    expect(auditPageSearch(noAuditFilters)).toBe('');
    expect(hasAuditFilters(noAuditFilters)).toBe(false);
  });

  it('sends the dates as UTC instants of the hospital zone, the last day included, and leaves out empty filters', () => {
    expect(auditApiFilters({ ...noAuditFilters, action: 'settings.update', from: '2026-07-01', to: '2026-07-01' }, 'Europe/London')).toEqual({
      action: 'settings.update',
      from: '2026-06-30T23:00:00.000Z',
      to: '2026-07-01T23:00:00.000Z',
    });
    expect(auditApiFilters(noAuditFilters, 'Europe/London')).toEqual({});
  });

  it('points the export at the CSV file with the same filters', () => {
    expect(auditExportHref({ ...noAuditFilters, outcome: 'failure', action: 'auth.login', to: '2026-01-15' }, 'Asia/Tokyo')).toBe(
      '/api/audit/export.csv?action=auth.login&outcome=failure&to=2026-01-15T15%3A00%3A00.000Z',
    );
    expect(auditExportHref(noAuditFilters, 'UTC')).toBe('/api/audit/export.csv');
  });
});
