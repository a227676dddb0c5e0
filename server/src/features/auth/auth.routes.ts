import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.ts';
import { actorOf, type Actor } from '../../http/actor.ts';
import { Type } from 'typebox';
import { AppError, invalid, unauthorized } from '../../http/app-error.ts';
import { NoContent, problems } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import { changePassword, login, logout, registerPatient, type Client, type SignedIn } from './auth.service.ts';
import { createHashGate } from './hash-gate.ts';
import { Accepted, LoginBody, MfaRequired, MfaVerifyBody, PasswordBody, PasswordResetBody, PasswordResetConfirmBody, RegisterBody, RegistrationPending, Session } from './auth.schemas.ts';
import { mfaRoutes } from './mfa.routes.ts';
import { CHALLENGE_MINUTES, MFA_COOKIE, MFA_METHODS, verifyChallenge } from './mfa.service.ts';
import { confirmPasswordReset, requestPasswordReset, RESET_TOKEN_MINUTES } from './recovery.service.ts';
import { resolveSession, SESSION_COOKIE } from './sessions.ts';
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS, rememberDevice } from './devices.ts';

const clientOf = (request: FastifyRequest): Client => ({
  ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null, abandoned: () => request.socket.destroyed,
  deviceToken: request.cookies[DEVICE_COOKIE],
});

function sessionBody(actor: Actor) {
  return {
    user: {
      id: actor.userId, email: actor.email, name: actor.name, role: actor.role,
      ...(actor.patientId ? { patientId: actor.patientId } : {}),
      ...(actor.doctorId ? { doctorId: actor.doctorId } : {}),
      mustChangePassword: actor.mustChangePassword,
      mustEnrolSecondFactor: actor.mustEnrolSecondFactor ?? false,
    },
    csrfToken: actor.csrfToken,
    idleMinutes: actor.idleMinutes ?? 30,
  };
}

/** Login and register carry no CSRF token: a cross-site form post is refused by its Origin instead. */
export function assertSameOrigin(deps: Deps, request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (!origin) return;
  const allowed = new Set([`${request.protocol}://${request.host}`]);
  if (deps.config.publicUrl) allowed.add(new URL(deps.config.publicUrl).origin);
  if (!allowed.has(origin)) throw new AppError(403, 'ORIGIN_MISMATCH', 'Requests from another site are not accepted');
}

const REGISTRATION_PENDING = 'Check your inbox: we have sent the next step to this email address.';

