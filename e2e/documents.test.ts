import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { pdftotextOf } from '../server/src/test/pdf-text.ts';
import { registerPatient } from './flows.ts';
import { openPage, uniqueEmail , useServerAndBrowser } from './harness.ts';

/* A patient downloads their own record from the profile page and receives a PDF that names them. */

const suite = useServerAndBrowser();

describe('documents in the browser', () => {
  it('a patient clicks "Download my record (PDF)" on their profile and receives their record as a PDF', async () => {
    const { page, context, problems } = await openPage(suite.browser, suite.server.baseUrl);
    const name = 'Ayşe Yılmaz';
    await registerPatient(page, { name, email: uniqueEmail('record'), password: 'Copper-Kettle-Meadow-58' });
    await page.goto('/app/profile');
    const link = page.getByRole('link', { name: 'Download my record (PDF)' });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^patient-record-\d{4}-\d{2}-\d{2}\.pdf$/);
    const file = await download.path();
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await pdftotextOf(bytes)).toContain(name);
    expect(problems).toEqual([]);
    await context.close();
  });
});
