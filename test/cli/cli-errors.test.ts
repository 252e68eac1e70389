import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:net';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startExampleAgent } from '../../src/examples/example-agent.js';
import { createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';

// What a newcomer meets, run as they run it: one line naming the cause and the fix, a non-zero
// exit code, never a stack trace.

const CLI = join(process.cwd(), 'bin', 'agentline.mjs');
let dir: string;
let blocker: Server | undefined;
let h: Harness | undefined;
let agent: HttpServer | undefined;
afterEach(async () => {
  await new Promise((r) => (blocker ? blocker.close(r) : r(undefined)));
  blocker = undefined;
  await h?.close();
  h = undefined;
  await new Promise((r) => (agent ? agent.close(r) : r(undefined)));
  agent = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Result = { code: number; stdout: string; stderr: string };
/** Runs the built CLI with stdin closed at once (a script with nothing to say). */
function agentline(args: string[], extra: Record<string, string> = {}): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn('node', [CLI, ...args], { cwd: dir, env: { PATH: process.env.PATH ?? '', AGENTLINE_DB: join(dir, 'db.sqlite'), LOG_LEVEL: 'warn', ...extra } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
    child.stdin.end();
  });
}

/** One line on stderr, no stack trace. */
function expectOneLine(r: Result, code: number, message: RegExp) {
  expect({ code: r.code, stderr: r.stderr }).toMatchObject({ code, stderr: expect.stringMatching(message) });
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
}

async function busyPort(): Promise<number> {
  blocker = createServer();
  await new Promise<void>((r) => blocker!.listen(0, '127.0.0.1', r));
  return (blocker.address() as AddressInfo).port;
}

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

describe('agentline serve errors', () => {
  it('a port in use: one line, exit 1, and the one-time key is kept for the start that works', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentline-err-'));
    const port = await busyPort();
    const r = await agentline(['serve'], { PORT: String(port) });
    expectOneLine(r, 1, new RegExp(`^agentline: Port ${port} is in use \\(another Agentline\\?\\)\\. Stop it or set PORT=${port + 1}`));
    expect(r.stdout).not.toContain('al_test_');
    // The first key is printed by the first start that listens, not spent on the failed one.
    const keys = JSON.parse((await agentline(['keys', 'list', '--json'])).stdout);
    expect(keys).toEqual([]);
  });

  it('--port overrides PORT, and the same one-line error names it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentline-err-'));
    const port = await busyPort();
    expectOneLine(await agentline(['serve', '--port', String(port)], { PORT: '1' }), 1, new RegExp(`Port ${port} is in use`));
  });

  it('an AGENTLINE_DB that cannot be written: one line that names the path and the fix', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentline-err-'));
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    const underFile = join(dir, 'a-file', 'agentline.db');
    for (const command of [['serve'], ['migrate'], ['keys', 'list']]) {
      const r = await agentline(command, { AGENTLINE_DB: underFile, PORT: '0' });
      expectOneLine(r, 1, new RegExp(`Cannot open the database at ${underFile.replaceAll('/', '\\/')}: .*Set AGENTLINE_DB to a file path`));
    }
    mkdirSync(join(dir, 'a-folder'));
    expectOneLine(await agentline(['migrate'], { AGENTLINE_DB: join(dir, 'a-folder') }), 1, /Cannot open the database at .*a-folder: .*Set AGENTLINE_DB/);
  }, 60_000);

  it('a bad setting is exit 78 naming the variable', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentline-err-'));
    expectOneLine(await agentline(['serve'], { PORT: 'eighty' }), 78, /configuration error: PORT: must be a whole number/);
  });

  it('example-agent on a port in use: one line, exit 1', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentline-err-'));
    const port = await busyPort();
    expectOneLine(await agentline(['example-agent', '--port', String(port)]), 1, new RegExp(`Port ${port} is in use`));
  });
});

describe('agentline call / sms errors', () => {
  it('no gateway at --url: one line that says so, exit 1', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentline-err-'));
    const url = `http://127.0.0.1:${await closedPort()}`;
    const reach = new RegExp(`^agentline: Cannot reach the gateway at ${url.replaceAll('/', '\\/')} \\(connection refused\\)\\. Is \`agentline serve\` running there\\?`);
    expectOneLine(await agentline(['call', '+14155550100', '--key', 'al_test_x', '--url', url]), 1, reach);
    expectOneLine(await agentline(['sms', '+14155550100', 'hi', '--key', 'al_test_x', '--url', url]), 1, reach);
  });

  it('a wrong or live key: one line, exit 1; a number that does not exist: exit 1', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentline-err-'));
    h = await createHarness();
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    const wrong = `al_test_${'x'.repeat(32)}`;
    for (const cmd of [['call', '+14155550100'], ['sms', '+14155550100', 'hi']]) {
      expectOneLine(await agentline([...cmd, '--key', wrong, '--url', url]), 1, /^agentline: The gateway refused the key \(token_invalid: .*\)\. Check --key or AGENTLINE_KEY/);
      expectOneLine(await agentline([...cmd, '--key', await h.key({ mode: 'live' }), '--url', url]), 1, /live key.*test key/);
    }
    const key = await h.key();
    const call = await agentline(['call', '+14155550199', '--key', key, '--url', url]);
    expect(call.code).toBe(1);
    expect(call.stdout).toContain('No active test number +14155550199');
    expectOneLine(await agentline(['sms', '+14155550199', 'hi', '--key', key, '--url', url]), 1, /No active number \+14155550199/);
  }, 60_000);

  it('a call the gateway refuses (inbound off) exits 1; one that connects and ends exits 0', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentline-err-'));
    h = await createHarness();
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    const key = await h.key();
    const api = h.api(key);
    await fund(api, 1000);
    const example = await startExampleAgent({ port: 0, host: '127.0.0.1', wordDelayMs: 1 });
    agent = example.server;
    const num = expectOk(await api.post('/v1/numbers', { webhook_url: example.url, inbound_mode: 'off' }), 201).data;
    const refused = await agentline(['call', num.phone_number, '--key', key, '--url', url]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('[call ended: refused_inbound_off]');
    expectOk(await api.patch(`/v1/numbers/${num.id}`, { inbound_mode: 'autopilot' }));
    const ok = await agentline(['call', num.phone_number, '--key', key, '--url', url]);
    expect(ok.stdout).toContain('Connected:');
    expect(ok.code).toBe(0);
  });
});
