import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationProvider } from '../../src/db/migrations/index.js';

// A newcomer's first minutes, with the built CLI as a child process: migrate says what it did,
// a mistyped workspace is refused, ./.env is read, and the start-up lines say what can run.

const CLI = join(process.cwd(), 'bin', 'agentline.mjs');
let dir: string;
let server: ChildProcess | undefined;
afterEach(() => {
  server?.kill('SIGKILL');
  server = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Result = { code: number; stdout: string; stderr: string };
function agentline(args: string[], env: Record<string, string> = {}): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn('node', [CLI, ...args], { cwd: dir, env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end();
  });
}

/** Starts `agentline serve` (LOG_LEVEL info) and resolves with its stdout once it has logged its rules. */
function serve(env: Record<string, string>): Promise<string> {
  server = spawn('node', [CLI, 'serve'], { cwd: dir, env: { PATH: process.env.PATH ?? '', PORT: '0', ...env } });
  let out = '';
  return new Promise((resolve, reject) => {
    server!.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (/Agentline listening on http\S+.*\n.*managed agents.*\n/.test(out) && out.includes('customer URLs:')) resolve(out);
    });
    server!.on('exit', () => reject(new Error(`serve exited: ${out}`)));
  });
}

describe('agentline migrate', () => {
  it('says it created the database and how many migrations it applied; then that it is up to date', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentline-first-'));
    const n = Object.keys(await migrationProvider.getMigrations()).length;
    const env = { AGENTLINE_DB: join(dir, 'data', 'agentline.db') };
    const first = await agentline(['migrate'], env);
    expect(first).toMatchObject({ code: 0, stdout: `Created the database at ${env.AGENTLINE_DB} (${n} migrations applied).\n` });
    const again = await agentline(['migrate'], env);
    expect(again).toMatchObject({ code: 0, stdout: `The database at ${env.AGENTLINE_DB} is up to date (${n} migrations).\n` });
  });
});

describe('agentline keys create --workspace', () => {
  it('refuses a workspace that does not exist, naming the ones that do, unless --create-workspace', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentline-first-'));
    const env = { AGENTLINE_DB: join(dir, 'db.sqlite') };
    const none = await agentline(['keys', 'create', '--workspace', 'default', '--mode', 'test'], env);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('agentline: There is no workspace yet. Pass --create-workspace to create "default".\n');
    expect((await agentline(['keys', 'create', '--workspace', 'default', '--mode', 'test', '--create-workspace'], env)).code).toBe(0);

    const typo = await agentline(['keys', 'create', '--workspace', 'defualt', '--mode', 'test'], env);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe('agentline: No workspace "defualt" (existing: default). Pass --create-workspace to create it.\n');
    expect(typo.stdout).not.toContain('al_test_');
    const keys = JSON.parse((await agentline(['keys', 'list', '--json'], env)).stdout) as { workspace: string }[];
    expect(keys.map((k) => k.workspace)).toEqual(['default']);

    const more = await agentline(['keys', 'create', '--workspace', 'default', '--mode', 'live', '--json'], env);
    expect(JSON.parse(more.stdout)).toMatchObject({ mode: 'live' });
  }, 60_000);
});

describe('.env', () => {
  it('is read from the current directory; the real environment wins; a malformed one is a config error', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentline-first-'));
    writeFileSync(join(dir, '.env'), '# my settings\nAGENTLINE_DB=./from-dotenv.db\nLOG_LEVEL=warn\n');
    expect((await agentline(['migrate'])).stdout).toContain('Created the database at ./from-dotenv.db');
    expect(existsSync(join(dir, 'from-dotenv.db'))).toBe(true);

    expect((await agentline(['migrate'], { AGENTLINE_DB: join(dir, 'from-env.db') })).stdout).toContain(`Created the database at ${join(dir, 'from-env.db')}`);

    writeFileSync(join(dir, '.env'), 'AGENTLINE_DB=./x.db\nPORT 3001\n');
    const bad = await agentline(['migrate']);
    expect(bad).toMatchObject({ code: 78, stderr: 'agentline: configuration error: .env: line 2 is not NAME=value: "PORT 3001"\n' });
    writeFileSync(join(dir, '.env'), 'PORT=eighty\n');
    expect(await agentline(['serve'])).toMatchObject({ code: 78, stderr: expect.stringContaining('PORT: must be a whole number') });
    writeFileSync(join(dir, '.env'), 'AGENTLINE_DB=./typo.db\nAGENTLINE_PRICE_NUMBER_CENT=100\n');
    const typo = await agentline(['migrate']);
    expect(typo.code).toBe(0);
    expect(typo.stderr).toBe('agentline: warning: .env sets AGENTLINE_PRICE_NUMBER_CENT, which Agentline does not read (a typo? see .env.example)\n');
    // --help still works with a broken .env: it is read only when a command runs.
    expect((await agentline(['serve', '--help'])).code).toBe(0);
  }, 60_000);
});

describe('agentline serve start-up lines', () => {
  it('say which agents can run and which outbound URL rule is in force', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentline-first-'));
    const out = await serve({ AGENTLINE_DB: join(dir, 'a.db'), LOG_LEVEL: 'info', PUBLIC_URL: 'https://agents.example.com' });
    expect(out).toContain('webhook agents: yes; managed agents: need OPENAI_API_KEY (or OPENAI_BASE_URL pointed at any OpenAI-compatible server)');
    expect(out).toContain('set OPENAI_API_KEY, or OPENAI_BASE_URL to any OpenAI-compatible server');
    expect(out).toContain('customer URLs: private addresses refused (PUBLIC_URL https://agents.example.com is public; set AGENTLINE_ALLOW_PRIVATE_URLS=true to allow)');
    server!.kill('SIGKILL');

    const withModel = await serve({ AGENTLINE_DB: join(dir, 'b.db'), LOG_LEVEL: 'info', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_MODEL: 'llama3.2' });
    expect(withModel).toContain('webhook agents: yes; managed agents: model llama3.2 at http://127.0.0.1:11434/v1');
    expect(withModel).not.toContain('need OPENAI_API_KEY');
    expect(withModel).toContain('customer URLs: private addresses allowed (HOST and PUBLIC_URL are loopback)');
  }, 60_000);
});
