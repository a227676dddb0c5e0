import type { Deps } from '../../deps.ts';
import { problems } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import { AuditPage, AuditQuery, ChainReport } from './audit.schemas.ts';
import { listAudit, verifyAuditAs } from './audit.service.ts';
import { actorOf } from '../../http/actor.ts';

export function auditRoutes(app: App, deps: Deps): void {
  app.get('/api/audit', {
    config: { allow: ['admin'] },
    schema: { tags: ['audit'], summary: 'The audit log, newest first', querystring: AuditQuery, response: { 200: AuditPage, ...problems(400, 401, 403) } },
  }, async (request) => listAudit(deps, actorOf(request), request.ip ?? null, request.query));

  app.get('/api/audit/verify', {
    config: { allow: ['admin'] },
    schema: { tags: ['audit'], summary: 'Check that the audit hash chain is intact', response: { 200: ChainReport, ...problems(401, 403, 503) } },
  }, async (request) => verifyAuditAs(deps, actorOf(request), request.ip ?? null));
}
