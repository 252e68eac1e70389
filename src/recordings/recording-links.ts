import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { keepServerSecret } from './recording-repository.js';

// Download links of recordings work without an API key until they expire, so a browser, a
// media player or a customer's storage job can fetch them. The link carries the recording id and
// its expiry, signed with HMAC-SHA256 under a server secret; nothing else about the link is
// trusted. The secret is AGENTLINE_RECORDING_LINK_SECRET, or one the server makes on first use
// and keeps in its database, so links survive restarts and several nodes share them.

const SECRET_NAME = 'recording_links';

export interface SignedLink {
  url: string;
  expiresAt: Date;
}

export class RecordingLinks {
  private secret: Promise<Buffer> | null = null;

  constructor(private readonly deps: { db: Db; clock: Clock; config: Config }) {}

  private key(): Promise<Buffer> {
    this.secret ??= (async () => {
      const configured = this.deps.config.recordings.linkSecret;
      if (configured) return Buffer.from(configured, 'utf8');
      const made = randomBytes(32).toString('base64url');
      return Buffer.from(await keepServerSecret(this.deps.db, SECRET_NAME, made, this.deps.clock.now().toISOString()), 'utf8');
    })();
    this.secret.catch(() => (this.secret = null));
    return this.secret;
  }

  async sign(recordingId: string): Promise<SignedLink> {
    const expiresAt = new Date(Math.floor(this.deps.clock.now().getTime() / 1000) * 1000 + this.deps.config.recordings.linkTtlSeconds * 1000);
    const expires = String(expiresAt.getTime() / 1000);
    const signature = mac(await this.key(), recordingId, expires);
    const base = this.deps.config.publicUrl.replace(/\/+$/, '');
    return { url: `${base}/v1/recordings/${encodeURIComponent(recordingId)}/audio?expires=${expires}&signature=${signature}`, expiresAt };
  }

  /** 'ok', or why the link is refused. */
  async verify(recordingId: string, expires: string | undefined, signature: string | undefined): Promise<'ok' | 'expired' | 'invalid'> {
    if (!expires || !signature || !/^\d{1,12}$/.test(expires) || !/^[A-Za-z0-9_-]{43}$/.test(signature)) return 'invalid';
    const expected = Buffer.from(mac(await this.key(), recordingId, expires));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
    return Number(expires) * 1000 <= this.deps.clock.now().getTime() ? 'expired' : 'ok';
  }
}

const mac = (key: Buffer, id: string, expires: string) => createHmac('sha256', key).update(`${id}.${expires}`).digest('base64url');
