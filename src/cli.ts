import { parseArgs } from 'node:util';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { migrateToLatest, openDatabase } from './db/database.js';
import { KeyInputError, createKey, listKeys, parseScopes, revokeKey } from './keys/key-service.js';
import { startServer } from './server.js';
import { runSoftphone } from './softphone/softphone-cli.js';
import { startExampleAgent } from './examples/example-agent.js';
import { isE164 } from './crm/phones.js';

// `agentline <command>`: the server and the operator's tools, on the same database file.

const HELP = `agentline — telephony gateway for AI agents

Usage:
  agentline serve                         run the gateway (PORT, HOST, AGENTLINE_DB ...)
  agentline migrate                       apply database migrations
  agentline keys create --workspace NAME --mode test|live [--scopes a:read,b:write] [--read-only] [--json]
  agentline keys list [--json]
  agentline keys revoke ID
  agentline call NUMBER [--from +1...] [--key al_test_...] [--url http://127.0.0.1:3000]
                                          talk to a test-mode number from the terminal
  agentline call --listen NUMBER          be that number: test outbound calls to it ring here
  agentline example-agent [--port 4000]   run the example webhook agent (no model needed)
  agentline sms NUMBER "text" [--from +1...] [--key al_test_...]
                                          text your test number and print the agent's reply

Configuration is read from environment variables; see .env.example.
`;

