import type { Role } from '#shared/roles';

/** Who is making the request: resolved from the session cookie. */
export interface Actor {
  userId: string;
  role: Role;
  email: string;
  name: string;
  patientId: string | null;
  doctorId: string | null;
  sessionId: string;
  csrfToken: string;
  mustChangePassword: boolean;
  /** A staff user of a hospital that requires a second factor, without one yet: only enrolment is open. */
  mustEnrolSecondFactor?: boolean;
  /** The hospital's idle sign-out limit, for the web's warning. */
  idleMinutes?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The signed-in actor of a route that requires one (the permission hook has already refused anonymous callers). */
export function actorOf(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw new Error('actorOf called on a route that allows anonymous callers');
  return request.actor;
}
