// Makes a bench child run the gateway as users run it: modules under src/ load from their
// compiled JavaScript in dist/ (what `agentline serve` runs), not from the TypeScript sources
// through tsx, whose transform wraps every function in a name-keeping helper and so adds work
// to each closure the gateway creates. The bench's own files still load through tsx.
// `npm run bench` builds dist first; BENCH_SOURCE=1 runs the sources instead.
import { existsSync } from 'node:fs';
import { register } from 'node:module';

const SRC = new URL('../src/', import.meta.url).href;
const DIST = new URL('../dist/', import.meta.url).href;

if (!existsSync(new URL(DIST))) throw new Error('bench: dist/ is missing; run `npm run build` (or set BENCH_SOURCE=1)');

register(
  'data:text/javascript,' +
    encodeURIComponent(`
const SRC = ${JSON.stringify(SRC)};
const DIST = ${JSON.stringify(DIST)};
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (result.url.startsWith(SRC) && result.url.endsWith('.ts')) {
    return { ...result, url: DIST + result.url.slice(SRC.length, -3) + '.js', format: 'module' };
  }
  return result;
}`),
);
