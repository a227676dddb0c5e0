const BASE = 'https://hms.invalid';
const NEXT_MAX_LENGTH = 2000;

/**
 * Where to go after logging in or registering: the `next` address when it is a page of this site's signed-in
 * area (a path under `/app`), otherwise null. Anything that could lead elsewhere (`//host`, `https://…`,
 * backslashes, `..` out of `/app`) is refused.
 */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || next.length > NEXT_MAX_LENGTH) return null;
  if (!/^\/app(?:[/?#]|$)/.test(next)) return null;
  if (/[\\\s]/.test(next)) return null;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  if (url.pathname !== '/app' && !url.pathname.startsWith('/app/')) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `path` with `?next=…` added when there is a safe place to return to other than the dashboard itself. */
export function withNext(path: string, next: string | null | undefined): string {
  const safe = safeNext(next);
  return safe && safe !== '/app' ? `${path}?next=${encodeURIComponent(safe)}` : path;
}

/** Whether the visitor was on their way to booking an appointment. */
export function isBookingNext(next: string | null | undefined): boolean {
  const safe = safeNext(next);
  return safe !== null && /^\/app\/book(?:[/?#]|$)/.test(safe);
}
