import { Type } from '@sinclair/typebox';
import { Nullable } from '../http/envelope.js';

// Schema pieces shared by the support resources (queues, tickets, messages, comments) and tasks.

/** A string enum as one JSON-schema `enum` (one clear validation error, a readable OpenAPI type). */
export const StringEnum = <const T extends readonly string[]>(values: T, opts: { description?: string; default?: T[number] } = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...opts });

/** An id in a body or query string (`con_...`, `queue_...`). */
export const IdRef = (description: string) => Type.String({ minLength: 1, maxLength: 100, description });

/** PATCH form of custom_fields: merged into the stored map; a key set to "" or null is removed. */
export const CustomFieldsPatch = Type.Record(Type.String(), Nullable(Type.String({ maxLength: 500 })), {
  maxProperties: 50,
  propertyNames: { minLength: 1, maxLength: 40, pattern: '^[^\\[\\]"\\\\]+$' },
  description: 'Merged into the existing custom_fields; a key set to "" or null is removed.',
});

export const DeletedSchema = Type.Object({ id: Type.String(), deleted: Type.Literal(true) });

/** `%`, `_` and `\` taken literally in a LIKE pattern (used with `ESCAPE '\'`). */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const parseFields = (json: string) => JSON.parse(json) as Record<string, string>;
