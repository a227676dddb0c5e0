import { expectNoViolations } from './axe.ts';
import { describe, expect, it } from 'vitest';
import { ApiSession } from './api.ts';
import { fillRegistration, logInToDashboard, registerPatient } from './flows.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, openPage, uniqueEmail , useServerAndBrowser } from './harness.ts';

const suite = useServerAndBrowser();

async function scanPublicPage(path: string, heading: string | RegExp, width: number): Promise<void> {
  const { page, context } = await openPage(suite.browser, suite.server.baseUrl, width);
  await page.goto(path);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await expectNoViolations(page, `${path} at ${width}px`);
  await context.close();
}

interface StaffAccount {
  email: string;
  password: string;
}

async function createStaff(role: 'doctor' | 'receptionist'): Promise<StaffAccount> {
  const admin = await ApiSession.logIn(suite.server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  const account = { email: uniqueEmail(role), password: 'Temporary-Pass-Word-77' };
  const name = role === 'doctor' ? 'Dr Lena Fischer' : 'Tomás Rivera';
  if (role === 'doctor') {
    const specializations = await admin.request<{ id: string }[]>('GET', '/api/specializations');
    const specializationId =
      specializations[0]?.id ?? (await admin.request<{ id: string }>('POST', '/api/specializations', { name: 'General medicine' })).id;
    await admin.request('POST', '/api/doctors', { name, email: account.email, phone: '+44 20 7946 0101', specializationId, password: account.password });
  } else {
    await admin.request('POST', '/api/users', { name, email: account.email, role, password: account.password });
  }
  return account;
}

describe('accessibility (axe) of every page', () => {
  const publicPages: [path: string, heading: string | null][] = [
    ['/', null],
    ['/login', 'Log in'],
    ['/login?expired=1', 'Log in'],
    ['/register', 'Register as a patient'],
    ['/no-such-page', 'Page not found'],
  ];
  for (const width of [1280, 360]) {
    for (const [path, heading] of publicPages) {
      it(`${path} has no violations at ${width}px`, async () => {
        const hospital = (await (await fetch(`${suite.server.baseUrl}/api/hospital`)).json()) as { name: string };
        await scanPublicPage(path, heading ?? hospital.name, width);
      });
    }
  }

  it('the registration form with errors beside its fields has no violations', async () => {
    const { page, context } = await openPage(suite.browser, suite.server.baseUrl);
    await page.goto('/register');
    await fillRegistration(page, { name: 'Noor Haddad', email: uniqueEmail('noor'), password: 'qwerty123456' });
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('alert').first().waitFor();
    await expect(page.getByRole('textbox', { name: 'Password', exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    await expectNoViolations(page, 'register with errors');
    await context.close();
  });

  it('the patient dashboard, change-password page and in-app pages have no violations', async () => {
    const { page, context } = await openPage(suite.browser, suite.server.baseUrl);
    await registerPatient(page, { name: 'Sipho Dlamini', email: uniqueEmail('sipho'), password: 'Copper-Meadow-Kettle-58' });
    await expectNoViolations(page, 'patient dashboard');
    await page.getByRole('link', { name: 'Change password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Change password' }).waitFor();
    await expectNoViolations(page, 'change password');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My appointments' }).click();
    await page.getByRole('heading', { level: 1, name: 'My appointments' }).waitFor();
    await expectNoViolations(page, 'placeholder page');
    await page.goto('/app/no-such-page');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await expectNoViolations(page, 'in-app not found');
    await page.setViewportSize({ width: 360, height: 800 });
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).waitFor();
    await expectNoViolations(page, 'patient navigation at 360px');
    await context.close();
  });

  it('the admin dashboard has no violations', async () => {
    const { page, context } = await openPage(suite.browser, suite.server.baseUrl);
    await logInToDashboard(page, ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Admin dashboard' }).waitFor();
    await expectNoViolations(page, 'admin dashboard');
    await context.close();
  });

  for (const role of ['doctor', 'receptionist'] as const) {
    it(`the ${role} dashboard has no violations`, async () => {
      const account = await createStaff(role);
      const { page, context } = await openPage(suite.browser, suite.server.baseUrl);
      await logInToDashboard(page, account.email, account.password, 'Saffron-Bridge-Window-63');
      const title = role === 'doctor' ? 'Doctor dashboard' : 'Receptionist dashboard';
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await expectNoViolations(page, `${role} dashboard`);
      await context.close();
    });
  }
});
