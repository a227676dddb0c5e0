/** The statuses of an appointment and the actions that move it: one list for the database, the server and the web. */
export const APPOINTMENT_STATUSES = ['requested', 'confirmed', 'rejected', 'cancelled', 'completed', 'no_show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** Requested and confirmed appointments hold their time; the others are finished. */
export const ACTIVE_STATUSES: readonly AppointmentStatus[] = ['requested', 'confirmed'];

export const TRANSITION_ACTIONS = ['confirm', 'reject', 'cancel', 'reschedule', 'complete', 'no_show'] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];
