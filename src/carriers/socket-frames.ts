import type { FastifyBaseLogger } from 'fastify';
import type { TObject, Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { RawData, WebSocket } from 'ws';

// What every socket we serve does with a client's frame before any call code sees it: decode a
// JSON text frame, check it against its protocol's schema, hand the handler a well-typed frame,
// and turn anything else into a log line and (where the protocol says so) a close code. A frame
// can never throw out of a 'message' listener: that would stop the process and every call on it.
//
// Each protocol plugs in one parser built with `discriminatedParser` (relay-frames.ts for
// ConversationRelay, sim/softphone-frames.ts for the softphone; a Media Streams parser keyed on
// `event` fits the same way) and serves its socket with `serveFrames`.

/** Close codes a client's frame can earn (RFC 6455 §7.4.1). */
export const CLOSE_UNSUPPORTED_DATA = 1003; // a binary frame on a text protocol
export const CLOSE_INVALID_PAYLOAD = 1007; // not JSON, not an object, wrong field types
export const CLOSE_POLICY = 1008; // a well-formed frame the protocol does not allow here
export type FrameCloseCode = typeof CLOSE_UNSUPPORTED_DATA | typeof CLOSE_INVALID_PAYLOAD | typeof CLOSE_POLICY;

/** A frame refused: logged, and the socket closed with `close` when set (otherwise ignored). */
export interface FrameRefusal {
  close?: FrameCloseCode;
  reason: string;
}

export type FrameResult<F> = { ok: true; frame: F } | ({ ok: false } & FrameRefusal);

/** Decodes one WebSocket message as a JSON text frame (any JSON value; the parser checks its shape). */
export function decodeJsonText(data: RawData, isBinary: boolean): FrameResult<unknown> {
  if (isBinary) return { ok: false, close: CLOSE_UNSUPPORTED_DATA, reason: 'binary frames are not supported' };
  // A Buffer is read in place (Buffer.from(buffer) would copy every frame first).
  const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
  try {
    return { ok: true, frame: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, close: CLOSE_INVALID_PAYLOAD, reason: 'frames are JSON text' };
  }
}

type Union<S extends Record<string, TObject>> = { [K in keyof S]: Static<S[K]> }[keyof S];

/**
 * One parser per protocol: `key` names the discriminating field (`type` for ConversationRelay and
 * the softphone, `event` for Media Streams) and `schemas` the frame of each value, checked field
 * by field by a compiled TypeBox checker. Extra fields are allowed (carriers add fields). An
 * unknown discriminator is ignored (`unknown: 'ignore'`, for protocols that grow) or refused with
 * 1008 (`'refuse'`, for a protocol whose both ends we ship).
 */
export function discriminatedParser<S extends Record<string, TObject>>(
  key: string,
  schemas: S,
  opts: { unknown: 'ignore' | 'refuse' },
): (value: unknown) => FrameResult<Union<S>> {
  const checkers = new Map(Object.entries(schemas).map(([tag, schema]) => [tag, TypeCompiler.Compile(schema)]));
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { ok: false, close: CLOSE_INVALID_PAYLOAD, reason: 'a frame is a JSON object' };
    }
    const tag = (value as Record<string, unknown>)[key];
    if (typeof tag !== 'string') return { ok: false, close: CLOSE_INVALID_PAYLOAD, reason: `"${key}" must be a string` };
    const checker = checkers.get(tag);
    if (!checker) {
      const reason = `unknown ${key} ${JSON.stringify(tag.slice(0, 40))}`;
      return opts.unknown === 'refuse' ? { ok: false, close: CLOSE_POLICY, reason } : { ok: false, reason };
    }
    if (checker.Check(value)) return { ok: true, frame: value as Union<S> };
    const first = checker.Errors(value).First();
    const field = first?.path ? first.path.slice(1) : key;
    return { ok: false, close: CLOSE_INVALID_PAYLOAD, reason: `${tag}: "${field}" ${first?.message.toLowerCase() ?? 'is invalid'}` };
  };
}

export interface ServeFramesOptions<F> {
  /** Named in log lines, e.g. "relay". */
  protocol: string;
  log: FastifyBaseLogger;
  parse(value: unknown): FrameResult<F>;
  /**
   * Acts on one well-typed frame. Returns a refusal for a frame the protocol does not allow now
   * (before `setup`, twice ...), or a promise, whose rejection is logged and closes the socket.
   */
  handle(frame: F): FrameRefusal | void | Promise<unknown>;
  /** Tells the client why before the close (the softphone gets an `error` frame). */
  onRefused?(refusal: FrameRefusal): void;
}

/** Serves a socket's client frames through one parser and one handler; nothing a client sends escapes. */
export function serveFrames<F>(socket: WebSocket, o: ServeFramesOptions<F>): void {
  const refuse = (r: FrameRefusal) => {
    const entry = { protocol: o.protocol, reason: r.reason, close: r.close ?? null };
    // An ignored frame (a carrier's newer message type) can repeat all call long: log it quietly.
    if (!r.close) return o.log.info(entry, 'ignored a WebSocket frame');
    o.log.warn(entry, 'refused a WebSocket frame; closing');
    o.onRefused?.(r);
    socket.close(r.close, r.reason.slice(0, 120));
  };
  // Our own bug, not the client's: end this socket (1011), keep every other call up.
  const fault = (err: unknown) => {
    o.log.error({ err, protocol: o.protocol }, 'a WebSocket frame handler failed');
    if (socket.readyState === socket.OPEN) socket.close(1011, 'internal error');
  };
  socket.on('message', (data, isBinary) => {
    try {
      const decoded = decodeJsonText(data, isBinary);
      const parsed = decoded.ok ? o.parse(decoded.frame) : decoded;
      if (!parsed.ok) return refuse(parsed);
      const result = o.handle(parsed.frame);
      if (result instanceof Promise) result.catch(fault);
      else if (result) refuse(result);
    } catch (err) {
      fault(err);
    }
  });
}
