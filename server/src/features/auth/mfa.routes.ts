import { Type } from 'typebox';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/actor.ts';
import { Id, NoContent, problems } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import { confirmTotp, getMfaStatus, resetFactors, startTotpEnrolment } from './mfa.service.ts';

const MfaStatus = Type.Object({
  totp: Type.Boolean({ description: 'An authenticator app is set up and confirmed' }),
  recoveryCodesLeft: Type.Integer({ minimum: 0 }),
});
const TotpEnrolment = Type.Object({
  secret: Type.String({ description: 'Base32 secret, for typing into the app by hand' }),
  otpauthUri: Type.String(),
  qrDataUrl: Type.String({ description: 'PNG data URL of the otpauth URI' }),
});
const TotpConfirmBody = Type.Object({ code: Type.String({ minLength: 6, maxLength: 10 }) }, { additionalProperties: false });
const RecoveryCodes = Type.Object({ recoveryCodes: Type.Array(Type.String(), { description: 'Shown this once; each works once' }) });

export function mfaRoutes(app: App, deps: Deps): void {
  app.get('/api/auth/mfa', {
    config: { allow: 'signed-in', allowBeforeSecondFactor: true },
    schema: { tags: ['auth'], summary: 'Your second factors', response: { 200: MfaStatus, ...problems(401) } },
  }, async (request) => getMfaStatus(deps, actorOf(request)));

  app.post('/api/auth/mfa/totp/enrol', {
    config: { allow: 'signed-in', allowBeforeSecondFactor: true },
    schema: { tags: ['auth'], summary: 'Start setting up an authenticator app (TOTP)', response: { 200: TotpEnrolment, ...problems(401, 403, 409) } },
  }, async (request) => startTotpEnrolment(deps, actorOf(request)));

  app.post('/api/auth/mfa/totp/confirm', {
    config: { allow: 'signed-in', allowBeforeSecondFactor: true },
    schema: {
      tags: ['auth'], summary: 'Confirm the authenticator app with a code; answers the recovery codes',
      body: TotpConfirmBody, response: { 200: RecoveryCodes, ...problems(400, 401, 403, 409) },
    },
  }, async (request) => confirmTotp(deps, actorOf(request), request.ip, request.body.code));

  app.delete('/api/auth/mfa/users/:userId', {
    config: { allow: ['admin'] },
    schema: {
      tags: ['auth'], summary: 'Remove a user\'s second factors (audited)', params: Type.Object({ userId: Id }),
      response: { 204: NoContent, ...problems(401, 403, 404) },
    },
  }, async (request, reply) => {
    await resetFactors(deps, actorOf(request), request.ip, request.params.userId);
    return reply.status(204).send(null);
  });
}
