import type { Deps } from '../../deps.ts';
import { problems } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import { callerOf } from '../patients/access.ts';
import { updateUserAccount } from './user-update.service.ts';
import { User, UserCreateBody, UserCreated, UserPage, UserParams, UserPatchBody, UserQuery } from './users.schemas.ts';
import { createUser, getUser, listUsers } from './users.service.ts';

export function userRoutes(app: App, deps: Deps): void {
  app.get('/api/users', {
    config: { allow: ['admin'] },
    schema: {
      tags: ['users'], summary: 'Search users by name or email, filtered by role and active',
      querystring: UserQuery, response: { 200: UserPage, ...problems(400, 401, 403) },
    },
  }, async (request) => listUsers(deps, request.query));

  app.post('/api/users', {
    config: { allow: ['admin'] },
    schema: {
      tags: ['users'], summary: 'Create a user of any role but doctor (POST /api/doctors), with a temporary password',
      body: UserCreateBody, response: { 201: UserCreated, ...problems(400, 401, 403, 409) },
    },
  }, async (request, reply) => reply.status(201).send(await createUser(deps, callerOf(request), request.body)));

  app.get('/api/users/:id', {
    config: { allow: ['admin'] },
    schema: { tags: ['users'], summary: 'A user', params: UserParams, response: { 200: User, ...problems(401, 403, 404) } },
  }, async (request) => getUser(deps, request.params.id));

  app.patch('/api/users/:id', {
    config: { allow: ['admin'] },
    schema: {
      tags: ['users'], summary: 'Change name or role, deactivate or reactivate, unlock, or set a temporary password',
      description: 'A doctor\'s login is switched off and on with the doctor (DELETE /api/doctors/{id}, POST /api/doctors/{id}/reactivate): 409 DOCTOR_ACCOUNT here.',
      params: UserParams, body: UserPatchBody, response: { 200: User, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request) => updateUserAccount(deps, callerOf(request), request.params.id, request.body));
}
