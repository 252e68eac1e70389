import { mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { writeEnvValues } from '../../src/cli/commands/login-env-file.js';

// What `agentline login` does to a .env file: sets its names, keeps everything else, 0600.

let dir: string;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('writeEnvValues', () => {
  it('replaces the names (export prefix, duplicates), keeps other lines and multi-line values, and is 0600', () => {
    dir = mkdtempSync(join(tmpdir(), 'agentline-envfile-'));
    const file = join(dir, '.env');
    const before = [
      '# settings',
      'export AGENTLINE_KEY=al_test_old',
      'AGENTLINE_SYSTEM="line one',
      'AGENTLINE_KEY=inside a quoted value',
      'end"',
      'PORT=3001',
      'AGENTLINE_KEY=al_test_dup',
      '',
    ].join('\n');
    writeFileSync(file, before, { mode: 0o644 });
    const w = writeEnvValues(file, { AGENTLINE_KEY: 'al_test_new', AGENTLINE_URL: 'https://gw.example.com/x#y' });
    expect(w).toMatchObject({ created: false, previous: { AGENTLINE_KEY: 'al_test_dup', AGENTLINE_URL: undefined } });
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('AGENTLINE_SYSTEM="line one\nAGENTLINE_KEY=inside a quoted value\nend"\nPORT=3001\n');
    expect(text.match(/^AGENTLINE_KEY=/gm)).toHaveLength(2); // ours, and the line inside the quoted value
    const vars = parseEnv(text);
    expect(vars).toMatchObject({ AGENTLINE_KEY: 'al_test_new', AGENTLINE_URL: 'https://gw.example.com/x#y', PORT: '3001' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('creates a missing file and updates a symlinked one where it lives', () => {
    dir = mkdtempSync(join(tmpdir(), 'agentline-envfile-'));
    const created = writeEnvValues(join(dir, 'new.env'), { AGENTLINE_KEY: 'k' });
    expect(created.created).toBe(true);
    expect(parseEnv(readFileSync(join(dir, 'new.env'), 'utf8')).AGENTLINE_KEY).toBe('k');
    writeFileSync(join(dir, 'real.env'), 'A=1\n');
    symlinkSync(join(dir, 'real.env'), join(dir, 'link.env'));
    writeEnvValues(join(dir, 'link.env'), { AGENTLINE_KEY: 'k2' });
    expect(readFileSync(join(dir, 'real.env'), 'utf8')).toContain('AGENTLINE_KEY=k2');
    expect(statSync(join(dir, 'link.env'), { throwIfNoEntry: true }).isFile()).toBe(true);
  });
});
