import { describe, expect, it } from 'vitest';
import { backoffMs, DEFAULT_SCHEDULE_MS } from '../../src/webhooks/delivery-outcome.js';
import { secretPreview } from '../../src/webhooks/webhook-dto.js';

describe('retry schedule', () => {
  it('retries for about a day with at least five attempts, then stops', () => {
    const exact = { schedule: DEFAULT_SCHEDULE_MS, jitter: 0, random: () => 0.5 };
    const delays: number[] = [];
    for (let attempt = 1; ; attempt++) {
      const d = backoffMs(exact, attempt);
      if (d === null) break;
      delays.push(d);
    }
    expect(delays.length + 1).toBeGreaterThanOrEqual(5);
    expect(delays).toEqual([...delays].sort((a, b) => a - b)); // exponential-ish: never shorter
    const total = delays.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(18 * 3600_000);
    expect(total).toBeLessThan(30 * 3600_000);
  });

  it('jitters each delay within ±jitter', () => {
    const low = backoffMs({ schedule: [1000], jitter: 0.2, random: () => 0 }, 1);
    const high = backoffMs({ schedule: [1000], jitter: 0.2, random: () => 0.999999 }, 1);
    expect(low).toBe(800);
    expect(high).toBe(1200);
  });

  it('previews secrets without revealing them', () => {
    expect(secretPreview('whsec_abcdEFGHijklMNOPwxyz')).toBe('whsec_abcd...wxyz');
  });
});
