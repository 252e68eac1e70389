import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

// `--help` on every command prints its usage and does nothing else (it used to start the
// gateway or migrate the database); usage errors exit 2, so scripts can tell them apart.

const run = promisify(execFile);
const CLI = join(process.cwd(), 'bin', 'agentline.mjs');
let dir: string;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

type Result = { code: number; stdout: string; stderr: string };
async function agentline(args: string[], extra: Record<string, string> = {}): Promise<Result> {
  return run('node', [CLI, ...args], { cwd: dir, env: { PATH: process.env.PATH ?? '', AGENTLINE_DB: join(dir, 'db.sqlite'), ...extra }, timeout: 20_000 }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

const COMMANDS: [string[], string[]][] = [
  [['serve'], ['--port', '--host']],
  [['migrate'], []],
  [['keys'], ['create', 'list', 'revoke']],
  [['keys', 'create'], ['--workspace', '--mode', '--scopes', '--read-only', '--create-workspace', '--json']],
  [['keys', 'list'], ['--json']],
  [['keys', 'revoke'], ['<id>']],
  [['login'], ['[token]', '--token', '--url', '--label', '--env-file']],
  [['plans'], ['show', 'set', 'clear']],
  [['call'], ['--listen', '--from', '--key', '--url']],
  [['sms'], ['--from', '--key', '--url', '--wait']],
  [['example-agent'], ['--port', '--host']],
];

describe('agentline --help', () => {
  it.each(COMMANDS)('%s --help lists its options and touches nothing', async (command, options) => {
    dir = mkdtempSync(join(tmpdir(), 'agentline-help-'));
    const r = await agentline([...command, '--help'], { PORT: '1' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: agentline ${command.join(' ')}`);
    for (const o of options) expect(r.stdout).toContain(o);
    expect(r.stdout).not.toMatch(/listening|al_test_/);
    expect(existsSync(join(dir, 'db.sqlite'))).toBe(false);
  });

  it('lists every command with a one-line description, and prints the version', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentline-help-'));
    const r = await agentline(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['serve', 'migrate', 'keys', 'login', 'plans', 'call', 'sms', 'example-agent']) expect(r.stdout).toMatch(new RegExp(`\\n  ${c}\\b.*\\S`));
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
    expect((await agentline(['--version'])).stdout.trim()).toBe(version);
  });

  it('exits 2 on usage errors, with one line saying what is wrong', async () => {
    dir = mkdtempSync(join(tmpdir(), 'agentline-help-'));
    const cases: [string[], RegExp][] = [
      [[], /Usage: agentline/],
      [['bogus'], /unknown command 'bogus'/],
      [['serve', '--bogus'], /unknown option '--bogus'/],
      [['serve', '--port', 'eighty'], /--port.*0 to 65535/],
      [['keys', 'create', '--workspace', 'acme'], /--mode/],
      [['keys', 'create', '--workspace', 'acme', '--mode', 'staging'], /staging/],
      [['call'], /missing required argument 'number'/],
      [['call', '12345', '--key', 'al_test_x'], /E\.164/],
      [['call', '+14155550100'], /AGENTLINE_KEY/],
      [['sms', '+14155550100'], /missing required argument 'text'/],
      [['call', '+14155550100', '--key', 'k', '--url', 'ftp://x'], /--url.*http/],
    ];
    for (const [args, message] of cases) {
      const r = await agentline(args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
    expect(existsSync(join(dir, 'db.sqlite'))).toBe(false);
  }, 90_000);
});
