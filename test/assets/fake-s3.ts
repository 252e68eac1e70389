import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

// An S3-compatible bucket on loopback, path-style: PUT, HEAD and GET (one Range) of objects
// kept in memory. It checks what a real bucket would refuse: a missing or foreign SigV4
// credential, and a body whose SHA-256 is not the signed x-amz-content-sha256.

export interface FakeS3 {
  url: string;
  objects: Map<string, Buffer>;
  requests: { method: string; path: string; authorization: string }[];
  /** Answer every request with this status instead (an outage). */
  failWith: number | null;
  close(): Promise<void>;
}

export async function startFakeS3(accessKeyId: string): Promise<FakeS3> {
  const s3 = { objects: new Map<string, Buffer>(), requests: [], failWith: null } as unknown as FakeS3;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = decodeURIComponent(req.url!.split('?')[0]!);
      const authorization = String(req.headers.authorization ?? '');
      s3.requests.push({ method: req.method!, path, authorization });
      if (s3.failWith) return void res.writeHead(s3.failWith).end();
      if (!authorization.startsWith(`AWS4-HMAC-SHA256 Credential=${accessKeyId}/`) || !/Signature=[0-9a-f]{64}$/.test(authorization)) return void res.writeHead(403).end();
      const body = Buffer.concat(chunks);
      if (req.method === 'PUT') {
        if (createHash('sha256').update(body).digest('hex') !== req.headers['x-amz-content-sha256']) return void res.writeHead(400).end('XAmzContentSHA256Mismatch');
        s3.objects.set(path, body);
        return void res.writeHead(200).end();
      }
      const obj = s3.objects.get(path);
      if (!obj) return void res.writeHead(404).end();
      const m = /^bytes=(\d+)-(\d+)$/.exec(String(req.headers.range ?? ''));
      if (m) {
        const part = obj.subarray(Number(m[1]), Number(m[2]) + 1);
        return void res.writeHead(206, { 'content-length': part.length }).end(req.method === 'HEAD' ? undefined : part);
      }
      res.writeHead(200, { 'content-length': obj.length }).end(req.method === 'HEAD' ? undefined : obj);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  s3.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  s3.close = () => new Promise<void>((r) => {
    server.closeAllConnections();
    server.close(() => r());
  });
  return s3;
}
