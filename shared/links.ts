/** Signed links: what a link may be used for, and who a change made through one is recorded as. */
export const LINK_PURPOSES = ['manage', 'feedback', 'waitlist_offer'] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

/** A history entry's author: a signed-in user, or the patient through a signed link. */
export const HISTORY_ACTOR_KINDS = ['user', 'patient_link'] as const;
export type HistoryActorKind = (typeof HISTORY_ACTOR_KINDS)[number];

/** The audit log's actor role for a change made through a signed link ("patient, by link"). */
export const LINK_ACTOR_ROLE = 'patient_link';
