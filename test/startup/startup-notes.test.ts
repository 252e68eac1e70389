import { describe, expect, it } from 'vitest';
import { describeGcThreads, v8PoolSize } from '../../src/startup-notes.js';

describe('v8PoolSize', () => {
  it('reads --v8-pool-size from the command line first, then NODE_OPTIONS', () => {
    expect(v8PoolSize(['--v8-pool-size=1'], undefined)).toBe(1);
    expect(v8PoolSize(['--v8-pool-size', '3'], undefined)).toBe(3);
    expect(v8PoolSize(['--v8-pool-size=1'], '--v8-pool-size=4')).toBe(1);
    expect(v8PoolSize(['--expose-gc'], ' --max-old-space-size=512  --v8-pool-size=2 ')).toBe(2);
    expect(v8PoolSize(['--v8-pool-size=2', '--v8-pool-size=1'], undefined)).toBe(1); // the last one counts
  });

  it("is null for Node's default, and ignores what is not a number", () => {
    expect(v8PoolSize([], undefined)).toBeNull();
    expect(v8PoolSize(['--v8-pool-size=many'], '')).toBeNull();
  });
});

describe('describeGcThreads', () => {
  it('names the size, and how to set it when it is the default', () => {
    expect(describeGcThreads(1)).toBe('V8 background threads: 1 (--v8-pool-size=1)');
    expect(describeGcThreads(0)).toContain("Node's estimate of the cores");
    expect(describeGcThreads(null)).toContain('--v8-pool-size=1');
  });
});
