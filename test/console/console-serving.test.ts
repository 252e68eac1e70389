import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleRoutes } from '../../src/console/console-routes.js';
import { createHarness, type Harness } from '../helpers/harness.js';

// /console as the gateway serves it: the app for every page path (so links and reloads work),
// hashed assets cached for good, a missing asset a 404 rather than HTML, nothing outside the
// build directory, and a strict Content-Security-Policy (no CDN, nothing off this origin).

let dir: string;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'agentline-console-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'capture-worklet.js'), 'registerProcessor("x", class {})');
  writeFileSync(join(dir, '..', 'secret.txt'), 'nope');
  app = Fastify();
  await app.register(consoleRoutes, { dir });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(join(dir, '..', 'secret.txt'), { force: true });
});

describe('serving the console', () => {
  it('answers every page path with the app, uncached, under a strict CSP', async () => {
    for (const url of ['/console/', '/console/calls/call_123', '/console/numbers']) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<div id="root">');
      expect(res.headers['cache-control']).toBe('no-cache');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
    const bare = await app.inject({ url: '/console' });
    expect(bare.statusCode).toBe(302);
    expect(bare.headers.location).toBe('/console/');
  });

  it('caches hashed assets for good, and a missing asset is a 404, not the page', async () => {
    const asset = await app.inject({ url: '/console/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ url: '/console/capture-worklet.js' })).statusCode).toBe(200);
    const missing = await app.inject({ url: '/console/assets/index-old.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).not.toContain('<div id="root">');
  });

  it('serves nothing from outside its directory', async () => {
    for (const url of ['/console/../secret.txt', '/console/%2e%2e/secret.txt', '/console/..%2fsecret.txt']) {
      const res = await app.inject({ url });
      expect(res.body).not.toContain('nope');
    }
  });
});

describe('the gateway without a built console', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h?.close());

  it('says how to build it instead of failing', async () => {
    const other = Fastify();
    await other.register(consoleRoutes, { dir: join(tmpdir(), 'agentline-no-such-console') });
    const res = await other.inject({ url: '/console/' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build');
    await other.close();
    // The real gateway registers the route as public (the page holds no data).
    expect(h.app.routeRecords.filter((r) => r.url.startsWith('/console')).map((r) => r.scope)).toEqual(['public', 'public']);
  });
});
