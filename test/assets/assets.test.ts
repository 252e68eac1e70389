import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, createHarness, expectOk, type Harness } from '../helpers/harness.js';

// Assets through the real API: an upload intent, the file PUT to its signed link (no key), the
// size and checksum checked by `complete`, a signed expiring download, archive.

let h: Harness;
let api: Api;
let contactId: string;

beforeAll(async () => {
  h = await createHarness({ env: { PUBLIC_URL: 'https://gw.example.com', AGENTLINE_ASSET_MAX_BYTES: '4096' } });
  api = h.api(await h.key({ workspace: 'acme' }));
  contactId = expectOk(await api.post('/v1/contacts', { name: 'Jane Doe', email: 'jane@acme.com' }), 201).data.id;
});
afterAll(async () => h.close());

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2040, 7)]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A signed link as a browser or storage job uses it: no API key. */
const viaLink = (url: string, method: 'GET' | 'PUT', body?: Buffer, headers: Record<string, string> = {}) => {
  const u = new URL(url);
  expect(u.origin).toBe('https://gw.example.com');
  return h.app.inject({ method, url: u.pathname + u.search, headers, ...(body ? { payload: body } : {}) });
};

async function intent(extra: Record<string, unknown> = {}) {
  return expectOk(await api.post('/v1/assets', { asset_type: 'image', file_name: 'acme-hero.png', mime_type: 'image/png', related_resource_type: 'contact', related_resource_id: contactId, ...extra }), 201).data;
}

