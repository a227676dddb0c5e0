import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { SETTINGS_LIMITS } from '#shared/settings';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export type SmsProviderName = 'log' | 'http';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** A postgres:// URL, or null for the embedded SQLite database in dataDir. */
  readonly databaseUrl: string | null;
  readonly adminEmail: string | null;
  readonly adminPassword: string | null;
  readonly publicUrl: string | null;
  readonly secureCookies: boolean;
  readonly logLevel: LogLevel;
  /** `text`: one plain line per message (the default on a terminal); `json`: pino's JSON lines (the default otherwise). */
  readonly logFormat: 'text' | 'json';
  /** A log line per request (the default when the output is not a terminal). */
  readonly logRequests: boolean;
  readonly timeZone: string;
  /** Seeds the settings' session idle timeout on first start; afterwards it is changed in Settings. */
  readonly sessionIdleMinutes: number;
  /** Seeds the settings' absolute session lifetime on first start; afterwards it is changed in Settings. */
  readonly sessionAbsoluteHours: number;
  readonly trustProxy: boolean;
  /** Sign-in and registration requests allowed per client address per minute. */
  readonly authRateLimitPerMinute: number;
  /** Password hashes (argon2id) computed at once; more wait in a queue of at most passwordHashQueue, then 503. */
  readonly passwordHashConcurrency: number;
  readonly passwordHashQueue: number;
  readonly webDir: string;
  /** smtp:// or smtps:// URL of the mail server; null: email deliveries are skipped. */
  readonly smtpUrl: string | null;
  /** The From address of emails, e.g. `HMS <noreply@hospital.example>`; set whenever smtpUrl is. */
  readonly mailFrom: string | null;
  /** `log` writes text messages to the app log; `http` posts them to a Twilio-compatible API. */
  readonly smsProvider: SmsProviderName;
  readonly smsUrl: string | null;
  readonly smsAccount: string | null;
  readonly smsToken: string | null;
  readonly smsFrom: string | null;
  /** HMS_AUDIT_KEY: the audit chain's HMAC key itself (at least 32 characters), or null to use auditKeyFile. */
  readonly auditKey: string | null;
  /**
   * HMS_AUDIT_KEY_FILE: the file holding the audit key; by default `audit.key` in the data directory with SQLite,
   * created (mode 0600) on first start. With PostgreSQL there is no default: set HMS_AUDIT_KEY or this.
   */
  readonly auditKeyFile: string | null;
  /** How long a claimed delivery job belongs to its process; renewed while it is worked on, so a dead process's jobs return within this. */
  readonly deliveryLeaseSeconds: number;
  /** Emails (and, separately, text messages) one process sends at once. */
  readonly deliveryConcurrency: number;
  /** How often the delivery worker looks for due jobs. */
  readonly deliveryIntervalSeconds: number;
  /** HMS_PAYMENT_PROVIDER: `fake` (offline: a built-in checkout page and signed callbacks). */
  readonly paymentProvider: 'fake';
  /** HMS_PAYMENT_WEBHOOK_SECRET: signs and checks the payment provider's callbacks; random per process when unset. */
  readonly paymentWebhookSecret: string;
}

export class ConfigError extends Error {}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

type Env = Record<string, string | undefined>;

