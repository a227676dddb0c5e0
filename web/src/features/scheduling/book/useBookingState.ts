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

  /** One history entry per step (`push`); choices within a step replace the current entry. */
  function update(changes: BookingChanges, push = false) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === undefined || value === '') next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: !push },
    );
  }

  function setReason(value: string) {
    setReasonState(value);
    writeReason(value);
  }

  /** Forgets every choice: after a booking, or when starting again. */
  function clear() {
    setReasonState('');
    writeReason('');
    setParams(new URLSearchParams(), { replace: true });
  }

  const week = params.get('week');
  return {
    doctorId: params.get('doctor') || null,
    specializationId: params.get('specialization') || null,
    week: week !== null && DATE.test(week) ? week : null,
    start: validInstant(params.get('slot')),
    reviewing: params.get('step') === 'review',
    reason,
    setReason,
    update,
    clear,
  };
}
