import type { paths } from './schema.gen.ts';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Session = JsonOf<paths['/api/auth/session']['get']['responses'][200]>;
export type SessionUser = Session['user'];
export type Role = SessionUser['role'];
export type Hospital = JsonOf<paths['/api/hospital']['get']['responses'][200]>;
export type RegisterBody = JsonOf<paths['/api/auth/register']['post']['requestBody']>;
