import { chmodSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

// Writes settings into the `.env` file the CLI reads at start (src/config/env-file.ts), keeping
// every other line as it was. The file holds an API key from then on, so it is written owner-only
// (0600), through a temporary file renamed over it so that a crash never leaves half a file.

const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=(.*)$/;

/** A value as a `.env` line holds it: bare when it is plain, else double-quoted. */
const quoted = (value: string) => (/^[\w:/.\-[\]@%?=&+~,]*$/.test(value) ? value : JSON.stringify(value));

export interface EnvFileWrite {
  path: string;
  created: boolean;
  /** What the file said for each name before (undefined: not set there). */
  previous: Record<string, string | undefined>;
}

export function writeEnvValues(path: string, values: Record<string, string>): EnvFileWrite {
  let text = '';
  let created = false;
  let target = path;
  try {
    text = readFileSync(path, 'utf8');
    target = realpathSync(path); // a symlinked .env is updated where it lives
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    created = true;
  }
  const parsed = parseEnv(text);
  const previous = Object.fromEntries(Object.keys(values).map((n) => [n, parsed[n]]));

  const written = new Set<string>();
  const out: string[] = [];
  let openQuote: string | null = null; // inside a quoted multi-line value: not an assignment
  for (const line of text === '' ? [] : text.replace(/\r?\n$/, '').split(/\r?\n/)) {
    if (openQuote) {
      if (line.includes(openQuote)) openQuote = null;
      out.push(line);
      continue;
    }
    const m = ASSIGNMENT.exec(line);
    const name = m?.[1];
    if (m && name !== undefined && name in values) {
      if (!written.has(name)) out.push(`${name}=${quoted(values[name]!)}`);
      written.add(name); // later duplicates are dropped: the file says one thing
      const rest = m[2]!.trimStart();
      const q = rest[0];
      if ((q === '"' || q === "'" || q === '`') && !rest.slice(1).includes(q)) openQuote = q;
      continue;
    }
    if (m) {
      const rest = m[2]!.trimStart();
      const q = rest[0];
      if ((q === '"' || q === "'" || q === '`') && !rest.slice(1).includes(q)) openQuote = q;
    }
    out.push(line);
  }
  const missing = Object.keys(values).filter((n) => !written.has(n));
  if (missing.length > 0) {
    if (out.length > 0 && out[out.length - 1]!.trim() !== '') out.push('');
    out.push('# written by `agentline login`');
    for (const n of missing) out.push(`${n}=${quoted(values[n]!)}`);
  }

  const tmp = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, `${out.join('\n')}\n`, { mode: 0o600 });
    chmodSync(tmp, 0o600); // whatever the umask did
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return { path: target, created, previous };
}
