import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import type { Clock } from '../clock.js';
import type { AssetsS3Config } from '../config.js';
import { ApiError } from '../errors.js';
import type { AssetStorage, AssetStore, StoredFile } from './asset-storage.js';
import { EMPTY_SHA256, signS3 } from './s3-signer.js';

// Asset files in an S3-compatible bucket (AGENTLINE_ASSETS_S3_*), addressed path-style. Clients
// still upload and download through the gateway's signed links; the gateway streams to and from
// the bucket. An upload is first written to a temporary local file (its size and SHA-256 are
// known before anything is sent, and the PUT is signed over that hash), then PUT with its
// length. Every request has a timeout; a bucket that fails or does not answer is a 503.

export class S3AssetStorage implements AssetStore {
  constructor(
    private readonly cfg: AssetsS3Config,
    private readonly local: AssetStorage,
    private readonly clock: Clock,
  ) {}

  async write(rel: string, body: Readable, maxBytes: number): Promise<StoredFile> {
    const temp = `.s3-outgoing/${rel}`;
    const stored = await this.local.write(temp, body, maxBytes);
    try {
      await this.send('PUT', rel, { body: await this.local.read(temp), length: stored.byteSize, sha256: stored.checksumSha256 });
    } finally {
      await this.local.remove(temp);
    }
    return stored;
  }

  async writeBuffer(rel: string, data: Buffer): Promise<StoredFile> {
    const sha = createHash('sha256').update(data).digest('hex');
    await this.send('PUT', rel, { body: Readable.from([data]), length: data.length, sha256: sha });
    return { byteSize: data.length, checksumSha256: sha };
  }

  async size(rel: string): Promise<number> {
    const res = await this.send('HEAD', rel);
    res.resume();
    return Number(res.headers['content-length']);
  }

  async read(rel: string, range?: { start: number; end: number }): Promise<Readable> {
    return this.send('GET', rel, range ? { range: `bytes=${range.start}-${range.end}` } : {});
  }

  /** One signed request; resolves with the response once its status is 2xx (the body unread). */
  private send(method: 'PUT' | 'GET' | 'HEAD', rel: string, o: { body?: Readable; length?: number; sha256?: string; range?: string } = {}): Promise<http.IncomingMessage> {
    const url = new URL(`${this.cfg.endpoint}/${encodeURIComponent(this.cfg.bucket)}/${rel.split(/[\\/]/).map(encodeURIComponent).join('/')}`);
    const headers: Record<string, string> = { host: url.host };
    if (o.length !== undefined) headers['content-length'] = String(o.length);
    if (o.range) headers.range = o.range;
    const signed = signS3(this.cfg, { method, path: decodeURIComponent(url.pathname), headers, payloadSha256: o.sha256 ?? EMPTY_SHA256 }, this.clock.now());
    const client = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const fail = (why: string) => reject(new ApiError('unavailable', `The asset bucket ${why}; try again.`));
      const req = client.request(url, { method, headers: signed }, (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) {
          // While the body streams, no gap may be longer than the timeout.
          res.setTimeout(this.cfg.timeoutMs, () => res.destroy(new Error('asset bucket stalled')));
          return resolve(res);
        }
        res.resume();
        if (status === 404 && method !== 'PUT') return reject(new ApiError('not_found', 'The asset bucket no longer has this file.'));
        fail(`answered ${status}`);
      });
      req.setTimeout(this.cfg.timeoutMs, () => req.destroy(new Error('timeout')));
      req.on('error', (err) => fail(`did not answer (${err.message})`));
      if (o.body) {
        o.body.on('error', (err) => req.destroy(err));
        o.body.pipe(req);
      } else req.end();
    });
  }
}
