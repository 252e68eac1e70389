import { type Static, Type } from '@sinclair/typebox';
import { discriminatedParser, type FrameResult } from '../socket-frames.js';

// The frames Twilio sends on a bidirectional Media Streams socket (carrier-protocols.md §2.2),
// one schema each, discriminated by `event`. Twilio sends `sequenceNumber`, `chunk` and
// `timestamp` as strings of digits, and the schemas say so: a number there is not Twilio. Only
// the fields the gateway reads are required; extra fields pass, unknown events are ignored
// (Twilio adds them), as on the relay socket.

/** One DTMF key: 0-9, *, # and the rarely seen A-D. */
const DIGIT = '^[0-9*#A-Da-d]$';
const DIGITS_PATTERN = '^[0-9]+$';
const DIGITS = Type.String({ pattern: DIGITS_PATTERN });
/** Raw μ-law in standard base64 (a 20 ms frame is 216 characters). */
const BASE64_PATTERN = '^[A-Za-z0-9+/]*={0,2}$';
const BASE64 = Type.String({ pattern: BASE64_PATTERN });

export const MediaFrameSchemas = {
  connected: Type.Object({
    event: Type.Literal('connected'),
    protocol: Type.Optional(Type.String()),
    version: Type.Optional(Type.String()),
  }),
  start: Type.Object({
    event: Type.Literal('start'),
    sequenceNumber: Type.Optional(DIGITS),
    streamSid: Type.String({ minLength: 1 }),
    start: Type.Object({
      callSid: Type.String({ minLength: 1 }),
      streamSid: Type.Optional(Type.String()),
      accountSid: Type.Optional(Type.String()),
      tracks: Type.Optional(Type.Array(Type.String())),
      mediaFormat: Type.Optional(
        Type.Object({ encoding: Type.String(), sampleRate: Type.Number(), channels: Type.Number() }),
      ),
      customParameters: Type.Optional(Type.Record(Type.String(), Type.String())),
    }),
  }),
  media: Type.Object({
    event: Type.Literal('media'),
    sequenceNumber: Type.Optional(DIGITS),
    streamSid: Type.Optional(Type.String()),
    media: Type.Object({
      track: Type.Optional(Type.String()),
      chunk: Type.Optional(DIGITS),
      /** ms since the stream started. */
      timestamp: Type.Optional(DIGITS),
      payload: BASE64,
    }),
  }),
  dtmf: Type.Object({
    event: Type.Literal('dtmf'),
    sequenceNumber: Type.Optional(DIGITS),
    streamSid: Type.Optional(Type.String()),
    dtmf: Type.Object({ digit: Type.String({ pattern: DIGIT }), track: Type.Optional(Type.String()) }),
  }),
  /** The echo of a mark we sent: the audio before it has played (or was cleared). */
  mark: Type.Object({
    event: Type.Literal('mark'),
    sequenceNumber: Type.Optional(DIGITS),
    streamSid: Type.Optional(Type.String()),
    mark: Type.Object({ name: Type.String() }),
  }),
  stop: Type.Object({
    event: Type.Literal('stop'),
    sequenceNumber: Type.Optional(DIGITS),
    streamSid: Type.Optional(Type.String()),
    stop: Type.Optional(Type.Object({ callSid: Type.Optional(Type.String()), accountSid: Type.Optional(Type.String()) })),
  }),
};

export type MediaFrame = Static<(typeof MediaFrameSchemas)[keyof typeof MediaFrameSchemas]>;
export type MediaStartFrame = Static<typeof MediaFrameSchemas.start>;

export type MediaMediaFrame = Static<typeof MediaFrameSchemas.media>;

const checkMediaFrame = discriminatedParser('event', MediaFrameSchemas, { unknown: 'ignore' });
const DIGITS_RE = new RegExp(DIGITS_PATTERN);
const BASE64_RE = new RegExp(BASE64_PATTERN);
const optionalDigits = (v: unknown) => v === undefined || (typeof v === 'string' && DIGITS_RE.test(v));

/**
 * The `media` schema, checked by hand: fifty of these a second per call, and the generic
 * checker costs more than the fields it checks. It accepts exactly what the schema accepts or
 * less (anything it refuses goes to the schema checker, which accepts it or names the field).
 */
export function isMediaMediaFrame(value: unknown): value is MediaMediaFrame {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const f = value as Record<string, unknown>;
  if (f.event !== 'media') return false;
  const m = f.media as Record<string, unknown> | null | undefined;
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return false;
  return (
    typeof m.payload === 'string' &&
    BASE64_RE.test(m.payload) &&
    optionalDigits(f.sequenceNumber) &&
    (f.streamSid === undefined || typeof f.streamSid === 'string') &&
    (m.track === undefined || typeof m.track === 'string') &&
    optionalDigits(m.chunk) &&
    optionalDigits(m.timestamp)
  );
}

/** Checks one decoded frame against its event's schema (`media` frames by hand, see above). */
export function parseMediaFrame(value: unknown): FrameResult<MediaFrame> {
  return isMediaMediaFrame(value) ? { ok: true, frame: value } : checkMediaFrame(value);
}
