import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';

const HTTP_SMS = { HMS_SMS_PROVIDER: 'http', HMS_SMS_URL: 'https://api.twilio.com/2010-04-01', HMS_SMS_ACCOUNT: 'AC1', HMS_SMS_TOKEN: 'secret', HMS_SMS_FROM: '+15550001111' };

describe('notification configuration', () => {
  it('sends no email and logs text messages by default', () => {
    const config = loadConfig({});
    expect(config.smtpUrl).toBeNull();
    expect(config.mailFrom).toBeNull();
    expect(config.smsProvider).toBe('log');
  });

  it('reads the mail server and the HTTP text-message provider', () => {
    const config = loadConfig({ HMS_SMTP_URL: 'smtp://user:pass@mail.example:587', HMS_MAIL_FROM: 'HMS <noreply@hospital.example>', ...HTTP_SMS });
    expect(config).toMatchObject({ smtpUrl: 'smtp://user:pass@mail.example:587', mailFrom: 'HMS <noreply@hospital.example>', smsProvider: 'http', smsAccount: 'AC1', smsFrom: '+15550001111' });
  });

  it.each([
    [{ HMS_SMTP_URL: 'http://mail.example' , HMS_MAIL_FROM: 'a@b.example' }, 'HMS_SMTP_URL'],
    [{ HMS_SMTP_URL: 'not a url', HMS_MAIL_FROM: 'a@b.example' }, 'HMS_SMTP_URL'],
    [{ HMS_SMTP_URL: 'smtp://mail.example' }, 'HMS_MAIL_FROM'],
    [{ HMS_MAIL_FROM: 'HMS <not an address>' }, 'HMS_MAIL_FROM'],
    [{ HMS_SMS_PROVIDER: 'carrier-pigeon' }, 'HMS_SMS_PROVIDER'],
    [{ HMS_SMS_URL: 'ftp://sms.example' }, 'HMS_SMS_URL'],
    [{ ...HTTP_SMS, HMS_SMS_URL: '' }, 'HMS_SMS_URL'],
    [{ ...HTTP_SMS, HMS_SMS_ACCOUNT: '' }, 'HMS_SMS_ACCOUNT'],
    [{ ...HTTP_SMS, HMS_SMS_TOKEN: '' }, 'HMS_SMS_TOKEN'],
    [{ ...HTTP_SMS, HMS_SMS_FROM: '' }, 'HMS_SMS_FROM'],
  ])('refuses %j naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^${name} `));
  });
});
