import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/actor.ts';
import { AppError } from '../../http/app-error.ts';
import { problems } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import { READ_ROLES } from '../appointments/policy.ts';
import { FAKE_SIGNATURE_HEADER } from './fake-provider.ts';
import { AppointmentPaymentParams, CheckoutParams, DeskPaymentBody, Payment, ProviderParams, WebhookReceived } from './payments.schemas.ts';
import { getPayment, recordDeskPayment } from './payments.service.ts';
import { fakeCheckoutPage, receiveWebhook, submitFakeCheckout } from './webhook.service.ts';

const tags = ['payments'];

export function paymentRoutes(app: App, deps: Deps): void {
  app.get('/api/appointments/:id/payment', {
    config: { allow: READ_ROLES },
    schema: { tags, summary: 'What was paid and what is due on an appointment', params: AppointmentPaymentParams, response: { 200: Payment, ...problems(401, 403, 404) } },
  }, async (request) => getPayment(deps, actorOf(request), request.params.id, request.ip ?? null));

  app.post('/api/appointments/:id/payments', {
    config: { allow: ['receptionist', 'admin'] },
    schema: {
      tags, summary: 'Record the fee taken at the desk (cash or card terminal)',
      description: 'The amount must be the whole fee as booked. 409 ALREADY_PAID when the appointment is paid; 409 PAYMENT_NOT_DUE when it has no fee or was cancelled.',
      params: AppointmentPaymentParams, body: DeskPaymentBody, response: { 201: Payment, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => reply.status(201).send(await recordDeskPayment(deps, actorOf(request), request.params.id, request.body, request.ip ?? null)));

  // The provider's callbacks and the offline checkout read their bodies raw: the signature is over the exact bytes.
  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    scope.post('/api/payments/webhook/:provider', {
      config: { allow: 'public' },
      schema: {
        tags, summary: 'A payment provider\'s signed callback', params: ProviderParams,
        description: 'The signature header is checked over the raw body; a tampered or stale one answers 400 WEBHOOK_SIGNATURE_INVALID and changes nothing. An event id seen before answers 200 with duplicate: true.',
        response: { 200: WebhookReceived, ...problems(400, 404) },
      },
    }, async (request) => {
      const header = request.headers[FAKE_SIGNATURE_HEADER];
      return receiveWebhook(deps, request.params.provider, bodyBytes(request.body), typeof header === 'string' ? header : undefined);
    });

    scope.get('/api/payments/fake/checkout/:ref', {
      config: { allow: 'public' },
      schema: { tags, summary: 'The offline provider\'s checkout page (HMS_PAYMENT_PROVIDER=fake)', params: CheckoutParams },
    }, async (request, reply) => reply.type('text/html; charset=utf-8').send(await fakeCheckoutPage(deps, request.params.ref)));

    scope.post('/api/payments/fake/checkout/:ref', {
      config: { allow: 'public' },
      schema: { tags, summary: 'The offline checkout\'s form: pays or declines, then sends the browser back', params: CheckoutParams, response: { ...problems(400, 404) } },
    }, async (request, reply) => {
      const form = new URLSearchParams(bodyBytes(request.body).toString('utf8'));
      const back = await submitFakeCheckout(deps, request.params.ref, form.get('token') ?? '', form.get('outcome') ?? '');
      return reply.redirect(back, 303);
    });
  });
}

function bodyBytes(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  if (body === undefined || body === null) return Buffer.alloc(0);
  throw new AppError(400, 'VALIDATION_FAILED', 'Send the body as bytes');
}
