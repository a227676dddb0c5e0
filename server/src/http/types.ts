import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';

/** The Fastify instance every feature registers its routes on. */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route stays usable while the user must still replace a temporary password. */
    allowWithTemporaryPassword?: boolean;
    /** The route stays usable while a staff user must still set up the second factor the hospital requires. */
    allowBeforeSecondFactor?: boolean;
  }
}
