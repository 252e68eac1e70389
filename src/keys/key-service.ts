import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { Mode } from '../db/schema.js';
import { newId } from '../ids.js';
import { type KeyScope, isKeyScope } from '../http/scopes.js';
import * as repo from './key-repository.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const KEY_SHAPE = /^al_(test|live)_[0-9A-Za-z]{32}$/;

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export function randomBase62(length: number): string {
  // Rejection sampling keeps every character uniformly likely.
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

export interface CreatedKey {
  id: string;
  key: string;
  workspace_id: string;
  workspace: string;
  mode: Mode;
  scopes: string[];
  read_only: boolean;
}

export class KeyInputError extends Error {}

/** A key asked for in a workspace that does not exist, without asking to create it. */
export class WorkspaceNotFoundError extends KeyInputError {
  constructor(
    readonly workspace: string,
    readonly existing: string[],
  ) {
    super(
      existing.length === 0
        ? `There is no workspace yet. Pass --create-workspace to create "${workspace}".`
        : `No workspace "${workspace}" (existing: ${existing.join(', ')}). Pass --create-workspace to create it.`,
    );
    this.name = 'WorkspaceNotFoundError';
  }
}

export function parseScopes(raw: string | undefined): KeyScope[] {
  if (raw === undefined || raw.trim() === '') return ['*'];
  const scopes = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of scopes) {
    if (!isKeyScope(s)) throw new KeyInputError(`unknown scope "${s}" (use *, or numbers:read, calls:write, ...)`);
  }
  return [...new Set(scopes)] as KeyScope[];
}

/**
 * Creates a key in a workspace; the key is returned once. A workspace that does not exist is
 * created only with `createWorkspace`: a typo (`defualt`) must not quietly start an empty one.
 */
export async function createKey(
  deps: { db: Db; clock: Clock },
  input: { workspace: string; mode: Mode; scopes?: KeyScope[]; readOnly?: boolean; createWorkspace?: boolean },
): Promise<CreatedKey> {
  const name = input.workspace.trim();
  if (!/^[\w.@-]{1,64}$/.test(name)) throw new KeyInputError('workspace names are 1-64 letters, digits, _ . @ or -');
  if (input.mode !== 'test' && input.mode !== 'live') throw new KeyInputError('mode must be test or live');
  const now = deps.clock.now().toISOString();
  const key = `al_${input.mode}_${randomBase62(32)}`;
  const scopes = input.scopes && input.scopes.length > 0 ? input.scopes : (['*'] as KeyScope[]);
  return deps.db.transaction().execute(async (trx) => {
    let ws = await repo.findWorkspaceByName(trx, name);
    if (!ws) {
      if (!input.createWorkspace) throw new WorkspaceNotFoundError(name, await repo.listWorkspaceNames(trx));
      ws = { id: newId('ws'), name, created_at: now };
      await repo.insertWorkspace(trx, ws);
    }
    const id = newId('key');
    await repo.insertKey(trx, {
      id,
      workspace_id: ws.id,
      mode: input.mode,
      key_hash: hashKey(key),
      key_hint: key.slice(-4),
      scopes: JSON.stringify(scopes),
      read_only: input.readOnly ? 1 : 0,
      created_at: now,
      last_used_at: null,
      revoked_at: null,
    });
    return { id, key, workspace_id: ws.id, workspace: ws.name, mode: input.mode, scopes, read_only: !!input.readOnly };
  });
}

export type VerifiedKey =
  | { ok: true; id: string; workspaceId: string; workspaceName: string; mode: Mode; scopes: string[]; readOnly: boolean; lastUsedAt: string | null }
  | { ok: false };

export async function verifyKey(db: Db, key: string): Promise<VerifiedKey> {
  if (!KEY_SHAPE.test(key)) return { ok: false };
  const row = await repo.findKeyByHash(db, hashKey(key));
  if (!row || row.revoked_at !== null || !key.startsWith(`al_${row.mode}_`)) return { ok: false };
  return {
    ok: true,
    id: row.id,
    workspaceId: row.workspace_id,
    workspaceName: row.workspace_name,
    mode: row.mode,
    scopes: JSON.parse(row.scopes) as string[],
    readOnly: row.read_only === 1,
    lastUsedAt: row.last_used_at,
  };
}

export async function listKeys(db: Db) {
  const rows = await repo.listKeys(db);
  return rows.map((r) => ({
    id: r.id,
    workspace: r.workspace_name,
    workspace_id: r.workspace_id,
    mode: r.mode,
    hint: `al_${r.mode}_...${r.key_hint}`,
    scopes: JSON.parse(r.scopes) as string[],
    read_only: r.read_only === 1,
    label: r.label ?? null,
    created_at: r.created_at,
    last_used_at: r.last_used_at,
    revoked_at: r.revoked_at,
  }));
}

export async function revokeKey(deps: { db: Db; clock: Clock }, id: string): Promise<boolean> {
  return repo.revokeKey(deps.db, id, deps.clock.now().toISOString());
}