function text(env: Env, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return Number(raw);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const MAILBOX = /^[^\s@<>]+@[^\s@<>]+$/;

function urlOrNull(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function mailSettings(env: Env): Pick<Config, 'smtpUrl' | 'mailFrom'> {
  const smtpUrl = text(env, 'HMS_SMTP_URL');
  if (smtpUrl !== null) {
    const parsed = urlOrNull(smtpUrl);
    if (!parsed || (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') || !parsed.hostname) {
      throw new ConfigError('HMS_SMTP_URL must be an smtp:// or smtps:// URL such as smtp://user:pass@mail.example:587 (leave it unset to send no email)');
    }
  }
  const mailFrom = text(env, 'HMS_MAIL_FROM');
  if (mailFrom !== null) {
    const address = /<([^<>]*)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom;
    if (!MAILBOX.test(address.trim())) {
      throw new ConfigError(`HMS_MAIL_FROM must be an email address, optionally with a name: "HMS <noreply@hospital.example>" (got "${mailFrom}")`);
    }
  }
  if (smtpUrl !== null && mailFrom === null) throw new ConfigError('HMS_MAIL_FROM must be set when HMS_SMTP_URL is');
  return { smtpUrl, mailFrom };
}

function smsSettings(env: Env): Pick<Config, 'smsProvider' | 'smsUrl' | 'smsAccount' | 'smsToken' | 'smsFrom'> {
  const provider = text(env, 'HMS_SMS_PROVIDER') ?? 'log';
  if (provider !== 'log' && provider !== 'http') throw new ConfigError(`HMS_SMS_PROVIDER must be log or http (got "${provider}")`);
  const smsUrl = text(env, 'HMS_SMS_URL');
  if (smsUrl !== null) {
    const protocol = urlOrNull(smsUrl)?.protocol;
    if (protocol !== 'http:' && protocol !== 'https:') {
      throw new ConfigError(`HMS_SMS_URL must be an http(s) URL such as https://api.twilio.com/2010-04-01 (got "${smsUrl}")`);
    }
  }
  const settings = {
    smsProvider: provider,
    smsUrl,
    smsAccount: text(env, 'HMS_SMS_ACCOUNT'),
    smsToken: env['HMS_SMS_TOKEN'] ? env['HMS_SMS_TOKEN'] : null,
    smsFrom: text(env, 'HMS_SMS_FROM'),
  } as const;
  if (provider === 'http') {
    for (const [name, value] of [['HMS_SMS_URL', settings.smsUrl], ['HMS_SMS_ACCOUNT', settings.smsAccount], ['HMS_SMS_TOKEN', settings.smsToken], ['HMS_SMS_FROM', settings.smsFrom]] as const) {
      if (value === null) throw new ConfigError(`${name} must be set when HMS_SMS_PROVIDER is http`);
    }
  }
  return settings;
}

/** Reads the environment once into a frozen Config; a bad value throws a ConfigError naming the variable. */
export function loadConfig(env: Env = process.env, cwd = process.cwd(), terminal = process.stdout.isTTY === true): Config {
  const databaseUrl = text(env, 'DATABASE_URL');
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// URL (leave it unset to use the embedded SQLite database)');
  }
  const publicUrl = text(env, 'HMS_PUBLIC_URL');
  if (publicUrl !== null) {
    let parsed: URL;
    try {
      parsed = new URL(publicUrl);
    } catch {
      throw new ConfigError(`HMS_PUBLIC_URL must be an absolute http(s) URL (got "${publicUrl}")`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new ConfigError(`HMS_PUBLIC_URL must start with http:// or https:// (got "${publicUrl}")`);
    }
  }
  const logLevel = (text(env, 'HMS_LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`HMS_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }
  const logFormat = text(env, 'HMS_LOG_FORMAT') ?? (terminal ? 'text' : 'json');
  if (logFormat !== 'text' && logFormat !== 'json') throw new ConfigError(`HMS_LOG_FORMAT must be text or json (got "${logFormat}")`);
  const logRequests = text(env, 'HMS_LOG_REQUESTS') ?? String(!terminal);
  if (logRequests !== 'true' && logRequests !== 'false') throw new ConfigError(`HMS_LOG_REQUESTS must be true or false (got "${logRequests}")`);
  const adminEmail = text(env, 'HMS_ADMIN_EMAIL');
  const adminPassword = env['HMS_ADMIN_PASSWORD'] ? env['HMS_ADMIN_PASSWORD'] : null;
  if ((adminEmail === null) !== (adminPassword === null)) {
    throw new ConfigError('HMS_ADMIN_EMAIL and HMS_ADMIN_PASSWORD must be set together');
  }
  const timeZone = text(env, 'HMS_TIME_ZONE') ?? 'UTC';
  if (!isTimeZone(timeZone)) {
    throw new ConfigError(`HMS_TIME_ZONE must be an IANA time zone such as Europe/London (got "${timeZone}")`);
  }
  const host = text(env, 'HOST') ?? '127.0.0.1';
  const trustProxy = text(env, 'HMS_TRUST_PROXY');
  if (trustProxy !== null && trustProxy !== 'true' && trustProxy !== 'false') {
    throw new ConfigError(`HMS_TRUST_PROXY must be true or false (got "${trustProxy}")`);
  }
  const dataDir = path.resolve(cwd, text(env, 'HMS_DATA_DIR') ?? './data');
  const audit = auditKeySettings(env, cwd, dataDir, databaseUrl);
  return Object.freeze({
    port: integer(env, 'PORT', 3000, 0, 65535),
    host,
    dataDir,
    databaseUrl,
    adminEmail,
    adminPassword,
    publicUrl,
    secureCookies: publicUrl?.startsWith('https://') ?? false,
    logLevel,
    logFormat,
    logRequests: logRequests === 'true',
    timeZone,
    sessionIdleMinutes: integer(env, 'HMS_SESSION_IDLE_MINUTES', 30, SETTINGS_LIMITS.sessionIdleMinutes.minimum, SETTINGS_LIMITS.sessionIdleMinutes.maximum),
    sessionAbsoluteHours: integer(env, 'HMS_SESSION_ABSOLUTE_HOURS', 12, SETTINGS_LIMITS.sessionAbsoluteHours.minimum, SETTINGS_LIMITS.sessionAbsoluteHours.maximum),
    trustProxy: trustProxy === 'true',
    authRateLimitPerMinute: integer(env, 'HMS_AUTH_RATE_LIMIT', 30, 1, 1_000_000),
    // One core is left to the event loop, so a storm of sign-ins cannot hold up every other request.
    passwordHashConcurrency: integer(env, 'HMS_PASSWORD_HASH_CONCURRENCY', Math.max(1, os.availableParallelism() - 1), 1, 256),
    passwordHashQueue: integer(env, 'HMS_PASSWORD_HASH_QUEUE', 64, 0, 100_000),
    webDir: path.resolve(cwd, text(env, 'HMS_WEB_DIR') ?? './dist/web'),
    ...mailSettings(env),
    ...smsSettings(env),
    ...audit,
    deliveryLeaseSeconds: integer(env, 'HMS_DELIVERY_LEASE_SECONDS', 20, 2, 3600),
    deliveryConcurrency: integer(env, 'HMS_DELIVERY_CONCURRENCY', 4, 1, 64),
    deliveryIntervalSeconds: integer(env, 'HMS_DELIVERY_INTERVAL_SECONDS', 5, 1, 3600),
    ...paymentSettings(env),
  });
}

function paymentSettings(env: Env): Pick<Config, 'paymentProvider' | 'paymentWebhookSecret'> {
  const provider = text(env, 'HMS_PAYMENT_PROVIDER') ?? 'fake';
  if (provider !== 'fake') throw new ConfigError(`HMS_PAYMENT_PROVIDER must be fake (got "${provider}")`);
  const secret = text(env, 'HMS_PAYMENT_WEBHOOK_SECRET');
  if (secret !== null && secret.length < 32) throw new ConfigError('HMS_PAYMENT_WEBHOOK_SECRET must be at least 32 characters long (e.g. `openssl rand -hex 32`)');
  return { paymentProvider: provider, paymentWebhookSecret: secret ?? randomBytes(32).toString('hex') };
}

function auditKeySettings(env: Env, cwd: string, dataDir: string, databaseUrl: string | null): { auditKey: string | null; auditKeyFile: string | null } {
  const key = env['HMS_AUDIT_KEY'] ? env['HMS_AUDIT_KEY'] : null;
  const file = text(env, 'HMS_AUDIT_KEY_FILE');
  if (key !== null && file !== null) throw new ConfigError('Set HMS_AUDIT_KEY or HMS_AUDIT_KEY_FILE, not both');
  if (key !== null && key.length < 32) throw new ConfigError('HMS_AUDIT_KEY must be at least 32 characters long (e.g. `openssl rand -hex 32`)');
  if (key !== null) return { auditKey: key, auditKeyFile: null };
  if (file !== null) return { auditKey: null, auditKeyFile: path.resolve(cwd, file) };
  return { auditKey: null, auditKeyFile: databaseUrl ? null : path.join(dataDir, 'audit.key') };
}
