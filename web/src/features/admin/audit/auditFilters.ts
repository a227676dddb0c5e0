import { dateRangeInstants, isCalendarDate } from '../dateRange.ts';
import { queryString } from '../queryString.ts';

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** The audit log's filters as the page's address holds them; `from` and `to` are hospital dates, both included. */
export interface AuditFilters {
  actorId: string;
  action: string;
  entityType: string;
  entityId: string;
  outcome: AuditOutcome | '';
  from: string;
  to: string;
}

export const noAuditFilters: AuditFilters = { actorId: '', action: '', entityType: '', entityId: '', outcome: '', from: '', to: '' };

const isOutcome = (value: string): value is AuditOutcome => (AUDIT_OUTCOMES as readonly string[]).includes(value);

/** The filters in a page address; an unknown outcome or a date that is not a calendar date is ignored. */
export function readAuditFilters(params: URLSearchParams): AuditFilters {
  const text = (key: string) => params.get(key)?.trim() ?? '';
  const outcome = text('outcome');
  const date = (key: string) => (isCalendarDate(text(key)) ? text(key) : '');
  return {
    actorId: text('actorId'),
    action: text('action'),
    entityType: text('entityType'),
    entityId: text('entityId'),
    outcome: isOutcome(outcome) ? outcome : '',
    from: date('from'),
    to: date('to'),
  };
}

/** The page address's query string for these filters ('' when none is set). */
export function auditPageSearch(filters: AuditFilters): string {
  return queryString({ ...filters });
}

export function hasAuditFilters(filters: AuditFilters): boolean {
  return Object.values(filters).some((value) => value !== '');
}

export interface AuditApiFilters {
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  outcome?: AuditOutcome;
  from?: string;
  to?: string;
}

/** The filters as GET /api/audit and its CSV export take them: the dates become UTC instants in the hospital's zone. */
export function auditApiFilters(filters: AuditFilters, timeZone: string): AuditApiFilters {
  const { from, to, outcome, ...text } = filters;
  const kept = Object.fromEntries(Object.entries(text).filter(([, value]) => value !== '')) as Omit<AuditApiFilters, 'outcome' | 'from' | 'to'>;
  return { ...kept, ...(outcome ? { outcome } : {}), ...dateRangeInstants(from, to, timeZone) };
}

/** The address of the CSV file of every entry matching the filters. */
export function auditExportHref(filters: AuditFilters, timeZone: string): string {
  return `/api/audit/export.csv${queryString({ ...auditApiFilters(filters, timeZone) })}`;
}
