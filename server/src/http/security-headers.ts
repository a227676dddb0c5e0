import type { App } from './types.ts';

const POLICY: [string, string[]][] = [
  ['default-src', ["'self'"]],
  ['base-uri', ["'self'"]],
  ['font-src', ["'self'", 'data:']],
  ['form-action', ["'self'"]],
  ['frame-ancestors', ["'none'"]],
  ['img-src', ["'self'", 'data:', 'blob:']],
  ['object-src', ["'none'"]],
  ['script-src', ["'self'"]],
  ['script-src-attr', ["'none'"]],
  ['style-src', ["'self'", "'unsafe-inline'"]],
  ['connect-src', ["'self'"]],
];

/**
 * The security headers of every answer (helmet's defaults with our content security policy). Behind HTTPS
 * (secure cookies) browsers are also told to stay on HTTPS and to upgrade any plain-HTTP request.
 */
export function securityHeaders(secure: boolean): [string, string][] {
  const policy = POLICY.map(([name, sources]) => `${name} ${sources.join(' ')}`);
  if (secure) policy.splice(policy.length - 1, 0, 'upgrade-insecure-requests');
  return [
    ['Content-Security-Policy', policy.join(';')],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    ['Origin-Agent-Cluster', '?1'],
    ['Referrer-Policy', 'no-referrer'],
    ...(secure ? [['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'] as [string, string]] : []),
    ['X-Content-Type-Options', 'nosniff'],
    ['X-DNS-Prefetch-Control', 'off'],
    ['X-Download-Options', 'noopen'],
    // The CSP's frame-ancestors 'none' says the same to browsers that read it; older ones read only this.
    ['X-Frame-Options', 'DENY'],
    ['X-Permitted-Cross-Domain-Policies', 'none'],
    ['X-XSS-Protection', '0'],
  ];
}

/**
 * Sets the security headers on every answer from a table built once at start-up (a route may still set its
 * own). @fastify/helmet built the whole helmet middleware again, policy parsing included, for every request.
 */
export function registerSecurityHeaders(app: App, secure: boolean): void {
  const headers = securityHeaders(secure);
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}
