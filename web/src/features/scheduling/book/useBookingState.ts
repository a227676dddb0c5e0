import { useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The booking flow's choices live in the address (?specialization=&doctor=&week=&slot=&step=review) so that Back,
 * Forward and reload land on the same step with the same choices; the typed reason lives in session storage,
 * which keeps it out of the address and of the browser history.
 */

const REASON_KEY = 'hms.book.reason';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Param = 'specialization' | 'doctor' | 'week' | 'slot' | 'step';
export type BookingChanges = Partial<Record<Param, string | null>>;

function readReason(): string {
  try {
    return sessionStorage.getItem(REASON_KEY) ?? '';
  } catch {
    return '';
  }
}

function writeReason(reason: string): void {
  try {
    if (reason === '') sessionStorage.removeItem(REASON_KEY);
    else sessionStorage.setItem(REASON_KEY, reason);
  } catch {
    // Storage may be unavailable (private mode, quota): the reason then lives only in the page.
  }
}

function validInstant(value: string | null): string | null {
  return value !== null && !Number.isNaN(Date.parse(value)) ? value : null;
}

export function useBookingState() {
  const [params, setParams] = useSearchParams();
  const [reason, setReasonState] = useState(readReason);
  // A choice shows at once; the address follows a moment later (and Back or Forward bring its choices back here).
  const [choices, setChoices] = useState(() => new URLSearchParams(params));
  const [seen, setSeen] = useState(() => params.toString());
  if (params.toString() !== seen) {
    setSeen(params.toString());
    setChoices(new URLSearchParams(params));
  }

  /** One history entry per step (`push`); choices within a step replace the current entry. */
  function update(changes: BookingChanges, push = false) {
    const next = new URLSearchParams(choices);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    setChoices(next);
    setParams(next, { replace: !push });
  }

  function setReason(value: string) {
    setReasonState(value);
    writeReason(value);
  }

  /** Forgets every choice: after a booking, or when starting again. */
  function clear() {
    setReasonState('');
    writeReason('');
    setChoices(new URLSearchParams());
    setParams(new URLSearchParams(), { replace: true });
  }

  const week = choices.get('week');
  return {
    doctorId: choices.get('doctor') || null,
    specializationId: choices.get('specialization') || null,
    week: week !== null && week !== undefined && DATE.test(week) ? week : null,
    start: validInstant(choices.get('slot')),
    reviewing: choices.get('step') === 'review',
    reason,
    setReason,
    update,
    clear,
  };
}
