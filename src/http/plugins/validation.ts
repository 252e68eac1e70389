import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifySchema } from 'fastify';
import type { ErrorDetail } from '../../errors.js';

// Two validators: query strings and path params are strings on the wire and are coerced
// ("limit=10" -> 10); JSON bodies are not, so `"amount_cents": "1000"` is a validation error
// rather than silently accepted. Unknown body fields are refused, not dropped.

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    coerceTypes: coerce ? 'array' : false,
    useDefaults: true,
    removeAdditional: false,
    allErrors: true,
    verbose: true, // keeps the offending value on each error, for `details[].received`
    strict: false,
  });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  ajv.addKeyword({ keyword: 'x-example' });
  return ajv;
}

const bodyAjv = makeAjv(false);
const stringAjv = makeAjv(true);

export function installValidators(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema, httpPart }: { schema: FastifySchema; httpPart?: string }) =>
    (httpPart === 'body' ? bodyAjv : stringAjv).compile(schema as object),
  );
}

function fieldOf(e: ErrorObject): string {
  const base = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const params = e.params as Record<string, unknown>;
  const child = (params.missingProperty ?? params.additionalProperty) as string | undefined;
  if (child !== undefined) return base ? `${base}.${child}` : child;
  return base || '(body)';
}

function codeOf(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return 'required';
    case 'additionalProperties':
      return 'unknown_field';
    case 'type':
      return `must_be_${String(p.type).replace(/,/g, '_or_')}`;
    case 'minimum':
    case 'exclusiveMinimum':
      return 'too_small';
    case 'maximum':
    case 'exclusiveMaximum':
      return 'too_large';
    case 'minLength':
      return 'too_short';
    case 'maxLength':
      return 'too_long';
    case 'minProperties':
      return 'too_few_fields';
    case 'maxProperties':
      return 'too_many_fields';
    case 'pattern':
    case 'format':
      return 'invalid_format';
    case 'enum':
    case 'const':
      return 'invalid_value';
    case 'multipleOf':
      return `must_be_multiple_of_${String(p.multipleOf)}`;
    default:
      return e.keyword;
  }
}

function messageOf(field: string, e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `${field} is required`;
    case 'additionalProperties':
      return `${field} is not a known field`;
    case 'enum':
      return `${field} must be one of ${(p.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'multipleOf':
      return `${field} must be a multiple of ${String(p.multipleOf)}`;
    default:
      return `${field} ${e.message ?? 'is invalid'}`;
  }
}

/** Turns ajv errors into our `details` list and a one-line message. */
export function describeValidation(errors: ErrorObject[], part: string): { message: string; details: ErrorDetail[] } {
  // anyOf/oneOf add a summary error after their branches' errors; the branches say more.
  const useful = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if');
  const list = useful.length > 0 ? useful : errors;
  const seen = new Set<string>();
  const details: ErrorDetail[] = [];
  for (const e of list) {
    const field = fieldOf(e);
    const error = codeOf(e);
    if (seen.has(`${field}|${error}`)) continue;
    seen.add(`${field}|${error}`);
    const detail: ErrorDetail = { field, error };
    if (e.keyword !== 'required' && e.keyword !== 'additionalProperties' && e.data !== undefined && typeof e.data !== 'object') {
      detail.received = e.data;
    }
    details.push(detail);
  }
  const first = list[0];
  const message = first ? messageOf(fieldOf(first), first) : `invalid ${part}`;
  return { message: part === 'body' ? message : `${part}: ${message}`, details };
}
