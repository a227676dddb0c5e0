import { Type } from 'typebox';
import { CsvFile, sendCsv } from '../../csv-export.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/actor.ts';
import { problems } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import { exportAuditCsv } from './audit-export.service.ts';
import { AuditQuery } from './audit.schemas.ts';

const { limit: _limit, cursor: _cursor, ...filters } = AuditQuery.properties;

/** The filters of GET /api/audit, without paging. */
export const AuditExportQuery = Type.Object(filters, { additionalProperties: false });

export function auditExportRoutes(app: App, deps: Deps): void {
  app.get('/api/audit/export.csv', {
    config: { allow: ['admin'] },
    schema: {
      tags: ['audit'],
      summary: 'Every audit row matching the filters, as CSV (newest first, at most 100 000 rows)',
      querystring: AuditExportQuery,
      response: { 200: CsvFile, ...problems(400, 401, 403) },
    },
  }, async (request, reply) => {
    const file = await exportAuditCsv(deps, actorOf(request), request.ip, request.query);
    return sendCsv(reply, file.filename, file.body);
  });
}
