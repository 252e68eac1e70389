import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, createHarness, expectOk, type Harness } from '../helpers/harness.js';
import { eventually } from '../helpers/voice.js';
import { type FakeS3, startFakeS3 } from './fake-s3.js';

// Assets kept in an S3-compatible bucket (a fake one on loopback): the same API, the bytes in
// the bucket (signed SigV4 over their SHA-256), nothing left on the gateway's disk; a bucket
// outage is a 503 that changes nothing.

let h: Harness;
let api: Api;
let s3: FakeS3;

beforeAll(async () => {
  s3 = await startFakeS3('AKIDTEST');
  h = await createHarness({
    env: {
      PUBLIC_URL: 'https://gw.example.com', AGENTLINE_ASSETS_S3_BUCKET: 'agentline-assets', AGENTLINE_ASSETS_S3_ENDPOINT: s3.url,
      AGENTLINE_ASSETS_S3_ACCESS_KEY_ID: 'AKIDTEST', AGENTLINE_ASSETS_S3_SECRET_ACCESS_KEY: 'secret', AGENTLINE_ASSETS_S3_TIMEOUT_MS: '2000',
    },
  });
  api = h.api(await h.key({ workspace: 'acme' }));
});
afterAll(async () => {
  await h.close();
  await s3.close();
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const viaLink = (url: string, method: 'GET' | 'PUT', body?: Buffer, headers: Record<string, string> = {}) => {
  const u = new URL(url);
  return h.app.inject({ method, url: u.pathname + u.search, headers, ...(body ? { payload: body } : {}) });
};

describe('assets in an S3-compatible bucket', () => {
  it('uploads through the gateway into the bucket, completes, and downloads from it', async () => {
    const file = Buffer.from('%PDF-1.7 quarterly numbers');
    const created = expectOk(await api.post('/v1/assets', { asset_type: 'document', file_name: 'q3.pdf', mime_type: 'application/pdf' }), 201).data;
    const put = await viaLink(created.upload_url, 'PUT', file, { 'content-type': 'application/pdf' });
    expect(put.statusCode, put.body).toBe(200);
    const key = [...s3.objects.keys()].find((k) => k.endsWith(created.id))!;
    expect(key).toMatch(new RegExp(`^/agentline-assets/ws_[0-9A-Z]+/${created.id}$`));
    expect(s3.objects.get(key)!.equals(file)).toBe(true);
    expect(s3.requests.find((r) => r.method === 'PUT')!.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/us-east-1\/s3\/aws4_request, ?SignedHeaders=[a-z0-9;-]+, ?Signature=[0-9a-f]{64}$/);
    // Nothing kept on the gateway's disk (the temporary copy is gone).
    const local = join(h.config.assets.dir);
    const leftovers = existsSync(local) ? readdirSync(local, { recursive: true }).filter((f) => String(f).includes(created.id)) : [];
    expect(leftovers).toEqual([]);

    expectOk(await api.post(`/v1/assets/${created.id}/complete`, { byte_size: file.length, checksum_sha256: sha(file) }));
    const got = expectOk(await api.get(`/v1/assets/${created.id}`)).data;
    const down = await viaLink(got.download_url, 'GET');
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.rawPayload.equals(file)).toBe(true);
    const part = await viaLink(got.download_url, 'GET', undefined, { range: 'bytes=0-3' });
    expect(part.statusCode).toBe(206);
    expect(part.rawPayload.toString()).toBe('%PDF');
  });

  it('a BI export is written to the bucket too', async () => {
    const exp = expectOk(await api.post('/v1/bi/exports', { format: 'csv', query: { dataset: 'contacts', measures: [{ agg: 'count' }] } }), 202).data;
    const done = await eventually(async () => {
      const e = expectOk(await api.get(`/v1/bi/exports/${exp.id}`)).data;
      return e.status === 'succeeded' ? e : null;
    });
    expect([...s3.objects.keys()].some((k) => k.endsWith(done.asset_id))).toBe(true);
    expect((await viaLink(done.download_url, 'GET')).body).toBe('count\r\n0\r\n');
  });

  it('a bucket outage is a 503; the asset is left as it was', async () => {
    const created = expectOk(await api.post('/v1/assets', { asset_type: 'image', file_name: 'a.png', mime_type: 'image/png' }), 201).data;
    s3.failWith = 500;
    try {
      const put = await viaLink(created.upload_url, 'PUT', Buffer.from('png'), { 'content-type': 'image/png' });
      expect(put.statusCode).toBe(503);
      expect(JSON.parse(put.body).error.code).toBe('unavailable');
    } finally {
      s3.failWith = null;
    }
    const early = await api.post(`/v1/assets/${created.id}/complete`, { byte_size: 3, checksum_sha256: sha(Buffer.from('png')) });
    expect(early.status).toBe(422);
    expect((await viaLink(created.upload_url, 'PUT', Buffer.from('png'), { 'content-type': 'image/png' })).statusCode).toBe(200);
  });
});
