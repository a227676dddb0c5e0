import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/actor.ts';
import { problems } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import {
  CreateSpecializationBody,
  Specialization,
  SpecializationList,
  SpecializationListQuery,
  SpecializationParams,
  UpdateSpecializationBody,
} from './specializations.schemas.ts';
import { createSpecialization, listSpecializationsFor, updateSpecialization } from './specializations.service.ts';

export function specializationRoutes(app: App, deps: Deps): void {
  app.get('/api/specializations', {
    config: { allow: 'public' },
    schema: {
      tags: ['people'], summary: 'The specializations doctors can have (active ones; administrators may ask for all)',
      querystring: SpecializationListQuery, response: { 200: SpecializationList, ...problems(400, 401, 403) },
    },
  }, async (request) => listSpecializationsFor(deps.db, request.actor, request.query.all === true));

  app.post('/api/specializations', {
    config: { allow: ['admin'] },
    schema: {
      tags: ['people'], summary: 'Add a specialization', body: CreateSpecializationBody,
      response: { 201: Specialization, ...problems(400, 401, 403, 409) },
    },
  }, async (request, reply) => {
    const created = await createSpecialization(deps, actorOf(request), request.ip, request.body);
    return reply.status(201).send(created);
  });

  app.patch('/api/specializations/:id', {
    config: { allow: ['admin'] },
    schema: {
      tags: ['people'], summary: 'Rename, describe, retire or restore a specialization', params: SpecializationParams,
      body: UpdateSpecializationBody, response: { 200: Specialization, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request) => updateSpecialization(deps, actorOf(request), request.ip, request.params.id, request.body));
}
