/** Ranges of the hospital settings, shared by the server's validation and the Settings form. */
export const SETTINGS_LIMITS = {
  minNoticeMinutes: { minimum: 0, maximum: 10_080 },
  bookingHorizonDays: { minimum: 1, maximum: 730 },
  cancellationNoticeHours: { minimum: 0, maximum: 720 },
  maxOpenRequestsPerPatient: { minimum: 1, maximum: 50 },
  /** Each reminder: minutes before the appointment (5 minutes to 7 days). */
  reminderOffsetMinutes: { minimum: 5, maximum: 10_080 },
  sessionIdleMinutes: { minimum: 5, maximum: 1440 },
  sessionAbsoluteHours: { minimum: 1, maximum: 720 },
} as const;

/** Reminders a confirmed appointment may have. */
export const REMINDER_OFFSETS_MAX = 4;

export const TAGLINE_MAX_LENGTH = 200;
export const ABOUT_MAX_LENGTH = 5000;
export const OPENING_HOURS_MAX_LENGTH = 1000;
