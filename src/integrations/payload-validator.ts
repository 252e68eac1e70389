import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { ApiError, type ErrorDetail } from '../errors.js';
import { describeValidation } from '../http/plugins/validation.js';

// The JSON Schemas workspaces register for their own event types: checked once when registered
// (a schema ajv cannot compile is a 422), then used to validate every payload emitted under that
// key. Compiled validators are kept per schema text, a bounded number of them.

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
(addFormats as unknown as (a: Ajv) => void)(ajv);

const MAX_CACHED = 500;
const cache = new Map<string, ValidateFunction>();

export const MAX_SCHEMA_CHARS = 20_000;

/** Keywords whose value maps names to schemas: their keys are names, not keywords. */
const NAME_MAPS = new Set(['properties', '$defs', 'definitions', 'dependentSchemas']);

/**
 * The first regular-expression keyword in a schema, or null. Patterns are refused: a workspace's
 * regex runs on every emit in the gateway's process, and a catastrophic one would stall it.
 */
export function regexKeywordIn(schema: unknown): string | null {
  const stack: { value: unknown; names: boolean }[] = [{ value: schema, names: false }];
  while (stack.length > 0) {
    const { value, names } = stack.pop()!;
    if (Array.isArray(value)) {
      for (const v of value) stack.push({ value: v, names: false });
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (!names && (k === 'pattern' || k === 'patternProperties')) return k;
        if (!names && k === 'format' && v === 'regex') return 'format';
        stack.push({ value: v, names: !names && NAME_MAPS.has(k) });
      }
    }
  }
  return null;
}

export function compilePayloadSchema(schemaText: string): ValidateFunction {
  const hit = cache.get(schemaText);
  if (hit) return hit;
  let fn: ValidateFunction;
  const regex = regexKeywordIn(JSON.parse(schemaText));
  if (regex) throw new ApiError('validation_error', `payload_schema may not use \`${regex}\`: regular expressions are not run on emitted events.`, [{ field: 'payload_schema', error: 'unsupported_keyword', received: regex }]);
  try {
    const schema = JSON.parse(schemaText) as Record<string, unknown>;
    delete schema.$id; // one workspace's $id must not collide with another's in the shared ajv
    fn = ajv.compile(schema);
  } catch (err) {
    throw new ApiError('validation_error', `payload_schema is not a JSON Schema ajv can compile: ${(err as Error).message}`, [{ field: 'payload_schema', error: 'invalid_schema' }]);
  }
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(schemaText, fn);
  return fn;
}

/** Null when `data` matches; else our details list, fields prefixed with `data.`. */
export function payloadErrors(schemaText: string, data: unknown): { message: string; details: ErrorDetail[] } | null {
  const validate = compilePayloadSchema(schemaText);
  if (validate(data)) return null;
  const { message, details } = describeValidation(validate.errors ?? [], 'body');
  const prefix = (f: string | undefined) => (f === undefined || f === '(body)' ? 'data' : `data.${f}`);
  return { message: `data: ${message}`, details: details.map((d) => ({ ...d, field: prefix(d.field) })) };
}
