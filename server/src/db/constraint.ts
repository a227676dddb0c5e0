/**
 * Which unique/exclusion/check constraint a database error broke, on either dialect, or null.
 * SQLite: SQLITE_CONSTRAINT_* codes; PostgreSQL: SQLSTATE 23505 (unique), 23P01 (exclusion), 23514 (check).
 */
export interface ConstraintViolation {
  kind: 'unique' | 'exclusion' | 'check' | 'foreign_key' | 'other';
  /** Constraint or index name (PostgreSQL), or the message naming the columns (SQLite). */
  detail: string;
}

export function constraintViolation(error: unknown): ConstraintViolation | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, constraint, message } = error as { code?: unknown; constraint?: unknown; message?: unknown };
  const text = `${typeof constraint === 'string' ? constraint : ''} ${typeof message === 'string' ? message : ''}`.trim();
  if (typeof code !== 'string') return null;
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return { kind: 'unique', detail: text };
    if (code === 'SQLITE_CONSTRAINT_CHECK') return { kind: 'check', detail: text };
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return { kind: 'foreign_key', detail: text };
    // The appointments overlap trigger (migration 003) raises this on SQLite; PostgreSQL's exclusion constraint answers 23P01.
    if (code === 'SQLITE_CONSTRAINT_TRIGGER' && text.includes('APPOINTMENT_OVERLAP')) return { kind: 'exclusion', detail: text };
    return { kind: 'other', detail: text };
  }
  if (code === '23505') return { kind: 'unique', detail: text };
  if (code === '23P01') return { kind: 'exclusion', detail: text };
  if (code === '23514') return { kind: 'check', detail: text };
  if (code === '23503') return { kind: 'foreign_key', detail: text };
  return null;
}
