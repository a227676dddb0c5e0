import { createHmac, timingSafeEqual } from 'node:crypto';
import { formatMinor } from '#shared/payments';

/**
 * The offline payment provider: a checkout page served by HMS itself and callbacks signed like a real provider's,
 * `Hms-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, so the whole flow runs without a network.
 */
export const FAKE_SIGNATURE_HEADER = 'hms-signature';
/** A signature older (or newer) than this is refused: a replayed capture goes stale. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export interface FakeEvent {
  id: string;
  type: 'checkout.succeeded' | 'checkout.failed';
  checkoutRef: string;
}

const hmac = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('hex');

export function signFakeEvent(secret: string, rawBody: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmac(secret, `${t}.${rawBody}`)}`;
}

/** True when the header signs exactly this body with the secret, within the tolerance of `now`. */
export function verifyFakeSignature(secret: string, rawBody: Buffer, header: string | undefined, now: Date): boolean {
  if (!header) return false;
  const parts = new Map(header.split(',').map((part) => {
    const at = part.indexOf('=');
    return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
  }));
  const t = Number(parts.get('t'));
  const sent = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(now.getTime() / 1000 - t) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(hmac(secret, `${t}.${rawBody.toString('utf8')}`));
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Parses a verified body; null when it is not a fake provider event. */
export function parseFakeEvent(rawBody: Buffer): FakeEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { id, type, checkoutRef } = value as Record<string, unknown>;
  if (typeof id !== 'string' || typeof checkoutRef !== 'string' || (type !== 'checkout.succeeded' && type !== 'checkout.failed')) return null;
  return { id, type, checkoutRef };
}

/** The token the checkout form carries, so only the page HMS served can submit it. */
export function checkoutToken(secret: string, checkoutRef: string): string {
  return hmac(secret, `checkout:${checkoutRef}`);
}

export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export const checkoutPath = (checkoutRef: string) => `/api/payments/fake/checkout/${encodeURIComponent(checkoutRef)}`;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The built-in checkout page: the amount and two buttons; no card details are asked for. */
export function checkoutPage(input: { hospitalName: string; checkoutRef: string; token: string; amountMinor: number; currency: string; open: boolean }): string {
  const amount = escapeHtml(formatMinor(input.amountMinor, input.currency, 'en-GB'));
  const form = input.open
    ? `<form method="post" action="${escapeHtml(checkoutPath(input.checkoutRef))}">
  <input type="hidden" name="token" value="${escapeHtml(input.token)}">
  <button type="submit" name="outcome" value="pay">Pay ${amount}</button>
  <button type="submit" name="outcome" value="decline">Decline the card</button>
</form>`
    : '<p role="status">This checkout is closed.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Checkout — ${escapeHtml(input.hospitalName)}</title></head>
<body><main>
<h1>Test checkout</h1>
<p>${escapeHtml(input.hospitalName)}: consultation fee <strong>${amount}</strong>.</p>
<p>This is the offline test provider: no card is charged.</p>
${form}
</main></body></html>`;
}
