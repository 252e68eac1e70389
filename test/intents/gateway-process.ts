import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

// The built gateway as a real child process (`node bin/agentline.mjs serve`), on a database file
// the test keeps across restarts, pointed at the fake Twilio REST server running in the test
// process (whose state therefore survives the gateway's crash). `failpoint` arms the test-only
// AGENTLINE_FAILPOINT (src/intents/failpoints.ts): the process SIGKILLs itself at that point.

const run = promisify(execFile);
const CLI = join(process.cwd(), 'bin', 'agentline.mjs');

export interface GatewayEnv {
  dbPath: string;
  twilioBaseUrl: string;
  accountSid: string;
  authToken: string;
}

export interface Gateway {
  url: string;
  child: ChildProcess;
  /** Resolves with the signal that ended the process (SIGKILL after a failpoint). */
  exited: Promise<NodeJS.Signals | number | null>;
  output(): string;
  stop(): Promise<void>;
}

const envOf = (g: GatewayEnv, extra: Record<string, string> = {}) => ({
  PATH: process.env.PATH ?? '',
  AGENTLINE_DB: g.dbPath,
  PORT: '0',
  HOST: '127.0.0.1',
  PUBLIC_URL: 'https://gw.example.com',
  TWILIO_ACCOUNT_SID: g.accountSid,
  TWILIO_AUTH_TOKEN: g.authToken,
  TWILIO_API_BASE_URL: g.twilioBaseUrl,
  // Short, so an unfinished intent's settle window (2 × timeout + 1 s) passes quickly.
  TWILIO_TIMEOUT_MS: '500',
  LOG_LEVEL: 'warn',
  ...extra,
});

export async function createLiveKey(g: GatewayEnv, workspace: string): Promise<string> {
  const { stdout } = await run('node', [CLI, 'keys', 'create', '--workspace', workspace, '--mode', 'live', '--create-workspace', '--json'], { env: envOf(g) });
  return (JSON.parse(stdout.trim()) as { key: string }).key;
}

export async function startGateway(g: GatewayEnv, opts: { failpoint?: string; env?: Record<string, string> } = {}): Promise<Gateway> {
  const child = spawn('node', [CLI, 'serve'], {
    env: envOf(g, { ...opts.env, ...(opts.failpoint ? { AGENTLINE_FAILPOINT: opts.failpoint } : {}) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  const url = await new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`gateway did not start:\n${out}`)), 30_000);
    const check = () => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    void exited.then(() => {
      clearTimeout(t);
      reject(new Error(`gateway exited while starting:\n${out}`));
    });
  });
  return {
    url,
    child,
    exited,
    output: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

export function apiClient(key: string) {
  return async function call(baseUrl: string, method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<Answer> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };
}

/** Polls until `check` returns a value (state that settles in the background). */
export async function poll<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not reached in ${timeoutMs} ms${last ? ` (${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
