import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_MIN_LENGTH_WITH_MFA } from '#shared/limits';

// OWASP's argon2id parameters (19 MiB, 2 iterations, 1 lane); argon2id is @node-rs/argon2's default algorithm.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * Passwords are compared in Unicode NFKC (NIST SP 800-63B 5.1.1.2): "ﬁ" and "fi", a full-width "Ａ" and "A", or an
 * "é" typed as one or two code points are the same password on every keyboard.
 */
export const normalizePassword = (password: string): string => password.normalize('NFKC');

/** Hashes off the event loop (libuv's thread pool). */
export const hashPassword = (password: string): Promise<string> => hash(normalizePassword(password), OPTIONS);

async function verifyExactly(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Hashes made before passwords were normalised are of the password as typed: that form is tried second. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  const normalized = normalizePassword(password);
  if (await verifyExactly(stored, normalized)) return true;
  return normalized !== password && verifyExactly(stored, password);
}

// A hash of a random password, verified against when the email is unknown so that both answers take as long.
let dummyHash: Promise<string> | null = null;
export function verifyAgainstDummy(password: string): Promise<boolean> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}-${Date.now()}`);
  return dummyHash.then((stored) => verifyPassword(stored, password));
}

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  // The ~49,000 most common passwords of public breach corpora, as zxcvbn-ts ships them.
  common ??= new Set(dictionary['passwords-common'].map((word) => word.toLowerCase()));
  return common;
}

function isTrivial(password: string): boolean {
  if (new Set(password).size <= 2) return true;
  const codes = [...password].map((c) => c.codePointAt(0) ?? 0);
  const step = (codes[1] ?? 0) - (codes[0] ?? 0);
  return Math.abs(step) === 1 && codes.every((code, i) => i === 0 || code - (codes[i - 1] ?? 0) === step);
}

/**
 * NIST SP 800-63B: at least 15 characters for a password that is the only factor, 12 with a second factor; at most
 * 128; no composition rules; not a known common password; not the user's own email.
 */
export function passwordProblem(typed: string, email: string | null, hasSecondFactor = false): string | null {
  const password = normalizePassword(typed);
  const minimum = hasSecondFactor ? PASSWORD_MIN_LENGTH_WITH_MFA : PASSWORD_MIN_LENGTH;
  const length = [...password].length;
  if (length < minimum) return `Use at least ${minimum} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters`;
  const lower = password.toLowerCase();
  // "password1234" and "!!qwerty2026" are a listed password with digits or symbols around it.
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (commonPasswords().has(lower) || commonPasswords().has(core) || isTrivial(password)) return 'This password is too common or predictable; choose another';
  if (email) {
    const address = email.toLowerCase();
    const local = address.split('@')[0] ?? '';
    if (lower === address || (local.length >= 4 && lower === local)) return 'The password must not be your email address';
  }
  return null;
}
