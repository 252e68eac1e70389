import type { Aggregation, Bucket } from './query-schema.js';

// Aggregations in JavaScript, the same on SQLite and PostgreSQL (neither has percentiles in
// common, and SQLite has none). Nulls are ignored by every aggregation but `count`.

/** Linear interpolation between closest ranks (PostgreSQL's percentile_cont); null when empty. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (sorted.length - 1) * p;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export function aggregate(agg: Aggregation, values: readonly unknown[]): number | null {
  if (agg === 'count') return values.length;
  if (agg === 'count_distinct') return new Set(values.filter((v) => v !== null && v !== undefined)).size;
  const nums = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (nums.length === 0) return agg === 'sum' ? 0 : null;
  switch (agg) {
    case 'sum':
      return nums.reduce((a, b) => a + b, 0);
    case 'avg':
      return nums.reduce((a, b) => a + b, 0) / nums.length;
    case 'min':
      return nums.reduce((a, b) => (b < a ? b : a));
    case 'max':
      return nums.reduce((a, b) => (b > a ? b : a));
    case 'p50':
    case 'p95': {
      const sorted = [...nums].sort((a, b) => a - b);
      return percentile(sorted, agg === 'p50' ? 0.5 : 0.95);
    }
  }
}

/** The start (UTC, ISO) of the bucket an ISO timestamp falls in; null for a null time. */
export function bucketOf(iso: string | null, bucket: Bucket): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  switch (bucket) {
    case 'hour':
      d.setUTCMinutes(0, 0, 0);
      break;
    case 'day':
      d.setUTCHours(0, 0, 0, 0);
      break;
    case 'week': {
      d.setUTCHours(0, 0, 0, 0);
      d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7)); // back to Monday
      break;
    }
    case 'month':
      d.setUTCHours(0, 0, 0, 0);
      d.setUTCDate(1);
      break;
  }
  return d.toISOString();
}
