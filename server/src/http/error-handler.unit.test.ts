import { describe, expect, it } from 'vitest';
import { AppError } from './app-error.ts';
import { toProblem } from './error-handler.ts';

describe('problem answers', () => {
  it('a 5xx carries the request id and nothing of the error', () => {
    const problem = toProblem(new Error('SQLITE_ERROR: no such table: secret_things at /srv/app.js:12'), 'req-123');
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem.body)).not.toMatch(/secret_things|SQLITE|app\.js/);
    expect(problem.body).toMatchObject({ code: 'INTERNAL_ERROR', requestId: 'req-123' });
  });

  it('an AppError keeps its status, code, field errors and headers', () => {
    const problem = toProblem(new AppError(429, 'RATE_LIMITED', 'Slow down', [{ path: '/email', message: 'x' }], { 'retry-after': '5' }), 'r');
    expect(problem).toMatchObject({ status: 429, headers: { 'retry-after': '5' }, body: { code: 'RATE_LIMITED', detail: 'Slow down', errors: [{ path: '/email', message: 'x' }] } });
  });

  it('a unique violation on either dialect is a 409', () => {
    expect(toProblem(Object.assign(new Error('UNIQUE constraint failed: users.email'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }), 'r').status).toBe(409);
    expect(toProblem(Object.assign(new Error('duplicate key'), { code: '23505' }), 'r').status).toBe(409);
    expect(toProblem(Object.assign(new Error('conflicting key value violates exclusion constraint'), { code: '23P01' }), 'r').status).toBe(409);
  });
});
