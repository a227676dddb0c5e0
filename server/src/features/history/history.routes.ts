import type { Deps } from '../../deps.ts';
import { NoContent, problems } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import { callerOf } from '../patients/access.ts';
import {
  EntryParams, HistoryCreateBody, HistoryEntry, HistoryPage, HistoryParams, HistoryPatchBody, HistoryQuery, VersionPage, VersionQuery,
} from './history.schemas.ts';
import { addEntry, changeEntry, listEntryVersions, listHistory, removeEntry } from './history.service.ts';

// Receptionists see demographics, never medical history: the role is refused (403) on every route here.
export function historyRoutes(app: App, deps: Deps): void {
  app.get('/api/patients/:id/history', {
    config: { allow: ['admin', 'doctor', 'patient'] },
    schema: {
      tags: ['history'], summary: "A patient's medical history, newest first (admins under break-glass)",
      params: HistoryParams, querystring: HistoryQuery, response: { 200: HistoryPage, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => listHistory(deps, callerOf(request), request.params.id, request.query));

  app.post('/api/patients/:id/history', {
    config: { allow: ['admin', 'doctor', 'patient'] },
    schema: {
      tags: ['history'], summary: 'Add a history entry (self-reported when the patient adds it)',
      params: HistoryParams, body: HistoryCreateBody, response: { 201: HistoryEntry, ...problems(400, 401, 403, 404) },
    },
  }, async (request, reply) => reply.status(201).send(await addEntry(deps, callerOf(request), request.params.id, request.body)));

  app.patch('/api/patients/:id/history/:entryId', {
    config: { allow: ['admin', 'doctor', 'patient'] },
    schema: {
      tags: ['history'], summary: 'Edit a history entry; the previous content is kept as a version',
      params: EntryParams, body: HistoryPatchBody, response: { 200: HistoryEntry, ...problems(400, 401, 403, 404, 409) },
    },
  }, async (request) => changeEntry(deps, callerOf(request), request.params.id, request.params.entryId, request.body));

  app.delete('/api/patients/:id/history/:entryId', {
    config: { allow: ['admin', 'doctor', 'patient'] },
    schema: {
      tags: ['history'], summary: 'Delete a history entry (kept as a version, hidden from the history)',
      params: EntryParams, response: { 204: NoContent, ...problems(401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    await removeEntry(deps, callerOf(request), request.params.id, request.params.entryId);
    return reply.status(204).send(null);
  });

  app.get('/api/patients/:id/history/:entryId/versions', {
    config: { allow: ['admin', 'doctor'] },
    schema: {
      tags: ['history'], summary: 'Earlier versions of a history entry, newest first (clinicians)',
      params: EntryParams, querystring: VersionQuery, response: { 200: VersionPage, ...problems(400, 401, 403, 404) },
    },
  }, async (request) => listEntryVersions(deps, callerOf(request), request.params.id, request.params.entryId, request.query));
}
