import { NAME_MAX_LENGTH } from '#shared/limits';
import { emailProblem, passwordLengthProblem } from '#shared/rules';
import type { FieldErrors } from '../people/shared/errors.ts';

export interface FirstAdminValues {
  token: string;
  name: string;
  email: string;
  password: string;
}

/** Checks what the browser can with the shared rules; the server also refuses common passwords. */
export function readFirstRunForm(form: Record<string, string>): { ok: true; values: FirstAdminValues } | { ok: false; errors: FieldErrors } {
  const { token = '', name = '', email = '', password = '' } = form;
  const errors: FieldErrors = {};
  if (!token) errors.token = 'Enter the setup token printed in the server log.';
  if (!name) errors.name = 'Enter your full name.';
  else if (name.length > NAME_MAX_LENGTH) errors.name = `Use at most ${NAME_MAX_LENGTH} characters.`;
  if (!email) errors.email = 'Enter the email you will sign in with.';
  else if (emailProblem(email)) errors.email = emailProblem(email) ?? '';
  if (passwordLengthProblem(password)) errors.password = passwordLengthProblem(password) ?? '';
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, values: { token, name, email, password } };
}

/** The token from the link printed at start-up (`/setup#token=…`; a fragment never reaches server logs). */
export function tokenFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}
