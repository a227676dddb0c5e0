import { afterAll, beforeAll } from 'vitest';
import { createReceptionist } from '../features/patients/fixtures.ts';
import { startTestApp, type TestApp, type TestDialect } from './harness.ts';
import { loginAdmin, type Caller } from './http.ts';

export interface StaffApp {
  t: TestApp;
  admin: Caller;
  receptionist: Caller;
}

/**
 * Starts the app before the tests of the describe block it is called in, with the administrator and a
 * receptionist signed in, hands them to `ready`, and closes the app after the tests.
 */
export function withStaffApp(dialect: TestDialect, ready: (started: StaffApp) => void): void {
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    ready({ t, admin: await loginAdmin(t.app), receptionist: await createReceptionist(t) });
  });
  afterAll(async () => {
    await t?.close();
  });
}
