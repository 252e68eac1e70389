#!/usr/bin/env node
// The `agentline` command. The TypeScript sources are compiled to dist/ by `npm install` (the
// `prepare` script) and by `npm start`; this shim only loads the compiled CLI. (Node flags cannot
// go on the line above portably: BusyBox's and the BSDs' env have no -S. `npm start` and the
// Docker image start the gateway with --v8-pool-size=1 themselves; see describeGcThreads.)
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('agentline: dist/cli.js is missing; run `npm run build` in the checkout first.\n');
  process.exit(1);
}
await import(pathToFileURL(cli).href);