export function authRoutes(app: App, deps: Deps): void {
  async function signIn(reply: FastifyReply, signedIn: SignedIn, deviceToken: string | undefined) {
    const actor = await resolveSession(deps.db, deps.clock.now(), signedIn.session.token);
    if (!actor) throw new Error('A session just created could not be read back');
    reply.setCookie(SESSION_COOKIE, signedIn.session.token, {
      path: '/', httpOnly: true, sameSite: 'lax', secure: deps.config.secureCookies, expires: signedIn.session.expiresAt,
    });
    const device = await rememberDevice(deps.db, deps.clock.now(), signedIn.userId, deviceToken);
    reply.setCookie(DEVICE_COOKIE, device, {
      path: '/api/auth', httpOnly: true, sameSite: 'strict', secure: deps.config.secureCookies,
      expires: new Date(deps.clock.now().getTime() + DEVICE_COOKIE_DAYS * 86_400_000),
    });
    return sessionBody(actor);
  }

  const loginLimit = { max: deps.config.authRateLimitPerMinute, timeWindow: '1 minute' };
  const hashing = createHashGate(deps.config.passwordHashConcurrency, deps.config.passwordHashQueue);

  app.post('/api/auth/login', {
    config: { allow: 'public', rateLimit: loginLimit },
    schema: { tags: ['auth'], summary: 'Sign in (or, with a second factor, its first step)', body: LoginBody, response: { 200: Type.Union([Session, MfaRequired]), ...problems(400, 401, 403, 429, 503) } },
  }, async (request, reply) => {
    assertSameOrigin(deps, request);
    const result = await login(deps, hashing, clientOf(request), request.body.email, request.body.password);
    if ('mfa' in result) {
      reply.setCookie(MFA_COOKIE, result.mfa.token, {
        path: '/api/auth/mfa', httpOnly: true, sameSite: 'strict', secure: deps.config.secureCookies, expires: result.mfa.expiresAt,
      });
      return { mfaRequired: true as const, methods: [...MFA_METHODS] };
    }
    return signIn(reply, result, request.cookies[DEVICE_COOKIE]);
  });

  app.post('/api/auth/mfa/verify', {
    config: { allow: 'public', rateLimit: loginLimit },
    schema: {
      tags: ['auth'], summary: 'Second step of a sign-in: a code of the authenticator app or a recovery code',
      description: `Needs the hms_mfa cookie of the login answer (valid ${CHALLENGE_MINUTES} minutes, 5 attempts). A code already used is refused (401 MFA_CODE_INVALID).`,
      body: MfaVerifyBody, response: { 200: Session, ...problems(400, 401, 403, 429) },
    },
  }, async (request, reply) => {
    assertSameOrigin(deps, request);
    if (!request.body.code && !request.body.recoveryCode) throw invalid('/code', 'Enter the code of your authenticator app or a recovery code');
    const signedIn = await verifyChallenge(deps, clientOf(request), request.cookies[MFA_COOKIE], request.body);
    reply.clearCookie(MFA_COOKIE, { path: '/api/auth/mfa' });
    return signIn(reply, signedIn, request.cookies[DEVICE_COOKIE]);
  });

  mfaRoutes(app, deps);

  app.post('/api/auth/register', {
    config: { allow: 'public', rateLimit: loginLimit },
    schema: { tags: ['auth'], summary: 'Register as a patient and sign in', body: RegisterBody, response: { 201: Session, 202: RegistrationPending, ...problems(400, 403, 429, 503) } },
  }, async (request, reply) => {
    assertSameOrigin(deps, request);
    const result = await registerPatient(deps, hashing, clientOf(request), request.body);
    if ('alreadyRegistered' in result) return reply.status(202).send({ message: REGISTRATION_PENDING });
    return reply.status(201).send(await signIn(reply, result, request.cookies[DEVICE_COOKIE]));
  });

  app.post('/api/auth/password-reset', {
    config: { allow: 'public', rateLimit: loginLimit },
    schema: {
      tags: ['auth'], summary: 'Ask for a password-reset link (202 whatever the email)',
      description: `If the email belongs to an active account, a single-use link to /reset-password?token=… valid ${RESET_TOKEN_MINUTES} minutes is emailed. Throttled per email and per client address (429).`,
      body: PasswordResetBody, response: { 202: Accepted, ...problems(400, 403, 429) },
    },
  }, async (request, reply) => {
    assertSameOrigin(deps, request);
    await requestPasswordReset(deps, clientOf(request), request.body.email);
    return reply.status(202).send({ message: 'If an account uses this email, a link to choose a new password is on its way.' });
  });

  app.post('/api/auth/password-reset/confirm', {
    config: { allow: 'public', rateLimit: loginLimit },
    schema: {
      tags: ['auth'], summary: 'Choose a new password with a reset link (ends every session)',
      description: 'A used, expired or unknown token answers 400 RESET_TOKEN_INVALID.',
      body: PasswordResetConfirmBody, response: { 204: NoContent, ...problems(400, 403, 429, 503) },
    },
  }, async (request, reply) => {
    assertSameOrigin(deps, request);
    await confirmPasswordReset(deps, hashing, clientOf(request), request.body.token, request.body.newPassword);
    return reply.status(204).send(null);
  });

  app.get('/api/auth/session', {
    config: { allow: 'public', allowWithTemporaryPassword: true, allowBeforeSecondFactor: true },
    schema: { tags: ['auth'], summary: 'The current session', response: { 200: Session, ...problems(401) } },
  }, async (request) => {
    if (!request.actor) throw unauthorized('Not signed in');
    return sessionBody(request.actor);
  });

  app.post('/api/auth/logout', {
    config: { allow: 'signed-in', allowWithTemporaryPassword: true, allowBeforeSecondFactor: true },
    schema: { tags: ['auth'], summary: 'Sign out (revokes the session)', response: { 204: NoContent, ...problems(401, 403) } },
  }, async (request, reply) => {
    await logout(deps, actorOf(request), clientOf(request));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.post('/api/auth/password', {
    config: { allow: 'signed-in', allowWithTemporaryPassword: true, allowBeforeSecondFactor: true, rateLimit: loginLimit },
    schema: { tags: ['auth'], summary: 'Change password (revokes other sessions)', body: PasswordBody, response: { 204: NoContent, ...problems(400, 401, 403, 429, 503) } },
  }, async (request, reply) => {
    await changePassword(deps, hashing, actorOf(request), clientOf(request), request.body.currentPassword, request.body.newPassword);
    return reply.status(204).send(null);
  });
}
