import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test/harness.ts';
import { flat, pdfjsPagesOf, pdftotextOf } from '../../test/pdf-text.ts';
import { NAMES } from './fixtures.ts';
import { DOCUMENT_ACTIONS } from './documents.service.ts';
import { auditRows, download, startDocumentsWorld, type DocumentsWorld } from './test-support.ts';

describe.each(dialectsUnderTest())('appointment slips on %s', (dialect) => {
  let w: DocumentsWorld;
  beforeAll(async () => {
    w = await startDocumentsWorld(dialect);
  });
  afterAll(async () => {
    await w.t.close();
  });

  const slip = (id: string, as: Parameters<typeof download>[2]) => download(w.t, `/api/appointments/${id}/slip.pdf`, as);

  it('the patient downloads the slip: a PDF attachment, not cached, with the doctor, local time, place and how to cancel', async () => {
    const response = await slip(w.appointments.ayseMonday, w.ayse);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="appointment-slip-2030-03-04.pdf"');
    expect(response.headers['cache-control']).toBe('no-store');
    const poppler = flat(await pdftotextOf(response.body));
    const pdfjs = flat((await pdfjsPagesOf(response.body)).join('\n'));
    for (const text of [
      'Şifa Hastanesi', '12 Ångström Caddesi, İstanbul', NAMES.turkish, NAMES.cyrillic, 'Mon, 4 Mar 2030, 09:00 (Europe/Istanbul), until 09:30',
      'Knee pain when climbing stairs', 'Confirmed.', 'What to bring', 'call the hospital on +90 212 555 0101', 'up to 24 hours', 'Page 1 of 1',
    ]) {
      expect(poppler, `pdftotext: ${text}`).toContain(text);
      expect(pdfjs, `pdf.js: ${text}`).toContain(text);
    }
  });

  it('an Arabic name on a slip made at the desk reads back exactly', async () => {
    const response = await slip(w.appointments.fatimaTuesday, w.desk);
    expect(response.status).toBe(200);
    expect(flat(await pdftotextOf(response.body))).toContain(NAMES.arabic);
    expect(flat((await pdfjsPagesOf(response.body)).join('\n'))).toContain(`Patient ${NAMES.arabic}`);
  });

  it('two downloads at the same moment are byte-identical', async () => {
    const first = await slip(w.appointments.ayseMonday, w.ayse);
    const second = await slip(w.appointments.ayseMonday, w.admin);
    expect(first.body.equals(second.body)).toBe(true);
  });

  it('the doctor of the appointment, admins and receptionists get it; the generation is audited in each case', async () => {
    const before = (await auditRows(w.t, DOCUMENT_ACTIONS.appointmentSlip, w.appointments.zoeMonday)).length;
    for (const who of [w.doctor, w.admin, w.desk, w.zoe]) expect((await slip(w.appointments.zoeMonday, who)).status).toBe(200);
    const rows = (await auditRows(w.t, DOCUMENT_ACTIONS.appointmentSlip, w.appointments.zoeMonday)).slice(before);
    expect(rows.map((row) => [row.actor_id, row.outcome])).toEqual([w.doctor, w.admin, w.desk, w.zoe].map((who) => [who.userId, 'success']));
    expect(rows[0]?.entity_type).toBe('appointment');
    expect(JSON.parse(rows[0]?.details ?? '{}')).toEqual({ patientId: w.zoe.patientId, format: 'pdf' });
  });

  it("another patient's appointment and another doctor's answer 404, like a missing one, and the refusal is audited", async () => {
    const before = (await auditRows(w.t, DOCUMENT_ACTIONS.appointmentSlip, w.appointments.ayseMonday)).length;
    for (const who of [w.zoe, w.otherDoctor]) {
      const response = await slip(w.appointments.ayseMonday, who);
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const rows = (await auditRows(w.t, DOCUMENT_ACTIONS.appointmentSlip, w.appointments.ayseMonday)).slice(before);
    expect(rows.map((row) => [row.actor_id, row.outcome])).toEqual([[w.zoe.userId, 'denied'], [w.otherDoctor.userId, 'denied']]);
    expect((await slip('01890000-0000-7000-8000-000000000000', w.admin)).status).toBe(404);
  });

  it('signed-out callers are refused with 401', async () => {
    expect((await slip(w.appointments.ayseMonday, null)).status).toBe(401);
  });
});
