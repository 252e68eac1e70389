import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError } from '../errors.js';

// Local storage of asset files under the assets directory (AGENTLINE_ASSETS_DIR, default
// `assets/` beside the database): `<workspace>/<asset id>`. A file is written to a temporary
// name while its size and SHA-256 are computed, then renamed into place, so a reader never sees
// half a file and a failed upload leaves the previous one (if any) untouched.

export interface StoredFile {
  byteSize: number;
  checksumSha256: string;
}

/** Where asset files live: this directory (AssetStorage) or an S3-compatible bucket (S3AssetStorage). */
export interface AssetStore {
  write(rel: string, body: Readable, maxBytes: number): Promise<StoredFile>;
  writeBuffer(rel: string, data: Buffer): Promise<StoredFile>;
  size(rel: string): Promise<number>;
  read(rel: string, range?: { start: number; end: number }): Promise<Readable>;
}

export class AssetStorage implements AssetStore {
  constructor(private readonly root: string) {}

  /** The absolute path of a stored file; refuses a relative path that would leave the directory. */
  pathOf(rel: string): string {
    const root = resolve(this.root);
    const abs = resolve(root, rel);
    if (!abs.startsWith(root + sep)) throw new Error(`asset path outside the assets directory: ${rel}`);
    return abs;
  }

  /** Streams `body` into `rel`; more than `maxBytes` aborts with 400 and keeps nothing. */
  async write(rel: string, body: Readable, maxBytes: number): Promise<StoredFile> {
    const target = this.pathOf(rel);
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.${Date.now()}.part`;
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (size > maxBytes) return cb(new ApiError('bad_request', `The upload is larger than the ${maxBytes} bytes an asset may hold.`, [{ field: '(body)', error: 'too_large', max_bytes: maxBytes }]));
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    try {
      await pipeline(body, meter, createWriteStream(temp));
      await rename(temp, target);
    } catch (err) {
      await unlink(temp).catch(() => {});
      throw err;
    }
    return { byteSize: size, checksumSha256: hash.digest('hex') };
  }

  /** Writes a whole buffer (BI exports). */
  async writeBuffer(rel: string, data: Buffer): Promise<StoredFile> {
    const target = this.pathOf(rel);
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.${Date.now()}.part`;
    await writeFile(temp, data);
    await rename(temp, target);
    return { byteSize: data.length, checksumSha256: createHash('sha256').update(data).digest('hex') };
  }

  async size(rel: string): Promise<number> {
    return (await stat(this.pathOf(rel))).size;
  }

  async read(rel: string, range?: { start: number; end: number }): Promise<Readable> {
    return createReadStream(this.pathOf(rel), range);
  }

  async remove(rel: string): Promise<void> {
    await unlink(this.pathOf(rel)).catch(() => {});
  }
}

/** `<workspace>/<asset id>`: ids are generated, never taken from the client. */
export const storagePathOf = (workspaceId: string, assetId: string) => join(workspaceId, assetId);
