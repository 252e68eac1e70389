import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

// The built CLI (dist/, compiled by `pretest`), run as a user runs it.

const run = promisify(execFile);
const CLI = join(process.cwd(), 'bin', 'agentline.mjs');
let dir: string;
let child: ChildProcess | undefined;

afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const env = (extra: Record<string, string> = {}) => ({ PATH: process.env.PATH ?? '', AGENTLINE_DB: join(dir, 'db.sqlite'), LOG_LEVEL: 'warn', ...extra });

describe('agentline keys', () => {
  it('creates (JSON on stdout only), lists and revokes keys on the same database', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentline-cli-'));
    const created = await run('node', [CLI, 'keys', 'create', '--workspace', 'acme', '--mode', 'live', '--scopes', 'numbers:read,calls:write', '--create-workspace', '--json'], { env: env() });
    const lines = created.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const key = JSON.parse(lines[0]!);
    expect(Object.keys(key).sort()).toEqual(['id', 'key', 'mode', 'scopes', 'workspace_id']);
    expect(key).toMatchObject({ mode: 'live', scopes: ['numbers:read', 'calls:write'] });
    expect(key.key).toMatch(/^al_live_[0-9A-Za-z]{32}$/);

    const ro = await run('node', [CLI, 'keys', 'create', '--workspace', 'acme', '--mode', 'test', '--read-only'], { env: env() });
    expect(ro.stdout).toContain('read-only');

    const list = await run('node', [CLI, 'keys', 'list'], { env: env() });
    expect(list.stdout).toContain(key.id);
    expect(list.stdout).not.toContain(key.key);

    const revoked = await run('node', [CLI, 'keys', 'revoke', key.id], { env: env() });
    expect(revoked.stdout).toContain('Revoked');
    const listed = JSON.parse((await run('node', [CLI, 'keys', 'list', '--json'], { env: env() })).stdout);
    expect(listed.find((k: { id: string }) => k.id === key.id).revoked_at).toBeTruthy();

    await expect(run('node', [CLI, 'keys', 'create', '--workspace', 'acme', '--mode', 'staging'], { env: env() })).rejects.toMatchObject({ code: 2 });
    await expect(run('node', [CLI, 'keys', 'create', '--workspace', 'acme', '--mode', 'test', '--scopes', 'bogus:read'], { env: env() })).rejects.toMatchObject({ stderr: expect.stringContaining('bogus:read') });
    expect((await run('node', [CLI, 'migrate'], { env: env() })).stdout).toContain('up to date');
  });

  it('stops with a message naming a bad variable', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentline-cli-'));
    await expect(run('node', [CLI, 'serve'], { env: env({ PORT: 'eighty' }) })).rejects.toMatchObject({ code: 78, stderr: expect.stringContaining('PORT') });
    await expect(run('node', [CLI, 'keys', 'list'], { env: env({ PUBLIC_URL: 'not a url' }) })).rejects.toMatchObject({ stderr: expect.stringContaining('PUBLIC_URL') });
  });
});

describe('agentline serve', () => {
  it('prints a first test key on an empty database, serves it, and shuts down on SIGTERM', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentline-cli-'));
    child = spawn('node', [CLI, 'serve'], { env: env({ PORT: '0' }), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 10_000);
      child!.stdout!.on('data', () => {
        if (/listening on http/.test(out)) {
          clearTimeout(t);
          resolve();
        }
      });
    });
    const key = /al_test_[0-9A-Za-z]{32}/.exec(out)![0];
    expect(out).toContain('curl');
    const url = /listening on (http:\/\/\S+)/.exec(out)![1];
    const me = await fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${key}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { data: { workspace: { name: string } } }).data.workspace.name).toBe('default');
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const exited = new Promise<number | null>((r) => child!.on('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe('agentline serve: the V8 background threads it runs with', () => {
  // `npm start` and the Docker image give V8 one background thread (the README's Performance
  // section says why); the startup lines say what this process runs with.
  const started = async (args: string[], extra: Record<string, string> = {}) => {
    dir = mkdtempSync(join(tmpdir(), 'agentline-cli-'));
    child = spawn('node', args, { env: env({ PORT: '0', ...extra }), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 10_000);
      child!.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (/V8 background threads/.test(out)) {
          clearTimeout(t);
          resolve();
        }
      });
    });
    child.kill('SIGTERM');
    return out;
  };

  it('one, as npm start runs it', async () => {
    const npmStart = /node (--v8-pool-size=1) dist\/cli\.js serve/.exec(JSON.parse(readFileSync('package.json', 'utf8')).scripts.start);
    expect(npmStart).not.toBeNull();
    expect(await started([npmStart![1]!, CLI, 'serve'])).toContain('V8 background threads: 1 (--v8-pool-size=1)');
  });

  it("Node's default, and how to change it, when started without the flag", async () => {
    expect(await started([CLI, 'serve'])).toMatch(/V8 background threads: Node's default \(4\); on a machine of few cores start the gateway with `node --v8-pool-size=1 dist\/cli.js serve`/);
  });

  it('reads NODE_OPTIONS too', async () => {
    expect(await started([CLI, 'serve'], { NODE_OPTIONS: '--v8-pool-size=2' })).toContain('V8 background threads: 2 (--v8-pool-size=2)');
  });

  it('the Docker image starts it with one', () => {
    expect(readFileSync('Dockerfile', 'utf8')).toContain('CMD ["node", "--v8-pool-size=1", "dist/cli.js", "serve"]');
  });
});
