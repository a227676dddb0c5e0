/**
 * Automatic sign-out counts only the user's own actions. A key press or a pointer press marks activity; the next
 * request after it counts as activity on the server, every other request (polls, refetches) is sent as a
 * background request (`X-HMS-Background: 1`) and does not extend the session's idle time.
 */
export const BACKGROUND_HEADER = 'X-HMS-Background';

// Opening or reloading a page is the user's own action.
let lastActivity = Date.now();
let lastExtended = 0;

export function markActivity(): void {
  lastActivity = Date.now();
}

/** True when this request carries the user's activity to the server (and records that it did). */
export function takeActivity(): boolean {
  if (lastActivity <= lastExtended) return false;
  lastExtended = Date.now();
  return true;
}

/** The user acted since the server was last told. */
export const activityPending = (): boolean => lastActivity > lastExtended;

/** When the server last saw the user's activity (its idle clock starts there). */
export const lastExtendedAt = (): number => lastExtended;

export function listenForActivity(): () => void {
  const options = { capture: true, passive: true } as const;
  window.addEventListener('pointerdown', markActivity, options);
  window.addEventListener('keydown', markActivity, options);
  return () => {
    window.removeEventListener('pointerdown', markActivity, options);
    window.removeEventListener('keydown', markActivity, options);
  };
}
