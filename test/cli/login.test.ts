import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv, promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Api, createHarness, expectOk, type Harness } from '../helpers/harness.js';

// `agentline login`, the built CLI (dist/) spawned as a user runs it, against a gateway listening
// on loopback: the install token is exchanged, the key lands in .env (0600), a replay is refused.

const run = promisify(execFile);
// Each test spawns the CLI several times (a Node start each): generous on a shared machine.
vi.setConfig({ testTimeout: 90_000 });
const CLI = join(process.cwd(), 'bin', 'agentline.mjs');
let dir: string;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Result = { code: number; stdout: string; stderr: string };
const env = (extra: Record<string, string> = {}) => ({ PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', AGENTLINE_DB: join(dir, 'cli.db'), ...extra });

async function agentline(args: string[], opts: { input?: string; env?: Record<string, string> } = {}): Promise<Result> {
  return new Promise((resolveRun) => {
    const child = spawn('node', [CLI, ...args], { cwd: dir, env: env(opts.env), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolveRun({ code: code ?? -1, stdout, stderr });
    });
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}

async function gateway(): Promise<{ url: string; api: Api; workspaceId: string }> {
  h = await createHarness();
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  const { key, workspaceId } = await h.keyWithId({ workspace: 'acme', scopes: ['calls:write', 'sms:write'] });
  return { url, api: h.api(key), workspaceId };
}

const mint = async (api: Api) => expectOk(await api.post('/v1/auth/install-token'), 201).data.token as string;

describe('agentline login', () => {
  it('exchanges a token given as an argument, stores the key and URL in .env (0600), and refuses the same token again', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentline-login-'));
    const { url, api, workspaceId } = await gateway();
    writeFileSync(join(dir, '.env'), '# mine\nPORT=3005\nAGENTLINE_KEY=al_test_old\n', { mode: 0o644 });
    const token = await mint(api);

    const r = await agentline(['login', token, '--url', url, '--label', 'laptop']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Signed in to workspace "acme"');
    expect(r.stdout).toContain('mode 0600');
    expect(r.stdout).not.toMatch(/al_test_[0-9A-Za-z]{32}/); // the key goes to the file, not the screen

    const file = join(dir, '.env');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# mine\nPORT=3005\n'); // other lines kept
    const vars = parseEnv(text);
    expect(vars.AGENTLINE_URL).toBe(url);
    expect(vars.AGENTLINE_KEY).toMatch(/^al_test_[0-9A-Za-z]{32}$/);
    expect(text.match(/AGENTLINE_KEY=/g)).toHaveLength(1);
    const me = expectOk(await h!.api(vars.AGENTLINE_KEY!).get('/v1/me')).data;
    expect(me).toMatchObject({ workspace: { id: workspaceId }, key: { scopes: ['calls:write', 'sms:write'] } });
    const labelled = await h!.opened.db.selectFrom('api_keys').select(['id', 'label']).where('label', '=', 'laptop').execute();
    expect(labelled.map((k) => k.id)).toEqual([me.key.id]);
    const listed = await agentline(['keys', 'list'], { env: { AGENTLINE_DB: h!.config.dbPath } });
    expect(listed.stdout.split('\n').find((l) => l.startsWith(me.key.id))).toContain('"laptop"');

    // The same token again: refused, the file untouched, an audit event in the workspace.
    const replay = await agentline(['login', '--token', token, '--url', url]);
    expect(replay.code).toBe(1);
    expect(replay.stderr).toContain('already been used');
    expect(replay.stderr).toContain(`${url}/v1/auth/install-token`);
    expect(readFileSync(file, 'utf8')).toBe(text);
    const admin = h!.api(await h!.key({ workspace: 'acme' }));
    expect(expectOk(await admin.get('/v1/events?type=auth.install_token.replayed')).data).toHaveLength(1);
  });

  it('reads the token from stdin and creates .env with mode 0600; later commands find the stored URL', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentline-login-'));
    const { url, api } = await gateway();
    const r = await agentline(['login', '--url', url], { input: `  ${await mint(api)}  \n` });
    expect(r.code, r.stderr).toBe(0);
    const file = join(dir, '.env');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const vars = parseEnv(readFileSync(file, 'utf8'));
    expect(vars.AGENTLINE_KEY).toMatch(/^al_test_/);

    // A second login without --url goes to the gateway stored in .env (AGENTLINE_URL).
    const again = await agentline(['login'], { input: `${await mint(api)}\n` });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`AGENTLINE_URL=${url}`);
    expect(parseEnv(readFileSync(file, 'utf8')).AGENTLINE_KEY).not.toBe(vars.AGENTLINE_KEY);
  });

  it('says what to do when the token is missing, malformed or expired, or the gateway is down', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentline-login-'));
    const { url, api } = await gateway();
    const none = await agentline(['login', '--url', url], { input: '' });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`curl -X POST ${url}/v1/auth/install-token`);
    const notToken = await agentline(['login', 'al_test_abc', '--url', url]);
    expect(notToken.code).toBe(2);
    expect(notToken.stderr).toContain('not an install token');

    const token = await mint(api);
    h!.clock.advance(6 * 60_000);
    const expired = await agentline(['login', token, '--url', url]);
    expect(expired.code).toBe(1);
    expect(expired.stderr).toContain('expired');

    const down = await agentline(['login', token, '--url', 'http://127.0.0.1:9']);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain('Cannot reach the gateway at http://127.0.0.1:9');
    expect(() => statSync(join(dir, '.env'))).toThrow();
  });

  it('--help explains where the token comes from and where the key goes', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentline-login-'));
    const r = await run('node', [CLI, 'login', '--help'], { cwd: dir, env: env() });
    expect(r.stdout).toContain('Usage: agentline login [options] [token]');
    for (const s of ['--token', '--url', '--label', '--env-file', '/v1/auth/install-token', '0600', '5 minutes']) expect(r.stdout).toContain(s);
    expect((await run('node', [CLI, '--help'], { cwd: dir, env: env() })).stdout).toMatch(/\n {2}login\b.*\S/);
  });
});
