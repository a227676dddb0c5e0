import type { Deps } from '../../deps.ts';
import { problems } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import { AuditPage, AuditQuery, ChainReport } from './audit.schemas.ts';
import { listAudit, verifyAudit } from './audit.service.ts';

export function auditRoutes(app: App, deps: Deps): void {
  app.get('/api/audit', {
    config: { allow: ['admin'] },
    schema: { tags: ['audit'], summary: 'The audit log, newest first', querystring: AuditQuery, response: { 200: AuditPage, ...problems(400, 401, 403) } },
  }, async (request) => listAudit(deps.db, request.query));

  app.get('/api/audit/verify', {
    config: { allow: ['admin'] },
    schema: { tags: ['audit'], summary: 'Check that the audit hash chain is intact', response: { 200: ChainReport, ...problems(401, 403, 503) } },
  }, async () => verifyAudit(deps.db));
}
