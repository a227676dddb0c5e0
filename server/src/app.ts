import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyServerOptions } from 'fastify';
import type { Deps } from './deps.ts';
import { exportRoutes } from './features/admin/exports.routes.ts';
import { overviewRoutes } from './features/admin/overview.routes.ts';
import { appointmentRoutes } from './features/appointments/appointments.routes.ts';
import { auditExportRoutes } from './features/audit/audit-export.routes.ts';
import { auditRoutes } from './features/audit/audit.routes.ts';
import { authRoutes } from './features/auth/auth.routes.ts';
import { doctorRoutes } from './features/doctors/doctors.routes.ts';
import { documentRoutes } from './features/documents/documents.routes.ts';
import { formularyRoutes } from './features/formulary/formulary.routes.ts';
import { prescriptionRoutes } from './features/prescriptions/prescriptions.routes.ts';
import { healthRoutes } from './features/health/health.routes.ts';
import { historyRoutes } from './features/history/history.routes.ts';
import { hospitalRoutes } from './features/hospital/hospital.routes.ts';
import { settingsRoutes } from './features/hospital/settings.routes.ts';
import { consultationRoutes } from './features/consultations/consultations.routes.ts';
import { manageRoutes } from './features/links/manage.routes.ts';
import { calendarFeedRoutes } from './features/notifications/calendar-feed.routes.ts';
import { deliveryRoutes } from './features/notifications/deliveries.routes.ts';
import { notificationRoutes } from './features/notifications/notifications.routes.ts';
import { patientRoutes } from './features/patients/patients.routes.ts';
import { paymentRoutes } from './features/payments/payments.routes.ts';
import { schedulingRoutes } from './features/scheduling/scheduling.routes.ts';
import { setupRoutes } from './features/setup/setup.routes.ts';
import { specializationRoutes } from './features/specializations/specializations.routes.ts';
import { userRoutes } from './features/users/users.routes.ts';
import { registerAuthHook } from './http/auth-hook.ts';
import { registerDenialAudit } from './http/denial-audit.ts';
import { registerErrorHandler, registerNotFound } from './http/error-handler.ts';
import { registerOpenApi } from './http/openapi.ts';
import { collectRoutes, type DeclaredRoute } from './http/permissions.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerWebApp } from './http/static.ts';
import type { App } from './http/types.ts';
import { registerValidation } from './http/validation.ts';
import { VERSION } from './version.ts';
import './http/actor.ts';

export interface BuiltApp {
  app: App;
  /** Every route with its declared permission (for the test that walks the table). */
  routes: DeclaredRoute[];
}

const LEVEL_WORDS: Record<number, string> = { 40: 'warning: ', 50: 'error: ', 60: 'fatal: ' };

/** Pino's JSON lines as plain text for a person at a terminal: the message, its level when it is a problem, and a stack. */
const textStream = {
  write(line: string) {
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { stack?: string } };
      const stack = entry.err?.stack ? `\n${entry.err.stack}` : '';
      process.stdout.write(`${LEVEL_WORDS[entry.level ?? 0] ?? ''}${entry.msg ?? ''}${stack}\n`);
    } catch {
      process.stdout.write(line);
    }
  },
};

/** A request path with any signed-link or calendar token replaced by [token]. */
export const redactTokens = (path: string): string =>
  path.replace(/^(\/(?:api\/)?(?:manage|feedback)\/)[^/]+/, '$1[token]').replace(/^(\/api\/calendar\/)[^/]+(\.ics)$/, '$1[token]$2');

function loggerOptions(deps: Deps): FastifyServerOptions['logger'] {
  return {
    level: deps.config.logLevel,
    ...(deps.config.logFormat === 'text' ? { stream: textStream } : {}),
    // Query strings can hold search terms (names, phone numbers): log the path only.
    serializers: {
      // Signed-link tokens and calendar-feed tokens are credentials: never written to a log.
      req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: redactTokens(req.url.split('?')[0] ?? ''), id: req.id }),
    },
    redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
  };
}

/** Builds the HTTP app from its dependencies; main.ts listens, tests inject. */
export async function buildApp(deps: Deps, options: { logger?: FastifyServerOptions['logger'] } = {}): Promise<BuiltApp> {
  const app = Fastify({
    logger: options.logger ?? loggerOptions(deps),
    logController: new LogController({ disableRequestLogging: !deps.config.logRequests }),
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1_048_576,
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<TypeBoxTypeProvider>();
  const routes = collectRoutes(app);

  app.removeContentTypeParser('text/plain');
  registerValidation(app);
  registerErrorHandler(app);
  registerSecurityHeaders(app, deps.config.secureCookies);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  registerAuthHook(app, deps);
  registerDenialAudit(app, deps);
  await registerOpenApi(app, VERSION);

  healthRoutes(app, deps);
  authRoutes(app, deps);
  hospitalRoutes(app, deps);
  settingsRoutes(app, deps);
  auditRoutes(app, deps);
  auditExportRoutes(app, deps);
  userRoutes(app, deps);
  patientRoutes(app, deps);
  historyRoutes(app, deps);
  specializationRoutes(app, deps);
  doctorRoutes(app, deps);
  schedulingRoutes(app, deps);
  appointmentRoutes(app, deps);
  paymentRoutes(app, deps);
  notificationRoutes(app, deps);
  calendarFeedRoutes(app, deps);
  deliveryRoutes(app, deps);
  overviewRoutes(app, deps);
  exportRoutes(app, deps);
  documentRoutes(app, deps);
  formularyRoutes(app, deps);
  prescriptionRoutes(app, deps);
  consultationRoutes(app, deps);
  setupRoutes(app, deps);
  manageRoutes(app, deps);

  const fallback = await registerWebApp(app, deps.config.webDir);
  registerNotFound(app, fallback ?? undefined);
  await app.ready();
  return { app, routes };
}
