import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// OpenAI-compatible speech endpoints on loopback, for the real `openai` SDK:
//   POST /v1/audio/transcriptions  multipart (file, model, language…) → {"text": …}
//   POST /v1/audio/speech          JSON {model, input, voice, response_format} → chunked PCM
// Each reply is scripted per request: latency, chunking, HTTP failures, hangs and stalls.
// `url` is the base URL to hand the SDK (ends in /v1).

export interface SttRequest {
  headers: IncomingHttpHeaders;
  model: string | undefined;
  language: string | undefined;
  prompt: string | undefined;
  responseFormat: string | undefined;
  file: Buffer;
  filename: string | undefined;
  fileType: string | undefined;
  closedEarly: boolean;
  closed: Promise<void>;
}

export interface TtsRequest {
  headers: IncomingHttpHeaders;
  body: { model?: string; input?: string; voice?: string; response_format?: string; speed?: number; instructions?: string };
  /** PCM bytes written before the response ended or the connection closed. */
  bytesSent: number;
  closedEarly: boolean;
  closed: Promise<void>;
}

export type SttReply =
  | { text: string; delayMs?: number }
  | { status: number; body?: string; delayMs?: number }
  | { json: unknown; delayMs?: number }
  | { hang: true };

export type TtsReply =
  | {
      /** Default: a 440 Hz tone, 50 ms per character of input, at 24 kHz. */
      pcm?: Buffer;
      chunkBytes?: number;
      firstByteDelayMs?: number;
      chunkDelayMs?: number;
      /** Waits for this after the first chunk: lets a test prove the client did not buffer. */
      holdAfterFirstChunk?: Promise<unknown>;
      /** Stops writing (without ending) after this many bytes. */
      stallAfterBytes?: number;
    }
  | { status: number; body?: string; delayMs?: number }
  | { hang: true };

export interface FakeSpeechServer {
  url: string;
  transcriptions: SttRequest[];
  speech: TtsRequest[];
  scriptStt(reply: SttReply | ((req: SttRequest, n: number) => SttReply)): void;
  scriptTts(reply: TtsReply | ((req: TtsRequest, n: number) => TtsReply)): void;
  close(): Promise<void>;
}

export const TTS_RATE = 24_000;

/** A tone as PCM16 (s16le) mono: recognisable, never silent. */
export function tonePcm(ms: number, rate = TTS_RATE, hz = 440, amplitude = 8000): Buffer {
  const samples = Math.round((ms * rate) / 1000);
  const out = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) out.writeInt16LE(Math.round(amplitude * Math.sin((2 * Math.PI * hz * i) / rate)), i * 2);
  return out;
}

const sleep = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFakeSpeech(): Promise<FakeSpeechServer> {
  let stt: SttReply | ((req: SttRequest, n: number) => SttReply) = { text: 'hello' };
  let tts: TtsReply | ((req: TtsRequest, n: number) => TtsReply) = {};
  const transcriptions: SttRequest[] = [];
  const speech: TtsRequest[] = [];

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0];
      const raw = Buffer.concat(chunks);
      let markClosed!: () => void;
      const closed = new Promise<void>((resolve) => (markClosed = resolve));
      if (req.method === 'POST' && path === '/v1/audio/transcriptions') {
        void parseMultipart(req.headers['content-type'] ?? '', raw).then(
          (form) => {
            const file = form.get('file');
            const record: SttRequest = {
              headers: req.headers,
              model: field(form.get('model')),
              language: field(form.get('language')),
              prompt: field(form.get('prompt')),
              responseFormat: field(form.get('response_format')),
              file: Buffer.alloc(0),
              filename: typeof file === 'object' && file ? file.name : undefined,
              fileType: typeof file === 'object' && file ? file.type : undefined,
              closedEarly: false,
              closed,
            };
            res.on('close', () => {
              record.closedEarly = !res.writableFinished;
              markClosed();
            });
            const bytes = typeof file === 'object' && file ? file.arrayBuffer() : Promise.resolve(new ArrayBuffer(0));
            void bytes.then((ab) => {
              record.file = Buffer.from(ab);
              transcriptions.push(record);
              const reply = typeof stt === 'function' ? stt(record, transcriptions.length - 1) : stt;
              void respondStt(res, reply);
            });
          },
          (err: unknown) => res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: String(err) } })),
        );
        return;
      }
      if (req.method === 'POST' && path === '/v1/audio/speech') {
        let body: TtsRequest['body'] = {};
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"message":"invalid JSON"}}');
          return;
        }
        const record: TtsRequest = { headers: req.headers, body, bytesSent: 0, closedEarly: false, closed };
        res.on('close', () => {
          record.closedEarly = !res.writableFinished;
          markClosed();
        });
        speech.push(record);
        const reply = typeof tts === 'function' ? tts(record, speech.length - 1) : tts;
        void respondTts(res, record, reply);
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    transcriptions,
    speech,
    scriptStt(reply) {
      stt = reply;
    },
    scriptTts(reply) {
      tts = reply;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function field(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

// The platform's own multipart parser (undici), so the fake checks the SDK's real encoding.
function parseMultipart(contentType: string, body: Buffer): Promise<FormData> {
  return new Request('http://fake.local/', { method: 'POST', headers: { 'content-type': contentType }, body }).formData();
}

async function respondStt(res: ServerResponse, reply: SttReply): Promise<void> {
  if ('hang' in reply) return;
  if (reply.delayMs) await sleep(reply.delayMs);
  if (res.destroyed) return;
  if ('text' in reply) {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ text: reply.text }));
  } else if ('json' in reply) {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply.json));
  } else {
    res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body ?? '{"error":{"message":"scripted failure"}}');
  }
}

async function respondTts(res: ServerResponse, record: TtsRequest, reply: TtsReply): Promise<void> {
  if ('hang' in reply) return;
  if ('status' in reply) {
    if (reply.delayMs) await sleep(reply.delayMs);
    if (!res.destroyed) res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body ?? '{"error":{"message":"scripted failure"}}');
    return;
  }
  const pcm = reply.pcm ?? tonePcm(50 * (record.body.input?.length ?? 1));
  const chunkBytes = reply.chunkBytes ?? 4800; // 100 ms at 24 kHz
  if (reply.firstByteDelayMs) await sleep(reply.firstByteDelayMs);
  if (res.destroyed) return;
  res.writeHead(200, { 'content-type': 'audio/pcm', 'transfer-encoding': 'chunked' });
  for (let at = 0; at < pcm.length; at += chunkBytes) {
    if (at > 0 && reply.chunkDelayMs) await sleep(reply.chunkDelayMs);
    if (res.destroyed) return;
    let chunk = pcm.subarray(at, at + chunkBytes);
    if (reply.stallAfterBytes !== undefined && record.bytesSent + chunk.length > reply.stallAfterBytes) {
      chunk = chunk.subarray(0, Math.max(0, reply.stallAfterBytes - record.bytesSent));
      if (chunk.length > 0) res.write(chunk);
      record.bytesSent += chunk.length;
      return; // never ends: the client's idle timeout must fire
    }
    res.write(chunk);
    record.bytesSent += chunk.length;
    if (at === 0 && reply.holdAfterFirstChunk) await reply.holdAfterFirstChunk;
    else await sleep(0); // let each chunk leave as its own write
  }
  res.end();
}
