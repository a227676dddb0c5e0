import { fieldLabel, MESSAGES, NOT_BLANK_PATTERN, PATTERN_MESSAGES } from '#shared/rules';
import type { FieldError } from './app-error.ts';

/** One error of ajv, as Fastify hands it to the error handler. */
export interface AjvIssue {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: {
    missingProperty?: string;
    additionalProperty?: string;
    allowedValues?: unknown[];
    allowedValue?: unknown;
    pattern?: string;
    format?: string;
    limit?: number;
    comparison?: string;
    type?: string | string[];
  };
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
const list = (values: readonly unknown[]) => values.map((value) => String(value)).join(', ');

const TYPE_WORDS: Record<string, string> = {
  string: 'text', number: 'a number', integer: 'a whole number', boolean: 'true or false', array: 'a list', object: 'a group of fields', null: 'empty',
};

const FORMAT_MESSAGES: Record<string, (label: string) => string> = {
  email: () => MESSAGES.email,
  date: (label) => `Enter the ${label} as a real calendar date (YYYY-MM-DD)`,
  'date-time': (label) => `Enter the ${label} as a date and time (ISO 8601, e.g. 2026-03-01T09:30:00Z)`,
  uri: (label) => `Enter the ${label} as a web address starting with https://`,
};

/** A sentence about the field for one ajv error: what is wrong and how to put it right. */
export function sentenceFor(issue: AjvIssue, path: string): string {
  const label = fieldLabel(path);
  const params = issue.params ?? {};
  const limit = params.limit ?? 0;
  switch (issue.keyword) {
    case 'required':
      return `Enter the ${label}; it is required`;
    case 'additionalProperties':
      return `"${params.additionalProperty ?? ''}" is not a field that can be sent here`;
    case 'pattern':
      if (params.pattern === NOT_BLANK_PATTERN) return `Enter the ${label}; it cannot be only spaces`;
      return PATTERN_MESSAGES[params.pattern ?? ''] ?? `The ${label} contains characters that are not allowed`;
    case 'format':
      return (FORMAT_MESSAGES[params.format ?? ''] ?? ((text: string) => `Enter a valid ${text}`))(label);
    case 'minLength':
      return limit <= 1 ? `Enter the ${label}; it cannot be empty` : `The ${label} must be at least ${plural(limit, 'character')} long`;
    case 'maxLength':
      return `The ${label} must be at most ${plural(limit, 'character')} long`;
    case 'minimum':
      return `The ${label} must be ${limit} or more`;
    case 'exclusiveMinimum':
      return `The ${label} must be more than ${limit}`;
    case 'maximum':
      return `The ${label} must be ${limit} or less`;
    case 'exclusiveMaximum':
      return `The ${label} must be less than ${limit}`;
    case 'minItems':
      return `Give at least ${limit} ${label}`;
    case 'maxItems':
      return `Give at most ${limit} ${label}`;
    case 'uniqueItems':
      return `The ${label} lists the same value twice`;
    case 'enum':
      return `Choose the ${label} from: ${list(params.allowedValues ?? [])}`;
    case 'const':
      return `Choose the ${label} from: ${list([params.allowedValue])}`;
    case 'type': {
      const types = Array.isArray(params.type) ? params.type : [params.type ?? ''];
      return `The ${label} must be ${types.map((type) => TYPE_WORDS[type] ?? type).join(' or ')}`;
    }
    case 'multipleOf':
      return `The ${label} must be a multiple of ${String((issue.params as { multipleOf?: number }).multipleOf ?? '')}`;
    default:
      return `The ${label} is not valid`;
  }
}

/** Where the error is: the missing or unknown property itself, else the value's path. */
function pathOf(issue: AjvIssue, context: string | undefined): string {
  const base = issue.instancePath ?? '';
  if (issue.params?.missingProperty) return `${base}/${issue.params.missingProperty}`;
  if (issue.params?.additionalProperty) return `${base}/${issue.params.additionalProperty}`;
  return base || (context ? `(${context})` : '/');
}

const UNION_NOISE = new Set(['anyOf', 'oneOf', 'type', 'const']);

/**
 * ajv's errors as field errors, one per field: a union (`anyOf`) reports an error for every branch,
 * of which the most telling is kept (a format or length over "must be null"; the choices of literal values).
 */
export function fieldErrors(issues: readonly AjvIssue[], context: string | undefined): FieldError[] {
  const byPath = new Map<string, AjvIssue[]>();
  for (const issue of issues) {
    const path = pathOf(issue, context);
    byPath.set(path, [...(byPath.get(path) ?? []), issue]);
  }
  return [...byPath].map(([path, group]) => {
    const telling = group.find((issue) => !UNION_NOISE.has(issue.keyword ?? ''));
    if (telling) return { path, message: capital(sentenceFor(telling, path)) };
    const choices = group.filter((issue) => issue.keyword === 'const').map((issue) => issue.params?.allowedValue);
    if (choices.length > 0) return { path, message: capital(sentenceFor({ keyword: 'enum', params: { allowedValues: choices } }, path)) };
    const types = group.filter((issue) => issue.keyword === 'type').flatMap((issue) => issue.params?.type ?? []);
    if (types.length > 0) return { path, message: capital(sentenceFor({ keyword: 'type', params: { type: [...new Set(types)] } }, path)) };
    return { path, message: capital(sentenceFor({ keyword: 'other' }, path)) };
  });
}
