import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The calls code reaches the CRM only through TurnContextProvider (src/calls/turn-context.ts):
// no module under src/calls imports anything under src/crm.

const CALLS = join(import.meta.dirname, '../../src/calls');

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? modules(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('the calls folder', () => {
  it('imports nothing from src/crm', () => {
    const offending = modules(CALLS).flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      const specifiers = [...source.matchAll(/(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
      return specifiers.filter((s) => /(^|\/)crm(\/|$)/.test(s)).map((s) => `${file.slice(CALLS.length + 1)} → ${s}`);
    });
    expect(modules(CALLS).length).toBeGreaterThan(5);
    expect(offending).toEqual([]);
  });
});
