import { NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '#shared/limits';
import type { RegisterBody } from '../../api/types.ts';
import { isGender } from './genders.ts';

export type RegisterResult =
  | { ok: true; body: RegisterBody }
  | { ok: false; errors: Record<string, string> };

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Checks what the browser can check; the server's rules (common passwords, formats) still apply. */
export function validateRegistration(values: Record<string, string>, today: string): RegisterResult {
  const { name = '', email = '', password = '', dateOfBirth = '', gender = '', phone = '', address = '' } = values;
  const errors: Record<string, string> = {};
  if (!name) errors.name = 'Enter your full name.';
  else if (name.length > NAME_MAX_LENGTH) errors.name = `Use at most ${NAME_MAX_LENGTH} characters.`;
  if (!email) errors.email = 'Enter your email address.';
  else if (!email.includes('@')) errors.email = 'Enter an email address like name@example.com.';
  if (password.length < PASSWORD_MIN_LENGTH) {
    errors.password = `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  } else if (password.length > PASSWORD_MAX_LENGTH) {
    errors.password = `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  } else if (password.toLowerCase() === email.toLowerCase()) {
    errors.password = 'Your password must not be your email address.';
  }
  if (!datePattern.test(dateOfBirth)) errors.dateOfBirth = 'Enter your date of birth.';
  else if (dateOfBirth > today) errors.dateOfBirth = 'Your date of birth cannot be in the future.';
  if (!isGender(gender)) errors.gender = 'Choose an option.';
  if (!phone) errors.phone = 'Enter a phone number.';
  if (Object.keys(errors).length > 0 || !isGender(gender)) return { ok: false, errors };
  const body: RegisterBody = { name, email, password, dateOfBirth, gender, phone };
  if (address) body.address = address;
  return { ok: true, body };
}
