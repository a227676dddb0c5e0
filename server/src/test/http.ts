import type { App } from '../http/types.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './harness.ts';

export interface Caller {
  cookie: string;
  csrfToken: string;
  userId: string;
  patientId?: string;
}

export interface Call {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  as?: Caller | null;
  body?: unknown;
  headers?: Record<string, string>;
  /** Leave out the CSRF header even though a session is used. */
  noCsrf?: boolean;
}

/** One request through app.inject, as a signed-in caller (cookie + CSRF token) or anonymously. */
export async function call(app: App, { method = 'GET', url, as, body, headers = {}, noCsrf }: Call) {
  const all: Record<string, string> = { ...headers };
  if (as) {
    all['cookie'] = as.cookie;
    if (!noCsrf && method !== 'GET') all['x-csrf-token'] = as.csrfToken;
  }
  const response = await app.inject({ method, url, headers: all, ...(body === undefined ? {} : { payload: body as object }) });
  const text = response.body;
  const json = text && response.headers['content-type']?.toString().includes('json') ? JSON.parse(text) : undefined;
  return { status: response.statusCode, headers: response.headers, json, text };
}

function callerFrom(response: Awaited<ReturnType<typeof call>>): Caller {
  const setCookie = response.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  if (response.status >= 300 || !raw) throw new Error(`sign-in failed: ${response.status} ${response.text}`);
  return {
    cookie: raw.split(';')[0] ?? '',
    csrfToken: response.json.csrfToken,
    userId: response.json.user.id,
    ...(response.json.user.patientId ? { patientId: response.json.user.patientId } : {}),
  };
}

let counter = 0;
export const uniqueEmail = (prefix = 'patient') => `${prefix}.${Date.now().toString(36)}.${counter++}@example.test`;

export function registration(overrides: Record<string, unknown> = {}) {
  return {
    email: uniqueEmail(),
    password: 'a long enough passphrase',
    name: 'Ada Lovelace',
    dateOfBirth: '1990-12-10',
    gender: 'female',
    phone: '+44 20 7946 0000',
    address: '12 St James Square, London',
    ...overrides,
  };
}

export async function registerPatient(app: App, overrides: Record<string, unknown> = {}): Promise<Caller & { email: string; password: string }> {
  const body = registration(overrides);
  const response = await call(app, { method: 'POST', url: '/api/auth/register', body });
  return { ...callerFrom(response), email: body.email as string, password: body.password as string };
}

export async function login(app: App, email: string, password: string): Promise<Caller> {
  return callerFrom(await call(app, { method: 'POST', url: '/api/auth/login', body: { email, password } }));
}

export const loginAdmin = (app: App) => login(app, ADMIN_EMAIL, ADMIN_PASSWORD);
