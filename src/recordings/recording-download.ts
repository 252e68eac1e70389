import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Config } from '../config.js';
import type { RecordingsTable } from '../db/schema.js';
import { ApiError } from '../errors.js';
import { recordingFile } from './recording-service.js';

// Serving a recording's audio behind a signed link: the gateway's own file from disk, or a relay
// call's recording streamed through from Twilio (its media URLs need the account's
// credentials, which never leave the gateway). Both take one `Range: bytes=...` (RFC 9110 §14):
// 206 with Content-Range, 416 when it is past the end; several ranges get the whole file.

export interface AudioResponse {
  status: 200 | 206;
  headers: Record<string, string>;
  body: Readable;
}

export type ByteRange = { start: number; end: number };

/** null: the whole file; 'unsatisfiable': 416. */
export function parseRange(header: string | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null; // not one range we read: ignore it (allowed)
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

const unsatisfiable = (size: number | string) =>
  Object.assign(new ApiError('range_not_satisfiable', 'The requested range is past the end of the recording.'), { contentRange: `bytes */${size}` });

export async function gatewayAudio(config: Config, row: RecordingsTable, range: string | undefined): Promise<AudioResponse> {
  const path = recordingFile(config, row.path!);
  const size = (await stat(path)).size;
  const r = parseRange(range, size);
  if (r === 'unsatisfiable') throw unsatisfiable(size);
  const headers: Record<string, string> = { 'content-type': 'audio/wav', 'accept-ranges': 'bytes', 'content-disposition': `attachment; filename="${row.call_id}.wav"` };
  if (!r) return { status: 200, headers: { ...headers, 'content-length': String(size) }, body: createReadStream(path) };
  return {
    status: 206,
    headers: { ...headers, 'content-length': String(r.end - r.start + 1), 'content-range': `bytes ${r.start}-${r.end}/${size}` },
    body: createReadStream(path, { start: r.start, end: r.end }),
  };
}

/**
 * Twilio's WAV of a relay call, streamed through. The URL is built from the RecordingSid and our
 * own account, never taken from the callback. Timeouts: the response headers within
 * TWILIO_TIMEOUT_MS, then no gap between chunks longer than that; the download is aborted when
 * the client goes away.
 */
export async function carrierAudio(config: Config, row: RecordingsTable, range: string | undefined, clientGone: AbortSignal): Promise<AudioResponse> {
  const { accountSid, authToken, apiBaseUrl, timeoutMs } = config.twilio;
  if (!accountSid || !authToken || !row.carrier_sid) throw new ApiError('unavailable', 'The carrier holding this recording is not configured on the gateway.');
  const base = (apiBaseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '');
  const url = `${base}/2010-04-01/Accounts/${accountSid}/Recordings/${encodeURIComponent(row.carrier_sid)}.wav`;
  const abort = new AbortController();
  const onGone = () => abort.abort(new Error('client went away'));
  clientGone.addEventListener('abort', onGone, { once: true });
  let idle = setTimeout(() => abort.abort(new Error('carrier timeout')), timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, {
      headers: { authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`, ...(range ? { range } : {}) },
      signal: abort.signal,
    });
  } catch (err) {
    clearTimeout(idle);
    clientGone.removeEventListener('abort', onGone);
    throw new ApiError('carrier_error', `Twilio did not serve the recording: ${(err as Error).message}`);
  }
  const done = () => {
    clearTimeout(idle);
    clientGone.removeEventListener('abort', onGone);
  };
  if (res.status === 416) {
    done();
    await res.body?.cancel().catch(() => {});
    throw unsatisfiable(res.headers.get('content-range')?.split('/')[1] ?? '*');
  }
  if ((res.status !== 200 && res.status !== 206) || !res.body) {
    done();
    await res.body?.cancel().catch(() => {});
    if (res.status === 404) throw new ApiError('not_found', 'The carrier no longer has this recording.');
    throw new ApiError('carrier_error', `Twilio answered ${res.status} for the recording.`);
  }
  const headers: Record<string, string> = { 'content-type': 'audio/wav', 'accept-ranges': 'bytes', 'content-disposition': `attachment; filename="${row.call_id}.wav"` };
  for (const h of ['content-length', 'content-range']) {
    const v = res.headers.get(h);
    if (v) headers[h] = v;
  }
  // Each chunk pushes the idle deadline back.
  const watch = new Transform({
    transform(chunk, _enc, cb) {
      clearTimeout(idle);
      idle = setTimeout(() => abort.abort(new Error('carrier stalled')), timeoutMs);
      cb(null, chunk);
    },
    flush(cb) {
      done();
      cb();
    },
  });
  const body = Readable.fromWeb(res.body as unknown as WebReadableStream<Uint8Array>);
  body.on('error', (err) => {
    done();
    watch.destroy(err);
  });
  watch.on('close', done);
  return { status: res.status === 206 ? 206 : 200, headers, body: body.pipe(watch) };
}

/** Best effort: Twilio deletes its copy (DELETE .../Recordings/{RE}.json), within the timeout. */
export async function deleteCarrierRecording(config: Config, sid: string): Promise<void> {
  const { accountSid, authToken, apiBaseUrl, timeoutMs } = config.twilio;
  if (!accountSid || !authToken) return;
  const base = (apiBaseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '');
  const res = await fetch(`${base}/2010-04-01/Accounts/${accountSid}/Recordings/${encodeURIComponent(sid)}.json`, {
    method: 'DELETE',
    headers: { authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}` },
    signal: AbortSignal.timeout(timeoutMs),
  });
  await res.body?.cancel().catch(() => {});
  if (res.status !== 204 && res.status !== 404 && !res.ok) throw new Error(`Twilio answered ${res.status}`);
}
