import { NAME_MAX_LENGTH } from '#shared/limits';
import { dateOfBirthProblem, emailProblem, passwordLengthProblem, phoneProblem } from '#shared/rules';
import type { RegisterBody } from '../../api/types.ts';
import { isGender } from './genders.ts';

export type RegisterResult =
  | { ok: true; body: RegisterBody }
  | { ok: false; errors: Record<string, string> };

/** Checks what the browser can check; the server's rules (common passwords, formats) still apply. */
export function validateRegistration(values: Record<string, string>, today: string): RegisterResult {
  const { name = '', email = '', password = '', dateOfBirth = '', gender = '', phone = '', address = '' } = values;
  const errors: Record<string, string> = {};
  if (!name) errors.name = 'Enter your full name.';
  else if (name.length > NAME_MAX_LENGTH) errors.name = `Use at most ${NAME_MAX_LENGTH} characters.`;
  if (!email) errors.email = 'Enter your email address.';
  else if (emailProblem(email)) errors.email = emailProblem(email) ?? '';
  if (passwordLengthProblem(password)) {
    errors.password = passwordLengthProblem(password) ?? '';
  } else if (password.toLowerCase() === email.toLowerCase()) {
    errors.password = 'Your password must not be your email address.';
  }
  if (!dateOfBirth) errors.dateOfBirth = 'Enter your date of birth.';
  else if (dateOfBirthProblem(dateOfBirth, today)) errors.dateOfBirth = dateOfBirthProblem(dateOfBirth, today) ?? '';
  if (!isGender(gender)) errors.gender = 'Choose an option.';
  if (!phone) errors.phone = 'Enter a phone number.';
  else if (phoneProblem(phone)) errors.phone = phoneProblem(phone) ?? '';
  if (Object.keys(errors).length > 0 || !isGender(gender)) return { ok: false, errors };
  const body: RegisterBody = { name, email, password, dateOfBirth, gender, phone };
  if (address) body.address = address;
  return { ok: true, body };
}
