/** A `tel:` address for a phone number as people write it (`+44 20 7946 0000` → `tel:+442079460000`). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^+0-9]/g, '')}`;
}

/** A `mailto:` address. */
export function mailtoHref(email: string): string {
  return `mailto:${email}`;
}
