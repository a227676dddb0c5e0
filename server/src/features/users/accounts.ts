import { randomInt } from 'node:crypto';
import { AppError, invalid } from '../../http/app-error.ts';
import { hashPassword, passwordProblem } from '../auth/passwords.ts';

// No look-alike characters (0/O, 1/l/I): the password is read out or copied by hand.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Four groups of four random characters (about 91 bits). */
export function generateTemporaryPassword(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

export interface TemporaryLogin {
  password: string;
  passwordHash: string;
  /** The password was made here, so the answer shows it once. */
  generated: boolean;
}

/** A temporary password for the email: the one given (checked against the policy, else 400 at `path`) or a new one. */
export async function temporaryLogin(email: string, chosen: string | undefined, path: string): Promise<TemporaryLogin> {
  if (chosen !== undefined) {
    const problem = passwordProblem(chosen, email);
    if (problem) throw invalid(path, problem);
  }
  const password = chosen ?? generateTemporaryPassword();
  return { password, passwordHash: await hashPassword(password), generated: chosen === undefined };
}

export const emailTaken = () =>
  new AppError(409, 'EMAIL_TAKEN', 'An account with this email already exists', [{ path: '/email', message: 'An account with this email already exists' }]);
