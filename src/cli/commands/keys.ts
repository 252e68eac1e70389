import { type Command, Option } from 'commander';
import { systemClock } from '../../clock.js';
import { loadConfig } from '../../config.js';
import { type OpenedDatabase, databaseLocation, describeLocation, migrateToLatest, openDatabase } from '../../db/database.js';
import { createKey, listKeys, parseScopes, revokeKey } from '../../keys/key-service.js';
import { explainError } from '../explain-error.js';
import { EXIT } from '../exit-codes.js';
import type { CommandResult, Done } from '../result.js';

// `agentline keys create|list|revoke`: works on the database file directly (AGENTLINE_DB), even
// while a gateway serves it.

const out = (s: string) => process.stdout.write(`${s}\n`);

export async function withDb<T>(fn: (opened: OpenedDatabase) => Promise<T>): Promise<T> {
  const config = loadConfig();
  let opened: OpenedDatabase;
  try {
    opened = await openDatabase(databaseLocation(config), { poolSize: 2 });
    await migrateToLatest(opened.db);
  } catch (e) {
    throw explainError(e, { dbPath: describeLocation(databaseLocation(config)) }) ?? e;
  }
  try {
    return await fn(opened);
  } finally {
    await opened.close();
  }
}

interface CreateOptions {
  workspace: string;
  mode: 'test' | 'live';
  scopes?: string;
  readOnly?: boolean;
  createWorkspace?: boolean;
  json?: boolean;
}

export function keysCommand(program: Command, done: Done): void {
  const keys = program.command('keys').description('create, list and revoke API keys (directly on the database: AGENTLINE_DATABASE_URL, else the AGENTLINE_DB file)');

  keys
    .command('create')
    .description('create an API key; it is printed only this once')
    .requiredOption('--workspace <name>', 'workspace the key belongs to')
    .addOption(new Option('--mode <mode>', 'test (simulated carrier, play money) or live (Twilio)').choices(['test', 'live']).makeOptionMandatory())
    .option('--scopes <list>', 'comma-separated scopes, e.g. numbers:read,calls:write (default: *)')
    .option('--read-only', 'the key can only read')
    .option('--create-workspace', 'create the workspace when it does not exist yet')
    .option('--json', 'print one JSON object: { id, key, workspace_id, mode, scopes }')
    .action((o: CreateOptions) => done(create(o)));

  keys
    .command('list')
    .description('list every key (never the key itself, only its last characters)')
    .option('--json', 'print a JSON array')
    .action((o: { json?: boolean }) => done(list(o)));

  keys
    .command('revoke')
    .description('revoke a key: requests with it answer 401 from then on')
    .argument('<id>', 'the key id (key_...)')
    .action((id: string) => done(revoke(id)));
}

async function create(o: CreateOptions): Promise<CommandResult> {
  const scopes = parseScopes(o.scopes);
  const created = await withDb((opened) =>
    createKey({ db: opened.db, clock: systemClock }, { workspace: o.workspace, mode: o.mode, scopes, readOnly: o.readOnly, createWorkspace: o.createWorkspace }),
  );
  if (o.json) {
    out(JSON.stringify({ id: created.id, key: created.key, workspace_id: created.workspace_id, mode: created.mode, scopes: created.scopes }));
  } else {
    out(`Created ${created.mode} key ${created.id} in workspace "${created.workspace}"${created.read_only ? ' (read-only)' : ''}.`);
    out(`Scopes: ${created.scopes.join(', ')}`);
    out('The key is shown only this once:');
    out(`\n    ${created.key}\n`);
  }
  return EXIT.ok;
}

async function list(o: { json?: boolean }): Promise<CommandResult> {
  const rows = await withDb((opened) => listKeys(opened.db));
  if (o.json) out(JSON.stringify(rows));
  else if (rows.length === 0) out('No keys yet. Create one with: agentline keys create --workspace NAME --mode test --create-workspace');
  else {
    for (const k of rows) {
      const state = k.revoked_at ? `revoked ${k.revoked_at}` : 'active';
      out(`${k.id}  ${k.hint}  ${k.workspace}  ${k.mode}  ${k.scopes.join(',')}${k.read_only ? '  read-only' : ''}${k.label ? `  "${k.label}"` : ''}  ${state}`);
    }
  }
  return EXIT.ok;
}

async function revoke(id: string): Promise<CommandResult> {
  const ok = await withDb((opened) => revokeKey({ db: opened.db, clock: systemClock }, id));
  if (!ok) {
    process.stderr.write(`agentline: no active key ${id} (see agentline keys list).\n`);
    return EXIT.failure;
  }
  out(`Revoked ${id}. Requests with it now answer 401 token_invalid.`);
  return EXIT.ok;
}
