import { type TSchema, Type } from '@sinclair/typebox';
import { E164_PATTERN } from '../phones/phone-number.js';

// The one response envelope (api-conventions.md "Responses"), as schemas for routes and OpenAPI.

export const One = <T extends TSchema>(data: T) =>
  Type.Object({ data, request_id: Type.String({ description: 'Also sent as the X-Request-Id header.' }) });

export const List = <T extends TSchema>(item: T) =>
  Type.Object({
    data: Type.Array(item),
    next_cursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as `cursor` for the next page; null on the last page.' }),
    request_id: Type.String(),
  });

export const ErrorEnvelope = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Array(Type.Record(Type.String(), Type.Unknown()))),
    }),
    request_id: Type.String(),
  },
  { $id: 'Error', title: 'Error' },
);

export const Timestamp = (description?: string) =>
  Type.String({ format: 'date-time', ...(description ? { description } : {}) });

/** A phone number in E.164, as every route returns them. */
export const E164 = (description = 'E.164, e.g. +14155552671.') => Type.String({ pattern: E164_PATTERN, description });

/**
 * A phone number as a client may write it: anything libphonenumber reads. The route normalises it
 * (src/phones/phone-input.ts) before anything else sees it.
 */
export const PhoneInput = (description = 'A phone number in any form libphonenumber reads; stored and returned in E.164.') =>
  Type.String({ minLength: 1, maxLength: 64, description, 'x-example': '+14155552671' });

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const IdParams = (prefix: string) =>
  Type.Object({ id: Type.String({ maxLength: 100, description: `A \`${prefix}_\` id.` }) });
