import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '#shared/roles';
import { AppError, forbidden, unauthorized } from './app-error.ts';

/**
 * Who may call a route, declared on every route as `config: { allow }`:
 * 'public' (anyone), 'signed-in' (any role), or the list of roles.
 * A route without a declaration answers 403 to everyone (deny by default).
 */
export type Allow = 'public' | 'signed-in' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    allow?: Allow;
  }
}

// Routes that plugins register (the API explorer, the web app's files) are public by nature.
const FRAMEWORK_PUBLIC = [/^\/api\/docs(\/|$)/, /^\/(?!api\/)/, /^\/$/];

export function isFrameworkPublic(url: string): boolean {
  return FRAMEWORK_PUBLIC.some((pattern) => pattern.test(url));
}

export interface DeclaredRoute {
  method: string | string[];
  url: string;
  allow: Allow | undefined;
}

/** Records every route with its declaration, so a test can walk the table. */
export function collectRoutes(app: FastifyInstance): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as { allow?: Allow };
    if (config.allow === undefined && isFrameworkPublic(route.url)) {
      route.config = { ...config, allow: 'public' };
    }
    routes.push({ method: route.method, url: route.url, allow: (route.config as { allow?: Allow } | undefined)?.allow });
  });
  return routes;
}

/** Throws unless the request's actor passes the route's declaration. */
export function checkPermission(request: FastifyRequest): void {
  const allow = request.routeOptions.config.allow;
  if (allow === 'public') return;
  if (allow === undefined) throw new AppError(403, 'FORBIDDEN', 'This route declares no permission');
  const actor = request.actor;
  if (!actor) throw unauthorized();
  if (allow === 'signed-in') return;
  if (!allow.includes(actor.role)) throw forbidden();
}
