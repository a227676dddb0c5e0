import { ApiError } from '../../api/problem.ts';

/** Server problems such as `/vitals/pulse` or `/items/1/dose/value`, keyed `vitals.pulse`, `items.1.dose.value`. */
export function problemKey(path: string): string {
  return path.split('/').filter((part) => part !== '').join('.');
}

/** Every field problem of a failed request, keyed by problemKey (first message per key). */
export function keyedProblems(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const map: Record<string, string> = {};
  for (const problem of error.fieldErrors) map[problemKey(problem.path)] ??= problem.message;
  return map;
}
