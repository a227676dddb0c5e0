import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAME_MAX_LENGTH } from '#shared/limits';
import { MESSAGES } from '#shared/rules';
import { walkIn } from '../features/patients/fixtures.ts';
import { dialectsUnderTest, startTestApp, type TestApp } from '../test/harness.ts';
import { call, loginAdmin, registration, type Caller } from '../test/http.ts';

describe.each(dialectsUnderTest())('validation messages on %s', (dialect) => {
  let t: TestApp;
  let admin: Caller;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await loginAdmin(t.app);
  });
  afterAll(async () => {
    await t?.close();
  });

  const register = (body: Record<string, unknown>) => call(t.app, { method: 'POST', url: '/api/auth/register', body });

  it('a bad phone and a bad email are each explained in a sentence about that field, all at once (400)', async () => {
    const response = await register(registration({ phone: 'call me maybe', email: 'ana-at-example' }));
    expect(response.status).toBe(400);
    expect(response.json.code).toBe('VALIDATION_FAILED');
    expect(response.json.errors).toEqual(expect.arrayContaining([
      { path: '/phone', message: 'Enter a phone number using digits, spaces and + ( ) - . /' },
      { path: '/email', message: 'Enter an email address like name@example.org' },
    ]));
    expect(response.json.errors).toHaveLength(2);
    expect(response.json.detail).toBe('2 fields need correcting: Enter an email address like name@example.org; Enter a phone number using digits, spaces and + ( ) - . /');
  });

  it('every rule a person can break reads as a sentence naming the field, never schema text', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...registration(), name: undefined }, '/name', 'Enter the name; it is required'],
      [registration({ name: '   ' }), '/name', 'Enter the name; it cannot be only spaces'],
      [registration({ name: 'x'.repeat(NAME_MAX_LENGTH + 1) }), '/name', `The name must be at most ${NAME_MAX_LENGTH} characters long`],
      [registration({ phone: '12' }), '/phone', 'The phone number must be at least 3 characters long'],
      [registration({ dateOfBirth: '1990-02-30' }), '/dateOfBirth', 'Enter the date of birth as a real calendar date (YYYY-MM-DD)'],
      [registration({ dateOfBirth: '2999-01-01' }), '/dateOfBirth', MESSAGES.dateOfBirthFuture],
      [registration({ dateOfBirth: '1850-01-01' }), '/dateOfBirth', MESSAGES.dateOfBirthEarly],
      [registration({ gender: 'unknown' }), '/gender', 'Choose the gender from: female, male, other, undisclosed'],
      [registration({ role: 'admin' }), '/role', '"role" is not a field that can be sent here'],
      [registration({ password: 'short' }), '/password', MESSAGES.passwordShort],
      [registration({ phone: 34600123456 }), '/phone', 'The phone number must be text'],
    ];
    for (const [body, path, message] of cases) {
      const response = await register(body);
      expect(response.status, path).toBe(400);
      expect(response.json.errors, JSON.stringify(body).slice(0, 80)).toContainEqual({ path, message });
      expect(JSON.stringify(response.json)).not.toMatch(/must match|must NOT|format "|\^\[|"message":"is /);
    }
  });

  it("front-desk forms get the same sentences, nested fields named as the person reads them", async () => {
    const response = await call(t.app, {
      method: 'POST', url: '/api/patients', as: admin,
      body: walkIn({ emergencyContact: { name: 'Ana', phone: 'ext. twelve' }, bloodGroup: 'C+', email: 'nobody@' }),
    });
    expect(response.status).toBe(400);
    expect(response.json.errors).toEqual(expect.arrayContaining([
      { path: '/emergencyContact/phone', message: MESSAGES.phone },
      { path: '/bloodGroup', message: expect.stringMatching(/^Choose the blood group from: A\+, /) },
      { path: '/email', message: MESSAGES.email },
    ]));
  });
});
