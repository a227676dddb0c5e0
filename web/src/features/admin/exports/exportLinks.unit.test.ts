import { describe, expect, it } from 'vitest';
import { appointmentsExportHref, patientsExportHref } from './exportLinks.ts';

const DOCTOR = '019a0000-0000-7000-8000-0000000000d1';

describe('export links', () => {
  it('builds the patients CSV address from the search and the status', () => {
    expect(patientsExportHref({ q: '  Ada  ', active: 'false' })).toBe('/api/admin/export/patients.csv?q=Ada&active=false');
    expect(patientsExportHref({ q: '', active: '' })).toBe('/api/admin/export/patients.csv');
  });

  it('builds the appointments CSV address: one status pair each, in the usual order, and the dates in the hospital zone', () => {
    expect(
      appointmentsExportHref({ statuses: ['completed', 'requested'], from: '2026-07-20', to: '2026-07-22', doctorId: DOCTOR }, 'Europe/London'),
    ).toBe(
      `/api/admin/export/appointments.csv?status=requested&status=completed&from=2026-07-19T23%3A00%3A00.000Z&to=2026-07-22T23%3A00%3A00.000Z&doctorId=${DOCTOR}`,
    );
  });

  it('leaves out every filter not chosen', () => {
    expect(appointmentsExportHref({ statuses: [], from: '', to: '', doctorId: '' }, 'Europe/London')).toBe('/api/admin/export/appointments.csv');
    expect(appointmentsExportHref({ statuses: [], from: '', to: '2026-01-31', doctorId: '' }, 'UTC')).toBe(
      '/api/admin/export/appointments.csv?to=2026-02-01T00%3A00%3A00.000Z',
    );
  });
});
