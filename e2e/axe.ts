import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Waits until nothing on the page is loading, then fails with every axe violation found, and where it is. */
export async function expectNoViolations(page: Page, label: string): Promise<void> {
  await page.getByRole('status').filter({ hasText: /^(Loading|Checking)/ }).first().waitFor({ state: 'detached' });
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations.map((v) => `${label}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(' | ')}) ${v.nodes[0]?.failureSummary ?? ''}`);
  expect(found, `axe violations on ${label}`).toEqual([]);
}
