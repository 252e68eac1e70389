import type { PropertyType } from './analytics-schemas.js';

// Checks an analytics payload against its event definition: every property the payload carries
// must be listed by the event; a listed property defined as `required` must be present; a
// defined property's value must have its type. Undefined (listed but not yet defined)
// properties take any value. Pure, so it has its own unit test.

export interface PropertyRule {
  type: PropertyType;
  required: boolean;
}

export interface PayloadError {
  field: string;
  error: 'required' | 'invalid_type' | 'unknown_property';
  message: string;
  expected?: string;
  received?: string;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: unknown, type: PropertyType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'timestamp':
      return typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
  }
}

export function checkPayload(listed: readonly string[], rules: ReadonlyMap<string, PropertyRule>, payload: Record<string, unknown>): PayloadError[] {
  const errors: PayloadError[] = [];
  const allowed = new Set(listed);
  for (const key of listed) {
    const rule = rules.get(key);
    if (!(key in payload) || payload[key] === undefined) {
      if (rule?.required) errors.push({ field: `properties.${key}`, error: 'required', message: `properties.${key} is required` });
      continue;
    }
    if (rule && !hasType(payload[key], rule.type)) {
      errors.push({ field: `properties.${key}`, error: 'invalid_type', message: `properties.${key} must be ${rule.type === 'timestamp' ? 'an ISO 8601 date-time string' : `of type ${rule.type}`}`, expected: rule.type, received: jsonTypeOf(payload[key]) });
    }
  }
  for (const key of Object.keys(payload)) {
    if (!allowed.has(key)) errors.push({ field: `properties.${key}`, error: 'unknown_property', message: `properties.${key} is not a property of this event` });
  }
  return errors;
}
