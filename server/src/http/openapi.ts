import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { App } from './types.ts';

/** OpenAPI 3.1 from the route schemas, at /api/openapi.json, and the explorer at /api/docs. */
export async function registerOpenApi(app: App, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'HMS API', version, description: 'Hospital management: people, scheduling, notifications.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'hms_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { allow: 'public' }, schema: { hide: true } }, async () => app.swagger());
}
