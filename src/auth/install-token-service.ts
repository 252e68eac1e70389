import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { Mode } from '../db/schema.js';
import { ApiError } from '../errors.js';
import { emitEvent } from '../events/event-writer.js';
import type { AuthContext } from '../http/scopes.js';
import { newId } from '../ids.js';
import { findWorkspace, insertKey } from '../keys/key-repository.js';
import { hashKey, randomBase62 } from '../keys/key-service.js';
import * as repo from './install-token-repository.js';

// Install tokens (seed 000 "CLI magic-link auth"): a signed-in key mints a single-use `ist_…`
// token good for five minutes; the CLI trades it, with no other credential, for an API key of its
// own with the same workspace, mode, scopes and read-only flag. Only the token's SHA-256 is
// stored. A second exchange of a spent token is refused and leaves an audit event in the
// workspace's event log (`auth.install_token.replayed`).

export const INSTALL_TOKEN_TTL_MS = 5 * 60_000;
/** Spent and expired tokens are kept this long after expiry, so a late replay is still recognised. */
const KEEP_FOR_REPLAY_MS = 24 * 3600_000;
const TOKEN_SHAPE = /^ist_[A-Za-z0-9_-]{43}$/;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface Deps {
  db: Db;
  clock: Clock;
}

export interface MintedToken {
  token: string;
  expires_at: string;
  workspace_id: string;
  mode: Mode;
  scopes: string[];
  read_only: boolean;
}

export async function mintInstallToken(deps: Deps, auth: AuthContext): Promise<MintedToken> {
  const token = `ist_${randomBytes(32).toString('base64url')}`;
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + INSTALL_TOKEN_TTL_MS).toISOString();
  await repo.insertToken(deps.db, {
    token_hash: hashToken(token),
    token_hint: token.slice(-4),
    key_id: auth.keyId,
    workspace_id: auth.workspaceId,
    mode: auth.scope.mode,
    scopes: JSON.stringify(auth.scopes),
    read_only: auth.readOnly ? 1 : 0,
    expires_at: expiresAt,
    used_at: null,
    issued_key_id: null,
    created_at: now.toISOString(),
  });
  await repo.deleteExpiredBefore(deps.db, new Date(now.getTime() - KEEP_FOR_REPLAY_MS).toISOString());
  return { token, expires_at: expiresAt, workspace_id: auth.workspaceId, mode: auth.scope.mode, scopes: auth.scopes, read_only: auth.readOnly };
}

export interface ExchangedKey {
  access_token: string;
  token_type: 'bearer';
  key: { id: string; label: string; mode: Mode; scopes: string[]; read_only: boolean; created_at: string };
  workspace: { id: string; name: string };
}

const refused = (message: string) => new ApiError('token_invalid', message);

/**
 * Spends the token and creates the key in one transaction, so a failure leaves the token
 * unspent. Unknown, malformed, expired and spent tokens answer 401; a spent one also writes
 * `auth.install_token.replayed` into its workspace's event log.
 */
export async function exchangeInstallToken(deps: Deps, input: { token: string; label: string; ip: string }): Promise<ExchangedKey> {
  if (!TOKEN_SHAPE.test(input.token)) throw refused('This is not an install token (they look like ist_…); mint one with POST /v1/auth/install-token.');
  const tokenHash = hashToken(input.token);
  const at = deps.clock.now();
  const now = at.toISOString();
  const issued = await deps.db.transaction().execute(async (trx) => {
    const row = await repo.spendToken(trx, tokenHash, now);
    if (!row) return null;
    const minter = await trx.selectFrom('api_keys').selectAll().where('id', '=', row.key_id).executeTakeFirst();
    const workspace = await findWorkspace(trx, row.workspace_id);
    if (!minter || minter.revoked_at !== null || !workspace) return 'minter_revoked' as const;
    const key = `al_${row.mode}_${randomBase62(32)}`;
    const id = newId('key');
    const scopes = JSON.parse(row.scopes) as string[];
    await insertKey(trx, {
      id,
      workspace_id: row.workspace_id,
      mode: row.mode,
      key_hash: hashKey(key),
      key_hint: key.slice(-4),
      scopes: row.scopes,
      read_only: row.read_only,
      label: input.label,
      created_at: now,
      last_used_at: null,
      revoked_at: null,
    });
    await repo.recordIssuedKey(trx, tokenHash, id);
    const scope = { workspaceId: row.workspace_id, mode: row.mode };
    await emitEvent(trx, scope, 'auth.install_token.exchanged', { key_id: id, label: input.label, minted_by_key_id: row.key_id, token_hint: row.token_hint, ip: input.ip }, at);
    return {
      access_token: key,
      token_type: 'bearer' as const,
      key: { id, label: input.label, mode: row.mode, scopes, read_only: row.read_only === 1, created_at: now },
      workspace: { id: workspace.id, name: workspace.name },
    };
  });
  if (issued === 'minter_revoked') throw refused('The key that minted this install token has been revoked since.');
  if (issued) return issued;

  const row = await repo.findToken(deps.db, tokenHash);
  if (row?.used_at) {
    const tokenScope = { workspaceId: row.workspace_id, mode: row.mode };
    await deps.db.transaction().execute(async (trx) => {
      await emitEvent(
        trx,
        tokenScope,
        'auth.install_token.replayed',
        { minted_by_key_id: row.key_id, issued_key_id: row.issued_key_id, token_hint: row.token_hint, first_used_at: row.used_at, ip: input.ip, label: input.label },
        at,
      );
    });
    throw refused('This install token has already been used; each one works once. Mint a new one with POST /v1/auth/install-token.');
  }
  if (row) throw refused('This install token has expired (they last 5 minutes); mint a new one with POST /v1/auth/install-token.');
  throw refused('This install token is unknown; mint one with POST /v1/auth/install-token.');
}

