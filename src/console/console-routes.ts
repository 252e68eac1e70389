import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, normalize, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

// The operator console at /console: a single-page app (sources in console/, built by
// `npm run build` into dist/console-ui/) served by the gateway itself, over the public API only.
// Hashed assets are cached for good; every other path under /console is the app's own route
// and gets index.html. The page signs in with a key typed into it; nothing here knows keys.

/** dist/console-ui, from src/console/ (tests, tsx) and dist/console/ (the built server) alike. */
export const CONSOLE_DIR = fileURLToPath(new URL('../../dist/console-ui/', import.meta.url));

// No CDN, no remote fonts: everything comes from this origin. Mantine sets inline styles.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "media-src 'self' blob: http: https:",
  "connect-src 'self'",
  "worker-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Agentline console</title>
<body style="font-family:system-ui;max-width:36rem;margin:4rem auto;line-height:1.5">
<h1>The console is not built</h1><p>Run <code>npm run build</code> (or <code>npm start</code>, which builds first), then reload.</p>`;

function secure(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY');
}

/** The built file a path names, or null (a client-side route, or a path that escapes the dir). */
function assetFor(dir: string, rest: string): string | null {
  if (rest === '' || rest.includes('\0')) return null;
  const rel = normalize(rest).replace(/^(\.\.(\/|\\|$))+/, '');
  const full = join(dir, rel);
  if (!full.startsWith(dir.endsWith(sep) ? dir : dir + sep)) return null;
  return existsSync(full) && statSync(full).isFile() ? rel : null;
}

export async function consoleRoutes(app: FastifyInstance, opts: { dir?: string } = {}) {
  const dir = opts.dir ?? CONSOLE_DIR;
  await app.register(fastifyStatic, { root: dir, serve: false });

  const index = (reply: FastifyReply) => {
    if (!existsSync(join(dir, 'index.html'))) return secure(reply).code(503).type('text/html; charset=utf-8').send(NOT_BUILT);
    return secure(reply).header('cache-control', 'no-cache').sendFile('index.html', dir, { cacheControl: false });
  };

  const route = { config: { scope: 'public' as const }, schema: { hide: true } };
  app.get('/console', route, async (_request, reply) => reply.redirect('/console/', 302));
  app.get<{ Params: { '*': string } }>('/console/*', route, async (request, reply) => {
    const rest = request.params['*'] ?? '';
    const asset = assetFor(dir, rest);
    if (asset === null) {
      // A missing asset is a 404, not the app: a stale page must not get HTML for its script.
      if (rest.startsWith('assets/')) return secure(reply).code(404).type('text/plain').send('Not found');
      return index(reply);
    }
    const immutable = asset.startsWith(`assets${sep}`) || asset.startsWith('assets/');
    return secure(reply).sendFile(asset, dir, immutable ? { immutable: true, maxAge: '365d' } : { cacheControl: false });
  });
}
