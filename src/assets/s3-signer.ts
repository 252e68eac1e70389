import { createHash, createHmac } from 'node:crypto';

// AWS Signature Version 4 for S3 requests (docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html),
// written here because the gateway takes no AWS SDK dependency for one bucket: a canonical
// request over the method, path, query, the signed headers and the payload's SHA-256, signed with
// a key derived from the secret, date, region and service. test/assets/s3-signer.test.ts checks
// it against AWS's published example.

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s, 'utf8').digest();

/** RFC 3986 encoding as SigV4 wants it; `/` kept in paths. */
export function uriEncode(s: string, keepSlash: boolean): string {
  return Array.from(new TextEncoder().encode(s), (b) => {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === '/')) return c;
    return `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
}

/** `20130524T000000Z` */
export const amzDate = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/**
 * Signs a request: returns the headers to send (the given ones, `x-amz-date`,
 * `x-amz-content-sha256` and `authorization`). `headers` must include `host`.
 */
export function signS3(
  creds: S3Credentials,
  req: { method: string; path: string; query?: Record<string, string>; headers: Record<string, string>; payloadSha256: string },
  at: Date,
): Record<string, string> {
  const date = amzDate(at);
  const day = date.slice(0, 8);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = v.trim().replace(/\s+/g, ' ');
  headers['x-amz-date'] = date;
  headers['x-amz-content-sha256'] = req.payloadSha256;
  const names = Object.keys(headers).sort();
  const query = Object.entries(req.query ?? {})
    .map(([k, v]) => [uriEncode(k, false), uriEncode(v, false)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonical = [req.method, uriEncode(req.path, true), query, ...names.map((n) => `${n}:${headers[n]}`), '', names.join(';'), req.payloadSha256].join('\n');
  const scope = `${day}/${creds.region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', date, scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${creds.secretAccessKey}`, day), creds.region), 's3'), 'aws4_request');
  const signature = createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
  return { ...headers, authorization: `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/${scope},SignedHeaders=${names.join(';')},Signature=${signature}` };
}
