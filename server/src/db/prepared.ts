import type { CompiledQuery, Compilable, DialectAdapter } from 'kysely';
import type { Executor } from './types.ts';


interface Template {
  sql: string;
  query: CompiledQuery['query'];
  queryId: CompiledQuery['queryId'];
  /** Per parameter: the index of the argument value it takes, or -1 for a constant the query itself holds. */
  sources: number[];
  constants: unknown[];
}

const MARKER = '\u0000hms-argument-';
/** Shapes kept per query and database; past this many (lists of many lengths), further shapes are built on every call. */
const MAX_SHAPES = 100;

/**
 * Walks the arguments: every string and number becomes a value (replaced by a marker when `markers` is given);
 * booleans, null and undefined stay as they are. The shape says where values, lists of which length, and the
 * kept values are, so two calls with the same shape build the same SQL.
 */
function walk(argument: unknown, values: unknown[], shape: string[], markers: boolean): unknown {
  if (typeof argument === 'string' || typeof argument === 'number') {
    values.push(argument);
    shape.push('v');
    return markers ? `${MARKER}${values.length - 1}\u0000` : argument;
  }
  if (argument === null || argument === undefined || typeof argument === 'boolean') {
    shape.push(String(argument));
    return argument;
  }
  if (Array.isArray(argument)) {
    shape.push(`[${argument.length}`);
    return argument.map((item: unknown) => walk(item, values, shape, markers));
  }
  if (typeof argument !== 'object' || Object.getPrototypeOf(argument) !== Object.prototype) {
    throw new TypeError('a prepared query takes strings, numbers, booleans, null, and arrays and plain objects of them');
  }
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(argument)) {
    shape.push(`{${key}`);
    copy[key] = walk(value, values, shape, markers);
  }
  return copy;
}

/**
 * A query that Kysely builds and compiles once per database and argument shape instead of on every call:
 * building and compiling costs more than SQLite takes to run a short indexed query. `build` is called once
 * with a marker in place of every string and number of the arguments; later calls run the compiled SQL
 * with the markers' parameters set to their own values.
 *
 * So `build` must not look at those values: it may branch on whether an argument is present, on the length
 * of a list or on a boolean (each combination is compiled separately), and on `variant`, a string kept as is
 * (e.g. a sort direction). Answers the rows.
 */
export function preparedVariants<V extends string, A extends unknown[], R>(
  build: (db: Executor, variant: V, ...args: A) => Compilable<R>,
): (db: Executor, variant: V, ...args: A) => Promise<R[]> {
  const cache = new WeakMap<DialectAdapter, Map<string, Template>>();
  return async (db, variant, ...args) => {
    const values: unknown[] = [];
    const shape: string[] = [variant];
    walk(args, values, shape, false);
    const key = shape.join('\u0001');
    const adapter = db.getExecutor().adapter;
    let templates = cache.get(adapter);
    if (!templates) {
      templates = new Map();
      cache.set(adapter, templates);
    }
    let template = templates.get(key);
    if (!template) {
      template = compile(build(db, variant, ...(walk(args, [], [], true) as A)).compile());
      if (templates.size < MAX_SHAPES) templates.set(key, template);
    }
    const { sources, constants } = template;
    const parameters = sources.map((source, index) => (source >= 0 ? values[source] : constants[index]));
    const result = await db.executeQuery<R>({ sql: template.sql, query: template.query, parameters, queryId: template.queryId });
    return result.rows;
  };
}

function compile(compiled: CompiledQuery): Template {
  if (compiled.sql.includes(MARKER)) throw new Error(`a prepared query wrote an argument into its SQL: ${compiled.sql}`);
  const sources = compiled.parameters.map((parameter) => {
    if (typeof parameter !== 'string' || !parameter.includes(MARKER)) return -1;
    if (!parameter.startsWith(MARKER) || !parameter.endsWith('\u0000')) throw new Error(`a prepared query changed an argument: ${parameter}`);
    const index = Number(parameter.slice(MARKER.length, -1));
    if (!Number.isInteger(index)) throw new Error(`a prepared query changed an argument: ${parameter}`);
    return index;
  });
  return { sql: compiled.sql, query: compiled.query, queryId: compiled.queryId, sources, constants: [...compiled.parameters] };
}

/** preparedVariants for a query with one shape of SQL. */
export function prepared<A extends unknown[], R>(build: (db: Executor, ...args: A) => Compilable<R>): (db: Executor, ...args: A) => Promise<R[]> {
  const run = preparedVariants((db: Executor, _variant: '', ...args: A) => build(db, ...args));
  return (db, ...args) => run(db, '', ...args);
}
