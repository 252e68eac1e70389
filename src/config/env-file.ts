import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { ConfigError } from './variable.js';
import { VARIABLES } from './variables.js';

// `.env` support for the CLI: Node's own loader (process.loadEnvFile) fills in the variables
// the environment does not already set, so a real environment variable always wins. Node's
// parser is lenient in a dangerous way: a stray line without `=` glues itself onto the next
// variable's name, silently unsetting it. So the file is checked line by line first, and a
// malformed one is a configuration error naming the line.

const ASSIGNMENT = /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_.-]*\s*=(.*)$/;

/** Lines that are neither blank, a comment, an assignment nor inside a quoted multi-line value. */
export function malformedEnvLines(text: string): { line: number; text: string }[] {
  const bad: { line: number; text: string }[] = [];
  let openQuote: string | null = null;
  text.split(/\r?\n/).forEach((line, i) => {
    if (openQuote) {
      if (line.includes(openQuote)) openQuote = null;
      return;
    }
    if (line.trim() === '' || line.trim().startsWith('#')) return;
    const m = ASSIGNMENT.exec(line);
    if (!m) {
      bad.push({ line: i + 1, text: line.trim() });
      return;
    }
    const value = m[1]!.trimStart();
    const quote = value[0];
    if (quote === '"' || quote === "'" || quote === '`') {
      if (!value.slice(1).includes(quote)) openQuote = quote;
    }
  });
  return bad;
}

/** Names in the file that look like ours (AGENTLINE_, TWILIO_, OPENAI_) but that nothing reads: typos. */
export function unknownNames(text: string): string[] {
  const known = new Set(VARIABLES.map((v) => v.name));
  return Object.keys(parseEnv(text)).filter((n) => /^(AGENTLINE|TWILIO|OPENAI)_/.test(n) && !known.has(n));
}

/**
 * Loads `path` into process.env when it exists. Returns whether it did, and the names it sets
 * that look like settings but that Agentline does not read (the caller warns about them).
 */
export function loadEnvFile(path = '.env'): { loaded: boolean; unknown: string[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { loaded: false, unknown: [] }; // no .env is the normal case
    throw new ConfigError(path, `cannot be read (${code ?? (e as Error).message})`);
  }
  const bad = malformedEnvLines(text);
  if (bad.length > 0) {
    const first = bad[0]!;
    throw new ConfigError(path, `line ${first.line} is not NAME=value: "${first.text.slice(0, 60)}"${bad.length > 1 ? ` (and ${bad.length - 1} more)` : ''}`);
  }
  process.loadEnvFile(path);
  return { loaded: true, unknown: unknownNames(text) };
}
