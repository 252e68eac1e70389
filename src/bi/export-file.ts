import type { BiResult } from './query-schema.js';

// An export's file: CSV (RFC 4180, a header row of column keys) or JSON. A CSV cell that a
// spreadsheet would run as a formula (=, +, -, @ first) is prefixed with a quote (OWASP CSV
// injection); numbers stay numbers.

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  let s = typeof v === 'string' ? v : JSON.stringify(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderCsv(result: Pick<BiResult, 'columns' | 'rows'>): string {
  const keys = result.columns.map((c) => c.key);
  const lines = [keys.map(cell).join(','), ...result.rows.map((r) => keys.map((k) => cell(r[k])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

export function renderJson(result: BiResult, generatedAt: Date): string {
  return JSON.stringify({ generated_at: generatedAt.toISOString(), time_range: result.time_range, columns: result.columns, rows: result.rows, truncated: result.truncated });
}
