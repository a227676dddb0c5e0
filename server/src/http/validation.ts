import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import { EMAIL_PATTERN } from '#shared/rules';
import type { App } from './types.ts';

// ajv-formats is CommonJS: under Node's ESM loader its function sits on `default`, under bundlers it is the import itself.
const formats = (addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats;

function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({ removeAdditional: false, useDefaults: true, allErrors: false, strict: false, ...options });
  formats(ajv);
  // One definition of an email address for the server and the web's checks (shared/rules.ts).
  ajv.addFormat('email', new RegExp(EMAIL_PATTERN, 'i'));
  return ajv;
}

/**
 * Bodies are validated strictly (no coercion: "1" is not a number, unknown fields are refused);
 * query strings, params and headers are text by nature and are coerced to their declared types.
 */
export function registerValidation(app: App): void {
  // Every problem of a body is reported, so a form can mark all its wrong fields at once (bodies are size-limited).
  const body = makeAjv({ coerceTypes: false, allErrors: true });
  const other = makeAjv({ coerceTypes: 'array' });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? body : other).compile(schema));
}