describe('uploading an asset', () => {
  it('upload intent → PUT to the signed link → complete checks size and checksum → signed download', async () => {
    const created = await intent();
    expect(created).toMatchObject({ asset_type: 'image', status: 'upload_pending', name: 'acme-hero.png', related_resource_type: 'contact', related_resource_id: contactId });
    expect(created).not.toHaveProperty('download_url');
    expect(created.id).toMatch(/^asset_[0-9A-Z]{26}$/);
    expect(created.upload_url).toMatch(/^https:\/\/gw\.example\.com\/v1\/assets\/asset_[0-9A-Z]{26}\/upload\?expires=\d+&signature=[\w-]{43}$/);

    const put = await viaLink(created.upload_url, 'PUT', png, { 'content-type': 'image/png' });
    expect(put.statusCode, put.body).toBe(200);
    expect(JSON.parse(put.body).data).toEqual({ id: created.id, byte_size: png.length, checksum_sha256: sha(png) });

    // A wrong size or checksum is a 422 naming the field; nothing changes.
    const wrongSum = await api.post(`/v1/assets/${created.id}/complete`, { byte_size: png.length, checksum_sha256: sha(Buffer.from('other')) });
    expect(wrongSum.status, wrongSum.text).toBe(422);
    expect(wrongSum.body.error).toMatchObject({ code: 'validation_error', details: [{ field: 'checksum_sha256', error: 'mismatch' }] });
    const wrongSize = await api.post(`/v1/assets/${created.id}/complete`, { byte_size: 2047, checksum_sha256: sha(png) });
    expect(wrongSize.status).toBe(422);
    expect(wrongSize.body.error.details).toEqual([{ field: 'byte_size', error: 'mismatch', received: 2047, expected: png.length }]);
    expect(expectOk(await api.get(`/v1/assets/${created.id}`)).data).toMatchObject({ status: 'upload_pending', download_url: null });

    const done = expectOk(await api.post(`/v1/assets/${created.id}/complete`, { byte_size: png.length, checksum_sha256: sha(png) }));
    expect(done.data).toMatchObject({ id: created.id, asset_type: 'image', status: 'available', byte_size: png.length, checksum_sha256: sha(png) });
    const events = expectOk(await api.get('/v1/events?type=asset.available')).data;
    expect(events.map((e: any) => e.data.id)).toContain(created.id);

    const got = expectOk(await api.get(`/v1/assets/${created.id}`)).data;
    expect(got.download_url).toMatch(/^https:\/\/gw\.example\.com\/v1\/assets\/asset_[0-9A-Z]{26}\/content\?expires=\d+&signature=[\w-]{43}$/);
    const ttl = Date.parse(got.download_expires_at) - h.clock.now().getTime();
    expect(ttl).toBeGreaterThan(890_000);
    expect(ttl).toBeLessThanOrEqual(900_000);
    const file = await viaLink(got.download_url, 'GET');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['content-disposition']).toBe('attachment; filename="acme-hero.png"');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-security-policy']).toContain('sandbox');
    expect(file.rawPayload.equals(png)).toBe(true);
    const part = await viaLink(got.download_url, 'GET', undefined, { range: 'bytes=0-7' });
    expect(part.statusCode).toBe(206);
    expect(part.rawPayload.equals(png.subarray(0, 8))).toBe(true);

    // The upload link cannot download, a changed signature is refused, and a link expires.
    expect((await viaLink(created.upload_url.replace('/upload?', '/content?'), 'GET')).statusCode).toBe(403);
    expect((await viaLink(got.download_url.replace(/signature=(.)/, (_m: string, c: string) => `signature=${c === 'A' ? 'B' : 'A'}`), 'GET')).statusCode).toBe(403);
    // Completed: the upload link takes no more files.
    expect((await viaLink(created.upload_url, 'PUT', Buffer.from('x'), { 'content-type': 'text/plain' })).statusCode).toBe(409);
    h.clock.advance(901_000);
    const late = await viaLink(got.download_url, 'GET');
    expect(late.statusCode).toBe(403);
    expect(JSON.parse(late.body).error.message).toContain('expired');
    const fresh = expectOk(await api.get(`/v1/assets/${created.id}`)).data.download_url;
    expect((await viaLink(fresh, 'GET')).statusCode).toBe(200);

    // Archived: kept, no longer served.
    const archived = expectOk(await api.delete(`/v1/assets/${created.id}`)).data;
    expect(archived).toMatchObject({ id: created.id, status: 'archived' });
    expect(expectOk(await api.delete(`/v1/assets/${created.id}`)).data.status).toBe('archived');
    expect((await viaLink(fresh, 'GET')).statusCode).toBe(404);
    expect(expectOk(await api.get(`/v1/assets/${created.id}`)).data.download_url).toBeNull();
  });

  it('complete before any upload is a 422; a file over the limit is refused and nothing is kept', async () => {
    const created = await intent();
    const early = await api.post(`/v1/assets/${created.id}/complete`, { byte_size: 1, checksum_sha256: sha(Buffer.from('x')) });
    expect(early.status).toBe(422);
    expect(early.body.error.details).toEqual([{ field: '(body)', error: 'upload_missing' }]);
    const big = await viaLink(created.upload_url, 'PUT', Buffer.alloc(5000), { 'content-type': 'application/octet-stream' });
    expect(big.statusCode).toBe(400);
    expect(JSON.parse(big.body).error.details[0]).toMatchObject({ error: 'too_large', max_bytes: 4096 });
    const still = await api.post(`/v1/assets/${created.id}/complete`, { byte_size: 5000, checksum_sha256: sha(Buffer.alloc(5000)) });
    expect(still.status).toBe(422);
    // Any content type, or none, is taken as bytes (JSON too: never parsed).
    const json = Buffer.from('{"not":"parsed"}');
    const put = await viaLink(created.upload_url, 'PUT', json, { 'content-type': 'application/json' });
    expect(put.statusCode, put.body).toBe(200);
    expectOk(await api.post(`/v1/assets/${created.id}/complete`, { byte_size: json.length, checksum_sha256: sha(json) }));
  });

  it('links must name a resource of the workspace; the seed\'s example body is accepted', async () => {
    // Seed 003's body links a CMS entry; one that does not exist is a 404 naming the field.
    const seed = await api.post('/v1/assets', { asset_type: 'image', file_name: 'acme-hero.png', mime_type: 'image/png', related_resource_type: 'cms_entry', related_resource_id: 'ent_123' });
    expect(seed.status, seed.text).toBe(404);
    expect(seed.body.error.details).toEqual([{ field: 'related_resource_id', error: 'not_found', received: 'ent_123' }]);
    const half = await api.post('/v1/assets', { asset_type: 'image', file_name: 'a.png', mime_type: 'image/png', related_resource_type: 'contact' });
    expect(half.status).toBe(422);
    const plain = expectOk(await api.post('/v1/assets', { asset_type: 'document', file_name: 'terms.pdf', mime_type: 'application/pdf' }), 201).data;
    expect(plain).toMatchObject({ related_resource_type: null, status: 'upload_pending' });
    const bad = await api.post('/v1/assets', { asset_type: 'image', file_name: '../etc/passwd', mime_type: 'image/png' });
    expect(bad.status).toBe(422);
  });

  it('lists with the seed\'s filters; another workspace sees nothing', async () => {
    const doc = await intent({ asset_type: 'document', file_name: 'Quarterly Report.pdf', mime_type: 'application/pdf', description: 'Board deck' });
    const byQuery = expectOk(await api.get('/v1/assets?query=quarterly')).data;
    expect(byQuery.map((a: any) => a.id)).toEqual([doc.id]);
    expect(expectOk(await api.get('/v1/assets?query=board%20deck')).data.map((a: any) => a.id)).toEqual([doc.id]);
    const linked = expectOk(await api.get(`/v1/assets?related_resource_type=contact&related_resource_id=${contactId}&asset_type=document`)).data;
    expect(linked.map((a: any) => a.id)).toEqual([doc.id]);
    expect(expectOk(await api.get('/v1/assets?status=archived')).data.every((a: any) => a.status === 'archived')).toBe(true);
    const page = expectOk(await api.get('/v1/assets?limit=1'));
    expect(page.data).toHaveLength(1);
    expect(page.next_cursor).toEqual(expect.any(String));

    const stranger = h.api(await h.key({ workspace: 'stranger' }));
    expect((await stranger.get(`/v1/assets/${doc.id}`)).status).toBe(404);
    expect(expectOk(await stranger.get('/v1/assets')).data).toEqual([]);
    expect((await stranger.post(`/v1/assets/${doc.id}/complete`, { byte_size: 1, checksum_sha256: 'x' })).status).toBe(404);
  });

  it('over a real socket: a chunked upload past the limit is refused, one cut short keeps nothing, the gateway goes on', async () => {
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (h.app.server.address() as AddressInfo).port;
    const created = await intent();
    const u = new URL(created.upload_url);
    const put = (write: (req: http.ClientRequest) => void) =>
      new Promise<{ status: number; body: string } | 'reset'>((resolve) => {
        const req = http.request({ host: '127.0.0.1', port, method: 'PUT', path: u.pathname + u.search, headers: { 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' } }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        });
        req.on('error', () => resolve('reset'));
        write(req);
      });
    const big = await put((req) => {
      for (let i = 0; i < 5; i++) req.write(Buffer.alloc(1000, i));
      req.end();
    });
    expect(big === 'reset' || big.status === 400).toBe(true);
    const cut = await put((req) => {
      req.write(Buffer.alloc(100));
      setTimeout(() => req.destroy(), 50);
    });
    expect(cut === 'reset' || cut.status >= 400).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    const early = await api.post(`/v1/assets/${created.id}/complete`, { byte_size: 100, checksum_sha256: sha(Buffer.alloc(100)) });
    expect(early.status).toBe(422);
    expect(early.body.error.details).toEqual([{ field: '(body)', error: 'upload_missing' }]);
    const ok = await put((req) => req.end(Buffer.from('hello')));
    expect(ok).toMatchObject({ status: 200 });
    expectOk(await api.post(`/v1/assets/${created.id}/complete`, { byte_size: 5, checksum_sha256: sha(Buffer.from('hello')) }));
  });
});
