import type { Config } from '../../config.ts';
import { createEmailTransport } from './email.ts';
import type { IcsMethod } from './ics.ts';
import { createSmsProvider } from './sms.ts';

/** Where the worker writes what it does: the app's logger in production. */
export interface DeliveryLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per delivery job, so a receiving server can recognise a repeat. */
  messageId: string;
  invite: { method: IcsMethod; content: string } | null;
}

export interface EmailTransport {
  /** The From mailbox, e.g. `HMS <noreply@hospital.example>`. */
  readonly from: string;
  /** Resolves once the mail server has accepted the message. */
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

export interface SmsMessage {
  to: string;
  body: string;
}

export interface SmsProvider {
  /** Resolves once the provider has accepted the message. */
  send(message: SmsMessage): Promise<void>;
}

/** How deliveries leave the building. `email` is null when no mail server is configured: email jobs are skipped. */
export interface Transports {
  email: EmailTransport | null;
  sms: SmsProvider;
  log: DeliveryLog;
}

/** The transports the configuration asks for; says once, here, when email is switched off. */
export function createTransports(config: Config, log: DeliveryLog): Transports {
  if (!config.smtpUrl || !config.mailFrom) log.info({}, 'HMS_SMTP_URL is not set: email notifications are skipped');
  return {
    email: config.smtpUrl && config.mailFrom ? createEmailTransport(config.smtpUrl, config.mailFrom) : null,
    sms: createSmsProvider(config, log),
    log,
  };
}
