import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { keepServerSecret } from '../recordings/recording-repository.js';

// Upload and download links of assets work without an API key until they expire (a browser or a
// storage job PUTs or GETs them directly), like recording links (src/recordings/recording-links.ts):
// the link carries the asset id, what it is for and its expiry, signed with HMAC-SHA256 under a
// server secret the gateway makes once and keeps in its database (several nodes share it). An
// upload link cannot be used to download, nor the other way round.

const SECRET_NAME = 'asset_links';

export type LinkPurpose = 'upload' | 'download';

export interface SignedLink {
  url: string;
  expiresAt: Date;
}

export class AssetLinks {
  private secret: Promise<Buffer> | null = null;

  constructor(private readonly deps: { db: Db; clock: Clock; config: Config }) {}

  private key(): Promise<Buffer> {
    this.secret ??= (async () => {
      const made = randomBytes(32).toString('base64url');
      return Buffer.from(await keepServerSecret(this.deps.db, SECRET_NAME, made, this.deps.clock.now().toISOString()), 'utf8');
    })();
    this.secret.catch(() => (this.secret = null));
    return this.secret;
  }

  async sign(assetId: string, purpose: LinkPurpose): Promise<SignedLink> {
    const expiresAt = new Date(Math.floor(this.deps.clock.now().getTime() / 1000) * 1000 + this.deps.config.assets.linkTtlSeconds * 1000);
    const expires = String(expiresAt.getTime() / 1000);
    const signature = mac(await this.key(), assetId, purpose, expires);
    const base = this.deps.config.publicUrl.replace(/\/+$/, '');
    const path = purpose === 'upload' ? 'upload' : 'content';
    return { url: `${base}/v1/assets/${encodeURIComponent(assetId)}/${path}?expires=${expires}&signature=${signature}`, expiresAt };
  }

  /** 'ok', or why the link is refused. */
  async verify(assetId: string, purpose: LinkPurpose, expires: string | undefined, signature: string | undefined): Promise<'ok' | 'expired' | 'invalid'> {
    if (!expires || !signature || !/^\d{1,12}$/.test(expires) || !/^[A-Za-z0-9_-]{43}$/.test(signature)) return 'invalid';
    const expected = Buffer.from(mac(await this.key(), assetId, purpose, expires));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
    return Number(expires) * 1000 <= this.deps.clock.now().getTime() ? 'expired' : 'ok';
  }
}

const mac = (key: Buffer, id: string, purpose: LinkPurpose, expires: string) => createHmac('sha256', key).update(`${purpose}.${id}.${expires}`).digest('base64url');
