import type { Config } from '../../config.ts';
import type { DeliveryLog, SmsMessage, SmsProvider } from './transports.ts';

/** Writes each message to the app log instead of sending it (development, or no provider yet). */
export function logSmsProvider(log: DeliveryLog): SmsProvider {
  return {
    async send(message: SmsMessage) {
      log.info({ to: message.to, body: message.body }, 'text message (HMS_SMS_PROVIDER=log: not sent)');
    },
  };
}

export interface HttpSmsSettings {
  url: string;
  account: string;
  token: string;
  from: string;
  /** Milliseconds before a request is given up. */
  timeoutMs?: number;
}

/** A Twilio-compatible API: POST {url}/Accounts/{account}/Messages.json, form-encoded To/From/Body, basic auth. */
export function httpSmsProvider(settings: HttpSmsSettings): SmsProvider {
  const endpoint = `${settings.url.replace(/\/$/, '')}/Accounts/${encodeURIComponent(settings.account)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${settings.account}:${settings.token}`).toString('base64')}`;
  return {
    async send(message: SmsMessage) {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ To: message.to, From: settings.from, Body: message.body }).toString(),
        signal: AbortSignal.timeout(settings.timeoutMs ?? 15_000),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`SMS provider answered ${response.status}: ${text.slice(0, 200)}`);
    },
  };
}

export function createSmsProvider(config: Config, log: DeliveryLog): SmsProvider {
  if (config.smsProvider === 'http' && config.smsUrl && config.smsAccount && config.smsToken && config.smsFrom) {
    return httpSmsProvider({ url: config.smsUrl, account: config.smsAccount, token: config.smsToken, from: config.smsFrom });
  }
  return logSmsProvider(log);
}
