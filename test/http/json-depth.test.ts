import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from '../../src/http/json-depth.js';

const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);

describe('nestsDeeperThan', () => {
  it('counts objects and arrays, up to and past the limit', () => {
    expect(nestsDeeperThan('{}', 1)).toBe(false);
    expect(nestsDeeperThan('{"a":[{}]}', 3)).toBe(false);
    expect(nestsDeeperThan('{"a":[{}]}', 2)).toBe(true);
    expect(nestsDeeperThan(nested(32), 32)).toBe(false);
    expect(nestsDeeperThan(nested(33), 32)).toBe(true);
    expect(nestsDeeperThan('['.repeat(5000), 32)).toBe(true);
    expect(nestsDeeperThan('[[],[],[],[]]', 2)).toBe(false);
  });

  it('ignores brackets inside strings, including after escaped quotes and backslashes', () => {
    expect(nestsDeeperThan(JSON.stringify({ a: '[[[[[[{{{{' }), 1)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ a: 'say \\"[[[[" ok' }), 1)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ a: 'ends in a backslash \\', b: [[1]] }), 2)).toBe(true);
    expect(nestsDeeperThan(JSON.stringify({ a: 'ends in a backslash \\', b: [[1]] }), 3)).toBe(false);
  });
});