const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
const err = (s: string) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`);

async function withDb<T>(config: Config, fn: (db: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  const opened = openDatabase(config.dbPath);
  try {
    await migrateToLatest(opened.db);
    return await fn(opened);
  } finally {
    await opened.close();
  }
}

async function serve(config: Config): Promise<void> {
  const server = await startServer(config);
  // A stray rejection is a bug to fix, not a reason to drop every live call: log it and go on.
  process.on('unhandledRejection', (err) => server.app.log.error({ err }, 'unhandled rejection'));
  out(`Agentline listening on ${server.url} (database ${config.dbPath}). Ctrl-C stops it.`);
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    server.app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        server.app.log.error({ err: e }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

async function keys(config: Config, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      workspace: { type: 'string' },
      mode: { type: 'string' },
      scopes: { type: 'string' },
      'read-only': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  switch (sub) {
    case 'create': {
      if (!values.workspace) throw new KeyInputError('--workspace is required');
      if (values.mode !== 'test' && values.mode !== 'live') throw new KeyInputError('--mode must be test or live');
      const mode = values.mode;
      const scopes = parseScopes(values.scopes);
      const created = await withDb(config, (opened) =>
        createKey({ db: opened.db, clock: systemClock }, { workspace: values.workspace!, mode, scopes, readOnly: values['read-only'] }),
      );
      if (values.json) {
        out(JSON.stringify({ id: created.id, key: created.key, workspace_id: created.workspace_id, mode: created.mode, scopes: created.scopes }));
      } else {
        out(`Created ${created.mode} key ${created.id} in workspace "${created.workspace}"${created.read_only ? ' (read-only)' : ''}.`);
        out(`Scopes: ${created.scopes.join(', ')}`);
        out('The key is shown only this once:');
        out(`\n    ${created.key}\n`);
      }
      return 0;
    }
    case 'list': {
      const list = await withDb(config, (opened) => listKeys(opened.db));
      if (values.json) {
        out(JSON.stringify(list));
      } else if (list.length === 0) {
        out('No keys yet. Create one with: agentline keys create --workspace NAME --mode test');
      } else {
        for (const k of list) {
          const state = k.revoked_at ? `revoked ${k.revoked_at}` : 'active';
          out(`${k.id}  ${k.hint}  ${k.workspace}  ${k.mode}  ${k.scopes.join(',')}${k.read_only ? '  read-only' : ''}  ${state}`);
        }
      }
      return 0;
    }
    case 'revoke': {
      const id = positionals[0];
      if (!id) throw new KeyInputError('usage: agentline keys revoke ID');
      const ok = await withDb(config, (opened) => revokeKey({ db: opened.db, clock: systemClock }, id));
      if (!ok) {
        err(`No active key ${id}.`);
        return 1;
      }
      out(`Revoked ${id}. Requests with it now answer 401 token_invalid.`);
      return 0;
    }
    default:
      err(HELP);
      return 2;
  }
}

/** Texts a test number through the API (test keys) and waits for the agent's answer. */
async function textTestNumber(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { from: { type: 'string', default: '+15555550100' }, key: { type: 'string' }, url: { type: 'string' }, wait: { type: 'string', default: '30' } },
  });
  const [number, text] = positionals;
  if (!number || !isE164(number) || !text) throw new KeyInputError('usage: agentline sms +14155550123 "your message" [--from +1...]');
  const key = values.key ?? process.env.AGENTLINE_KEY;
  if (!key) throw new KeyInputError('pass --key al_test_... or set AGENTLINE_KEY');
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  const base = values.url ?? `http://${host}:${config.port}`;
  const api = async (path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(10_000),
    });
    const json = (await res.json()) as { data?: any; error?: { message: string } };
    if (!res.ok) throw new KeyInputError(json.error?.message ?? `HTTP ${res.status}`);
    return json.data;
  };
  const numbers = (await api(`/v1/numbers?status=active&phone_number=${encodeURIComponent(number)}`)) as { id: string }[];
  if (numbers.length === 0) throw new KeyInputError(`no active number ${number} for this key`);
  const sent = (await api('/v1/sms/test-inbound', { to: numbers[0]!.id, from: values.from, body: text })) as { id: string };
  out(`you (${values.from}) -> ${number}: ${text}`);
  const deadline = Date.now() + Number(values.wait) * 1000;
  while (Date.now() < deadline) {
    const replies = (await api(`/v1/sms?direction=outbound&counterpart=${encodeURIComponent(values.from!)}&number_id=${numbers[0]!.id}&limit=5`)) as { id: string; body: string }[];
    const reply = replies.find((r) => r.id > sent.id);
    if (reply) {
      out(`${number} -> you: ${reply.body}`);
      return 0;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  // Say why, when we can tell: an agent reply is an SMS, and SMS cost credits.
  const balance = (await api('/v1/credits/balance')) as { balance_cents: number; prices: { sms_segment_cents: number } };
  if (balance.balance_cents < balance.prices.sms_segment_cents) {
    err(`No reply: the balance ($${(balance.balance_cents / 100).toFixed(2)}) cannot pay for the agent's SMS. Buy credits with POST /v1/credits/purchase.`);
  } else {
    err('No reply yet (the number may be on inbound_mode "off", or its agent failed); see GET /v1/sms.');
  }
  return 1;
}

async function call(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { listen: { type: 'boolean', default: false }, from: { type: 'string' }, key: { type: 'string' }, url: { type: 'string' } },
  });
  const number = positionals[0];
  if (!number || !isE164(number)) throw new KeyInputError('usage: agentline call +14155550123 (an E.164 number)');
  const key = values.key ?? process.env.AGENTLINE_KEY;
  if (!key) throw new KeyInputError('pass --key al_test_... or set AGENTLINE_KEY');
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  return runSoftphone({ baseUrl: values.url ?? `http://${host}:${config.port}`, key, number, listen: values.listen, from: values.from, out: (s) => process.stdout.write(s) });
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    out(HELP);
    return command === undefined ? 2 : 0;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      err(`agentline: configuration error: ${e.message}`);
      return 78; // EX_CONFIG
    }
    throw e;
  }
  try {
    switch (command) {
      case 'serve':
        await serve(config);
        return -1; // keeps running
      case 'migrate': {
        const applied = await withDb(config, async (opened) => migrateToLatest(opened.db));
        out(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
        return 0;
      }
      case 'keys':
        return await keys(config, args);
      case 'call':
        return await call(config, args);
      case 'sms':
        return await textTestNumber(config, args);
      case 'example-agent': {
        const { values } = parseArgs({ args, options: { port: { type: 'string', default: '4000' }, host: { type: 'string', default: '127.0.0.1' } } });
        const agent = await startExampleAgent({ port: Number(values.port), host: values.host!, secret: process.env.AGENT_WEBHOOK_SECRET });
        out(`Example agent listening on ${agent.url}`);
        out(`Point a number at it: curl -s ${`http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`}/v1/numbers -H "Authorization: Bearer $AGENTLINE_KEY" -H 'Content-Type: application/json' -d '{"webhook_url": "${agent.url}", "first_message": "Hello! You are talking to the example agent."}'`);
        return -1;
      }
      default:
        err(`agentline: unknown command "${command}"\n`);
        err(HELP);
        return 2;
    }
  } catch (e) {
    if (e instanceof KeyInputError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`agentline: ${(e as Error).message}`);
      return 2;
    }
    throw e;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (e: unknown) => {
    err(`agentline: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exitCode = 1;
  },
);
