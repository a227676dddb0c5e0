import nodemailer from 'nodemailer';
import type { IcsPerson } from './ics.ts';
import type { EmailTransport, OutgoingEmail } from './transports.ts';

/** "HMS <noreply@hospital.example>" → { name: "HMS", email: "noreply@hospital.example" } */
export function parseMailbox(from: string): IcsPerson {
  const match = /^\s*"?([^"<]*?)"?\s*<([^<>]+)>\s*$/.exec(from);
  if (match) return { name: match[1]?.trim() || 'HMS', email: match[2]?.trim() ?? from };
  return { name: 'HMS', email: from.trim() };
}

/** Email over SMTP with nodemailer; an invite travels as a text/calendar alternative with its METHOD. */
export function createEmailTransport(smtpUrl: string, from: string): EmailTransport {
  const transporter = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
  return {
    from,
    async send(email: OutgoingEmail) {
      await transporter.sendMail({
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
        ...(email.invite ? { icalEvent: { method: email.invite.method, content: email.invite.content, filename: 'invite.ics' } } : {}),
      });
    },
    close: () => transporter.close(),
  };
}
