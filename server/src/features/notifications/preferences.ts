import type { Deps } from '../../deps.ts';
import type { Executor } from '../../db/types.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError } from '../../http/app-error.ts';
import { findPreferenceRow, findUserPhone, listPreferenceRows, upsertPreferenceRow } from './preferences.queries.ts';

/** Every kind of notification a user can choose channels for. In-app is always on. */
export const NOTIFICATION_KINDS = [
  'appointment.requested',
  'appointment.booked',
  'appointment.confirmed',
  'appointment.rejected',
  'appointment.cancelled',
  'appointment.rescheduled',
  'appointment.reminder',
  'doctor.deactivated',
  'payment.succeeded',
  'payment.refunded',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface Channels {
  email: boolean;
  sms: boolean;
}

export const DEFAULT_CHANNELS: Readonly<Channels> = Object.freeze({ email: true, sms: false });

/** Other spellings of a kind that some writers use: they share the preference of the canonical kind. */
const KIND_ALIASES: Readonly<Record<string, NotificationKind>> = { appointment_cancelled: 'appointment.cancelled' };

export function canonicalKind(kind: string): string {
  return KIND_ALIASES[kind] ?? kind;
}

/** The channels a notification of this kind goes out on for this user, besides in-app. */
export async function channelsFor(db: Executor, userId: string, kind: string): Promise<Channels> {
  const row = await findPreferenceRow(db, userId, canonicalKind(kind));
  return row ? { email: row.email === 1, sms: row.sms === 1 } : { ...DEFAULT_CHANNELS };
}

export interface PreferenceItem {
  kind: NotificationKind;
  inApp: true;
  email: boolean;
  sms: boolean;
}

export interface PreferencesView {
  /** False when the user has no phone number on record: text messages cannot be switched on. */
  smsAvailable: boolean;
  items: PreferenceItem[];
}

export async function getPreferences(deps: Deps, actor: Actor): Promise<PreferencesView> {
  const [rows, phone] = await Promise.all([listPreferenceRows(deps.db, actor.userId), findUserPhone(deps.db, actor.userId)]);
  const chosen = new Map(rows.map((row) => [row.kind, row]));
  return {
    smsAvailable: phone !== null,
    items: NOTIFICATION_KINDS.map((kind) => {
      const row = chosen.get(kind);
      return { kind, inApp: true, email: row ? row.email === 1 : DEFAULT_CHANNELS.email, sms: row ? row.sms === 1 : DEFAULT_CHANNELS.sms };
    }),
  };
}

export interface PreferenceChange {
  kind: NotificationKind;
  email: boolean;
  sms: boolean;
}

/** Sets the channels of the listed kinds; kinds left out keep theirs. */
export async function updatePreferences(deps: Deps, actor: Actor, changes: PreferenceChange[]): Promise<PreferencesView> {
  const seen = new Set<string>();
  changes.forEach((change, index) => {
    if (seen.has(change.kind)) throw new AppError(400, 'VALIDATION_FAILED', `${change.kind} is listed twice`, [{ path: `/items/${index}/kind`, message: 'is listed twice' }]);
    seen.add(change.kind);
  });
  const smsIndex = changes.findIndex((change) => change.sms);
  if (smsIndex >= 0 && (await findUserPhone(deps.db, actor.userId)) === null) {
    const message = 'Text messages need a phone number on your profile';
    throw new AppError(400, 'VALIDATION_FAILED', message, [{ path: `/items/${smsIndex}/sms`, message }]);
  }
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    for (const change of changes) {
      await upsertPreferenceRow(trx, { user_id: actor.userId, kind: change.kind, email: change.email ? 1 : 0, sms: change.sms ? 1 : 0, updated_at: at });
    }
  });
  return getPreferences(deps, actor);
}
