import { type Static, Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../../errors.js';
import { Nullable } from '../../http/envelope.js';

// Small pieces shared by the sales resources (leads, deal stages, deals, invoices, payments).

export const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217, upper case (default `USD`).', 'x-example': 'USD' });
export const DateOnly = (description?: string) => Type.String({ format: 'date', ...(description ? { description } : {}) });
export const Cents = (description?: string) =>
  Type.Integer({ minimum: 0, maximum: 1_000_000_000_000, ...(description ? { description } : {}) });

/** PATCH form of custom_fields: merged into the stored map; a key set to "" or null is removed. */
export const CustomFieldsPatch = Type.Record(Type.String(), Nullable(Type.String({ maxLength: 500 })), {
  maxProperties: 50,
  propertyNames: { minLength: 1, maxLength: 40, pattern: '^[^\\[\\]"\\\\]+$' },
  description: 'Merged into the existing custom_fields; a key set to "" or null is removed.',
});

/** What DELETE answers for a resource that is really removed (Stripe style). */
export const Deleted = Type.Object({ id: Type.String(), deleted: Type.Literal(true) });
export type DeletedDto = Static<typeof Deleted>;

export const IncludeArchivedQuery = {
  include_archived: Type.Optional(Type.Boolean({ default: false, description: 'Also list archived rows.' })),
};

/** A route hook for bodies that may be left out entirely: a missing body is validated as `{}`. */
export async function emptyBodyAsObject(request: FastifyRequest): Promise<void> {
  if (request.body === undefined || request.body === null) request.body = {};
}

/** True for a UNIQUE / PRIMARY KEY violation (SQLite, or PostgreSQL 23505). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

export const parseFields = (text: string) => JSON.parse(text) as Record<string, string>;

export const conflict = (message: string, field?: string, error?: string, extra: Record<string, unknown> = {}) =>
  new ApiError('conflict', message, field && error ? [{ field, error, ...extra }] : undefined);

/** Empty strings clear optional text fields, like null. */
export const blankToNull = (v: string | null | undefined): string | null | undefined => (v === '' ? null : v);
