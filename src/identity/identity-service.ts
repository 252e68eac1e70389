import type { Static } from '@sinclair/typebox';
import type { Clock } from '../clock.js';
import type { Db, Executor } from '../db/database.js';
import type { IdentityProfilesTable } from '../db/schema-agents.js';
import { ApiError } from '../errors.js';
import { emitEvent } from '../events/event-writer.js';
import { newId } from '../ids.js';
import type { Scope } from '../scope.js';
import type { ServiceInput, UpdateIdentityBody } from './identity-schemas.js';

// The workspace's business identity: one per workspace and mode, made on first use. PATCH
// merges: a field given replaces, a field set to null is removed, and services merge by id
// (without an id, or with one not seen before: a new service; `deleted: true` removes one).

export interface IdentityDeps {
  db: Db;
  clock: Clock;
}

export interface Service {
  id: string;
  name: string;
  description: string | null;
  price_cents: number;
  currency: string;
  billing_interval: 'one-time' | 'monthly' | 'yearly';
  active: boolean;
}

export interface Profile {
  tagline?: string;
  about?: string;
  website?: string;
  services?: Service[];
}

type PatchBody = Static<typeof UpdateIdentityBody>;
type ServicePatch = Static<typeof ServiceInput>;

export const parseProfile = (row: Pick<IdentityProfilesTable, 'profile'>): Profile | null => (row.profile ? (JSON.parse(row.profile) as Profile) : null);

/** The identity row of a workspace and mode, made (empty) the first time it is asked for. */
export async function ensureIdentity(db: Executor, scope: Scope, at: Date): Promise<IdentityProfilesTable> {
  const find = () => db.selectFrom('identity_profiles').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).executeTakeFirst();
  const existing = await find();
  if (existing) return existing;
  await db.insertInto('identity_profiles')
    .values({ workspace_id: scope.workspaceId, mode: scope.mode, id: newId('idn'), display_name: null, profile: null, created_at: at.toISOString(), updated_at: at.toISOString() })
    .onConflict((oc) => oc.columns(['workspace_id', 'mode']).doNothing())
    .execute();
  return (await find())!;
}

/** The identity as stored, without creating one (managed agents' context). */
export async function findIdentity(db: Executor, scope: Scope): Promise<IdentityProfilesTable | undefined> {
  return db.selectFrom('identity_profiles').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).executeTakeFirst();
}

export function identityDto(row: IdentityProfilesTable, handle: string) {
  const profile = parseProfile(row);
  return {
    id: row.id,
    handle,
    address: null,
    scope: 'business' as const,
    display_name: row.display_name,
    profile: profile ? { ...profile, ...(profile.services ? { services: profile.services.map((s) => ({ ...s, price: s.price_cents / 100 })) } : {}) } : null,
    livemode: row.mode === 'live',
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export async function getIdentity(deps: IdentityDeps, scope: Scope, handle: string) {
  return identityDto(await ensureIdentity(deps.db, scope, deps.clock.now()), handle);
}

function priceCents(s: ServicePatch, field: string): number | undefined {
  if (s.price !== undefined && s.price_cents !== undefined) {
    throw new ApiError('validation_error', 'Give price or price_cents, not both.', [{ field: `${field}.price`, error: 'conflicts_with_price_cents', received: s.price }]);
  }
  if (s.price_cents !== undefined) return s.price_cents;
  if (s.price === undefined) return undefined;
  const cents = Math.round(s.price * 100);
  if (Math.abs(s.price * 100 - cents) > 1e-6) {
    throw new ApiError('validation_error', 'price has at most two decimals (it is stored in cents).', [{ field: `${field}.price`, error: 'too_many_decimals', received: s.price }]);
  }
  return cents;
}

function mergeServices(current: Service[], patch: ServicePatch[]): Service[] {
  const next = current.map((s) => ({ ...s }));
  const seen = new Set<string>();
  patch.forEach((s, i) => {
    const field = `profile.services.${i}`;
    if (s.id !== undefined) {
      if (seen.has(s.id)) throw new ApiError('validation_error', `Service ${s.id} appears twice.`, [{ field: `${field}.id`, error: 'duplicate', received: s.id }]);
      seen.add(s.id);
    }
    const at = s.id === undefined ? -1 : next.findIndex((x) => x.id === s.id);
    if (s.deleted) {
      if (at < 0) throw new ApiError('validation_error', 'deleted: true needs the id of an existing service.', [{ field: `${field}.id`, error: 'not_found', received: s.id ?? null }]);
      next.splice(at, 1);
      return;
    }
    const cents = priceCents(s, field);
    if (at >= 0) {
      const svc = next[at]!;
      if (s.name !== undefined) svc.name = s.name;
      if (s.description !== undefined) svc.description = s.description;
      if (cents !== undefined) svc.price_cents = cents;
      if (s.currency !== undefined) svc.currency = s.currency;
      if (s.billing_interval !== undefined) svc.billing_interval = s.billing_interval;
      if (s.active !== undefined) svc.active = s.active;
      return;
    }
    if (s.name === undefined || cents === undefined) {
      throw new ApiError('validation_error', 'A new service needs a name and a price (price or price_cents).', [
        { field: s.name === undefined ? `${field}.name` : `${field}.price`, error: 'required' },
      ]);
    }
    next.push({
      id: s.id ?? newId('svc'), name: s.name, description: s.description ?? null, price_cents: cents,
      currency: s.currency ?? 'USD', billing_interval: s.billing_interval ?? 'one-time', active: s.active ?? true,
    });
  });
  if (next.length > 100) throw new ApiError('validation_error', 'At most 100 services.', [{ field: 'profile.services', error: 'too_many' }]);
  return next;
}

function mergeProfile(current: Profile | null, patch: NonNullable<PatchBody['profile']>): Profile | null {
  const next: Profile = { ...(current ?? {}) };
  for (const field of ['tagline', 'about', 'website'] as const) {
    const v = patch[field];
    if (v === null) delete next[field];
    else if (v !== undefined) next[field] = v;
  }
  if (patch.services === null) delete next.services;
  else if (patch.services !== undefined) next.services = mergeServices(current?.services ?? [], patch.services);
  return Object.keys(next).length ? next : null;
}

export async function updateIdentity(deps: IdentityDeps, scope: Scope, handle: string, input: PatchBody) {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await ensureIdentity(trx, scope, at);
    const changes: Partial<IdentityProfilesTable> = { updated_at: at.toISOString() };
    if (input.display_name !== undefined) changes.display_name = input.display_name;
    if (input.profile !== undefined) {
      const merged = input.profile === null ? null : mergeProfile(parseProfile(row), input.profile);
      changes.profile = merged ? JSON.stringify(merged) : null;
    }
    // The row is rewritten whole from what was read in this transaction; guarding on the
    // updated_at read makes a concurrent PATCH fail (409) rather than lose one of the two.
    const res = await trx.updateTable('identity_profiles').set(changes)
      .where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode).where('updated_at', '=', row.updated_at)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new ApiError('conflict', 'The identity changed while this request ran; send it again.');
    const dto = identityDto({ ...row, ...changes }, handle);
    await emitEvent(trx, scope, 'identity.updated', dto, at);
    return dto;
  });
}
