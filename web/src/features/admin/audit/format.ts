import { roleLabels } from '../../app/nav.ts';
import type { AuditEntry } from './audit.api.ts';

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** `5 Mar 2026, 09:30:12`: an audit instant in the hospital's zone, to the second. */
export function formatAuditTime(at: string, timeZone: string): string {
  let format = timeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    timeFormats.set(timeZone, format);
  }
  return format.format(new Date(at));
}

/** Who acted, in words: the user's name, or what is known when there is none (start-up, the CLI, an unknown sign-in). */
export function actorName(entry: Pick<AuditEntry, 'actorId' | 'actorName'>): string {
  if (entry.actorName) return entry.actorName;
  return entry.actorId ? 'Unknown user' : 'System or anonymous';
}

export function actorRoleLabel(role: string | null): string | null {
  if (!role) return null;
  return role in roleLabels ? roleLabels[role as keyof typeof roleLabels] : role;
}

/** The entry's details as indented JSON. */
export const detailsText = (details: Record<string, unknown>): string => JSON.stringify(details, null, 2);

/** A break-glass grant, or a read of clinical content under one: flagged in the viewer. */
export const isBreakGlass = (entry: Pick<AuditEntry, 'details'>): boolean => entry.details?.breakGlass === true;
