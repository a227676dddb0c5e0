import { isDatabaseUnavailable } from './availability.ts';

/** An expected reason the server or a command cannot start: printed as one plain line, never with a stack. */
export class StartupError extends Error {}

interface ErrorLike { code?: unknown; message?: unknown }

const reason = (error: unknown) => {
  const e = error as ErrorLike | null;
  const message = typeof e?.message === 'string' && e.message !== '' ? e.message : String(error);
  return typeof e?.code === 'string' && !message.includes(e.code) ? `${message} (${e.code})` : message;
};

/** A PostgreSQL URL safe to print: without its password. */
export function printableUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    parsed.searchParams.delete('password');
    return parsed.toString();
  } catch {
    return '(a DATABASE_URL that is not a valid URL)';
  }
}

/** Turns the failure of the first contact with the database into a plain StartupError when it is an expected one. */
export function explainDatabaseError(error: unknown, where: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string }): unknown {
  if (error instanceof StartupError) return error;
  const code = (error as ErrorLike | null)?.code;
  if (where.kind === 'sqlite') {
    if (typeof code === 'string' && /^(SQLITE_CANTOPEN|SQLITE_READONLY|SQLITE_PERM|SQLITE_NOTADB|SQLITE_CORRUPT|EACCES|EEXIST|ENOTDIR|EROFS|EPERM)/.test(code)) {
      return new StartupError(`cannot open the SQLite database ${where.file}: ${reason(error)}. HMS_DATA_DIR must be a directory this user may write, holding an HMS database or nothing.`);
    }
    return error;
  }
  const url = printableUrl(where.url);
  if (error instanceof TypeError && /url/i.test(String(error.message))) return new StartupError(`DATABASE_URL is not a valid postgres:// URL: ${reason(error)}`);
  if (code === '28P01' || code === '28000') return new StartupError(`PostgreSQL refused the credentials in DATABASE_URL (${url}): ${reason(error)}`);
  if (code === '3D000') return new StartupError(`the database named in DATABASE_URL (${url}) does not exist: create it first (createdb), then start HMS again`);
  if (isDatabaseUnavailable(error)) {
    return new StartupError(`cannot reach the PostgreSQL database at ${url}: ${reason(error)}. Check DATABASE_URL and that the server is running and accepts connections.`);
  }
  return error;
}
