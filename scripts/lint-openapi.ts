import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOpenApiDocument } from './openapi-document.js';

// npm run lint:openapi: the document the gateway serves, linted by Redocly (recommended rules,
// warnings included: redocly.yaml) and Spectral (spectral:oas, failing on warnings). Exits
// non-zero on any problem either of them finds.

const dir = mkdtempSync(join(tmpdir(), 'agentline-openapi-lint-'));
let failed = false;
try {
  const file = join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(await buildOpenApiDocument(), null, 2));
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };
  const run = (name: string, bin: string, args: string[]) => {
    console.log(`\n== ${name}`);
    const res = spawnSync(join('node_modules', '.bin', bin), args, { stdio: 'inherit', env, timeout: 120_000 });
    if (res.status !== 0) {
      failed = true;
      console.error(`${name} failed (${res.error ? res.error.message : `exit ${res.status ?? res.signal}`})`);
    }
  };
  run('Redocly', 'redocly', ['lint', '--config', 'redocly.yaml', file]);
  run('Spectral', 'spectral', ['lint', '--ruleset', '.spectral.yaml', '--fail-severity', 'warn', file]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (failed) process.exit(1);
console.log('\nOpenAPI document: no errors, no warnings.');
