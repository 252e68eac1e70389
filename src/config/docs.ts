import { GROUP_TITLES } from './variables.js';
import type { Variable } from './variable.js';

// Writes `.env.example` and the README's configuration table from the variable declarations.
// `npm run gen:config-docs` runs it; test/config/config-docs.test.ts fails when either is stale.

export const TABLE_START = '<!-- config-table:start -->';
export const TABLE_END = '<!-- config-table:end -->';

type AnyVariable = Variable<unknown>;

/** A value as a .env line can hold it: quoted when it has spaces or quotes. */
function envValue(v: string): string {
  if (/^[\w./:@$-]*$/.test(v)) return v;
  return v.includes('"') ? `'${v}'` : `"${v}"`;
}

export function renderEnvExample(vars: readonly AnyVariable[]): string {
  const lines = [
    '# Agentline configuration. Every variable is optional; unset, the gateway runs on an embedded',
    '# SQLite file with the simulated carrier for test keys. `agentline` reads ./.env from the',
    '# directory it runs in (variables already set in the environment win): copy this file to .env',
    '# and uncomment what you change.',
    '#',
    '# Generated from src/config/variables.ts by `npm run gen:config-docs`; edit that file instead.',
  ];
  let group: string | undefined;
  for (const v of vars) {
    if (v.group !== group) {
      group = v.group;
      lines.push('', `# --- ${GROUP_TITLES[v.group]} ---`);
    }
    const notes = [v.allowed && !/^http/.test(v.allowed) ? `allowed: ${v.allowed}` : undefined, v.shownDefault !== undefined && !isLiteral(v) ? `default: ${v.shownDefault}` : undefined].filter(Boolean);
    lines.push(`# ${v.description.replaceAll('`', '')}${notes.length ? ` (${notes.join('; ')})` : ''}`);
    lines.push(`# ${v.name}=${isLiteral(v) ? envValue(v.shownDefault!) : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/** True when the shown default is the literal value (not a rule like "http://localhost:$PORT"). */
function isLiteral(v: AnyVariable): boolean {
  return v.shownDefault !== undefined && !v.shownDefault.includes('$') && !/\bwhen\b/.test(v.shownDefault);
}

const cell = (s: string) => s.replaceAll('|', '\\|');

export function renderReadmeTable(vars: readonly AnyVariable[]): string {
  const rows = ['| variable | default | allowed | meaning |', '| --- | --- | --- | --- |'];
  for (const v of vars) {
    const dflt = v.shownDefault === undefined ? '—' : isLiteral(v) ? `\`${cell(v.shownDefault)}\`` : cell(v.shownDefault);
    rows.push(`| \`${v.name}\` | ${dflt} | ${v.allowed ? cell(v.allowed) : ''} | ${cell(v.description)} |`);
  }
  return rows.join('\n');
}

/** The README with its table between the markers replaced; throws when the markers are missing. */
export function withReadmeTable(readme: string, vars: readonly AnyVariable[]): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md needs ${TABLE_START} and ${TABLE_END} around the configuration table`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${renderReadmeTable(vars)}\n${readme.slice(end)}`;
}
