import { describe, expect, it } from 'vitest';
import { aggregate, bucketOf, percentile } from '../../src/bi/aggregate.js';
import { renderCsv } from '../../src/bi/export-file.js';

describe('aggregations', () => {
  it('percentiles interpolate linearly between ranks, like PostgreSQL percentile_cont', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.95)).toBe(7);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.95)).toBeCloseTo(95.5);
    expect(aggregate('p95', [100, null, 10, 50])).toBeCloseTo(95);
  });
  it('ignores nulls except in count; sum of nothing is 0, the others null', () => {
    expect(aggregate('count', [null, 1])).toBe(2);
    expect(aggregate('count_distinct', ['a', 'b', 'a', null])).toBe(2);
    expect(aggregate('sum', [1, null, 2])).toBe(3);
    expect(aggregate('avg', [1, null, 2])).toBe(1.5);
    expect(aggregate('min', [3, 1, 2])).toBe(1);
    expect(aggregate('max', [3, 1, 2])).toBe(3);
    expect(aggregate('sum', [null])).toBe(0);
    expect(aggregate('avg', [])).toBeNull();
  });
  it('buckets by UTC hour, day, ISO week (Monday) and month', () => {
    const t = '2026-12-03T17:45:12.345Z'; // a Thursday
    expect(bucketOf(t, 'hour')).toBe('2026-12-03T17:00:00.000Z');
    expect(bucketOf(t, 'day')).toBe('2026-12-03T00:00:00.000Z');
    expect(bucketOf(t, 'week')).toBe('2026-11-30T00:00:00.000Z');
    expect(bucketOf('2026-12-06T23:00:00.000Z', 'week')).toBe('2026-11-30T00:00:00.000Z'); // Sunday
    expect(bucketOf(t, 'month')).toBe('2026-12-01T00:00:00.000Z');
    expect(bucketOf(null, 'day')).toBeNull();
  });
  it('CSV quotes what needs quoting and defuses formulas', () => {
    const csv = renderCsv({ columns: [{ key: 'name', type: 'string' }, { key: 'n', type: 'number' }], rows: [{ name: 'Doe, "Jane"', n: -3 }, { name: '=HYPERLINK("x")', n: null }] });
    expect(csv).toBe('name,n\r\n"Doe, ""Jane""",-3\r\n"\'=HYPERLINK(""x"")",\r\n');
  });
});
