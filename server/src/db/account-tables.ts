/** Tables of sign-in and account recovery: first-run setup tokens (migration 013), password reset and second factors (011). */

/** A one-time token for creating the first administrator in the browser; only its SHA-256 (hex) is stored. */
export interface SetupTokensTable {
  id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** Migration 011: account recovery, second factors, remembered devices. Ids of token rows are SHA-256 hashes. */
export interface PasswordResetTokensTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface MfaTotpTable {
  user_id: string;
  /** Base32 secret; confirmed_at null until the first code has been verified. */
  secret: string;
  created_at: string;
  confirmed_at: string | null;
  /** The 30-second step of the last accepted code: a code of that step or earlier is refused (no reuse). */
  last_used_step: number | null;
}

export interface MfaRecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface MfaChallengesTable {
  id: string;
  user_id: string;
  /** verify: the password was right, a factor is awaited; enrol: the factor must be set up first. */
  purpose: string;
  created_at: string;
  expires_at: string;
  failures: number;
  used_at: string | null;
}

export interface KnownDevicesTable {
  id: string;
  user_id: string;
  created_at: string;
  last_used_at: string;
}
