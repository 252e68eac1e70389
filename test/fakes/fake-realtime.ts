import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { RealtimeClientEvent, RealtimeServerEvent } from 'openai/resources/realtime/realtime';
import { WebSocket, WebSocketServer } from 'ws';
import { decodeMulaw } from '../../src/media/mulaw.js';

// An OpenAI Realtime server (GA protocol, speech-protocols.md §3) on loopback, over a real `ws`
// socket, with scripted behaviour:
//  - upgrades anywhere, records the URL (?model=) and headers; `refuseNext(status)` refuses;
//  - answers `session.update` with `session.updated`, keeping the session it was sent;
//  - a server VAD on the appended μ-law (energy): speech → `input_audio_buffer.speech_started`,
//    then `silence_duration_ms` of silence → `speech_stopped`, `committed`, a scripted
//    transcript (`conversation.item.input_audio_transcription.completed`) and, as
//    `create_response` asks, a response;
//  - a response speaks scripted words: per word one `response.output_audio_transcript.delta`
//    and `msPerWord` of μ-law in `response.output_audio.delta`s (distinct bytes per delta, so a
//    test can follow them), sent `speed` times faster than real time, as OpenAI does; or calls
//    a function (`response.function_call_arguments.done`) and waits for `response.create`;
//  - speech while a response streams cancels it (`interrupt_response`); so does the client's
//    `response.cancel`, after `lateWords` more words: what was on the wire when the cancel left;
//  - `fail('close' | 'error')` breaks a connection mid-call.
// Every client event is recorded per connection.

export interface ScriptedReply {
  /** Words spoken (split on spaces). */
  say?: string;
  /** Then a function call. */
  call?: { name: string; arguments: Record<string, unknown> };
  msPerWord?: number;
}

export interface ReplyContext {
  conn: RealtimeConnection;
  /** What started it: the caller's speech (server VAD) or the client's response.create. */
  trigger: 'speech' | 'response.create';
  /** Replies made on this connection before this one. */
  n: number;
}

export interface RealtimeConnection {
  readonly index: number;
  readonly url: URL;
  readonly headers: IncomingMessage['headers'];
  readonly socket: WebSocket;
  /** Every event the client sent, in order (appends counted, not kept: see `appended`). */
  readonly events: RealtimeClientEvent[];
  /** The audio appended, concatenated. */
  appended(): Buffer;
  /** The bytes of every output_audio.delta sent, in order. */
  readonly deltas: Buffer[];
  /** The latest session.update's session. */
  session: Record<string, any> | null;
  send(event: Record<string, unknown>): void;
  fail(how: 'close' | 'error'): void;
  readonly closed: Promise<void>;
}

export interface FakeRealtimeOptions {
  /** Scripted transcripts of the caller's turns, in order (default "hello"). */
  transcripts?: string[];
  reply?: (ctx: ReplyContext) => ScriptedReply | null;
  /** Audio sent this many times faster than it plays (default 4). */
  speed?: number;
  /** Words of a response still sent after the client's `response.cancel` (default 0). */
  lateWords?: number;
  /** Replace the whole behaviour of a connection (the benchmark). */
  onConnection?: (conn: RealtimeConnection, ws: WebSocket) => void;
}

export interface FakeRealtime {
  /** ws:// base (no model): hand it to AGENTLINE_REALTIME_URL. */
  url: string;
  connections: RealtimeConnection[];
  /** The next upgrade(s) answer this HTTP status instead. */
  refuseNext(status: number, count?: number): void;
  waitForConnections(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const SPEECH_LEVEL = 800;

export async function startFakeRealtime(options: FakeRealtimeOptions = {}): Promise<FakeRealtime> {
  const server: Server = createServer((_req, res) => res.writeHead(426).end());
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 16 * 1024 * 1024 });
  const connections: RealtimeConnection[] = [];
  const refusals: number[] = [];
  const waiters = new Set<() => void>();

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const status = refusals.shift();
    if (status !== undefined) {
      socket.end(`HTTP/1.1 ${status} Refused\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const conn = connection(connections.length, req, ws, options);
      connections.push(conn);
      for (const wake of [...waiters]) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/v1/realtime`,
    connections,
    refuseNext(status, count = 1) {
      for (let i = 0; i < count; i++) refusals.push(status);
    },
    waitForConnections(n, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (connections.length < n) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${connections.length} of ${n} Realtime connections`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function connection(index: number, req: IncomingMessage, ws: WebSocket, options: FakeRealtimeOptions): RealtimeConnection {
  const events: RealtimeClientEvent[] = [];
  const appendedChunks: Buffer[] = [];
  const deltas: Buffer[] = [];
  let resolveClosed!: () => void;
  const closed = new Promise<void>((r) => (resolveClosed = r));
  let seq = 0;
  const send = (event: Record<string, unknown>) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ event_id: `evt_${++seq}`, ...event }));
  };
  const conn: RealtimeConnection = {
    index,
    url: new URL(req.url ?? '/', 'ws://fake'),
    headers: req.headers,
    socket: ws,
    events,
    appended: () => Buffer.concat(appendedChunks),
    deltas,
    session: null,
    send,
    fail(how) {
      if (how === 'error') send({ type: 'error', error: { type: 'server_error', code: 'internal', message: 'scripted failure' } });
      else ws.terminate();
    },
    closed,
  };
  ws.on('close', () => resolveClosed());
  if (options.onConnection) {
    options.onConnection(conn, ws);
    return conn;
  }

  const transcripts = [...(options.transcripts ?? [])];
  const speed = options.speed ?? 4;
  let replies = 0;
  let items = 0;
  // Server VAD state, in audio time of the input buffer.
  let audioMs = 0;
  let speaking = false;
  let silentMs = 0;
  let speechStart = 0;
  let userItem = '';
  let active: { id: string; cancelled: boolean; timer?: NodeJS.Timeout; word?: () => void } | null = null;

  const respond = (trigger: ReplyContext['trigger']) => {
    const script = options.reply?.({ conn, trigger, n: replies }) ?? { say: 'Okay.' };
    replies++;
    const id = `resp_${index}_${replies}`;
    const response = { id, cancelled: false } as NonNullable<typeof active>;
    active = response;
    send({ type: 'response.created', response: { id, object: 'realtime.response', status: 'in_progress', output: [] } });
    const itemId = `item_${index}_a${++items}`;
    const words = (script.say ?? '').split(' ').filter(Boolean);
    const msPerWord = script.msPerWord ?? 200;
    let w = 0;
    const word = () => {
      const text = words[w]!;
      send({ type: 'response.output_audio_transcript.delta', response_id: id, item_id: itemId, output_index: 0, content_index: 0, delta: w === 0 ? text : ` ${text}` });
      // Two deltas a word, each its own recognisable bytes.
      for (let half = 0; half < 2; half++) {
        const bytes = Buffer.alloc((msPerWord / 2) * 8, (deltas.length % 200) + 20);
        deltas.push(bytes);
        send({ type: 'response.output_audio.delta', response_id: id, item_id: itemId, output_index: 0, content_index: 0, delta: bytes.toString('base64') });
      }
      w++;
    };
    response.word = () => {
      if (w < words.length) word();
    };
    const finish = (status: 'completed' | 'cancelled') => {
      if (active === response) active = null;
      if (words.length && status === 'completed') {
        send({ type: 'response.output_audio.done', response_id: id, item_id: itemId, output_index: 0, content_index: 0 });
        send({ type: 'response.output_audio_transcript.done', response_id: id, item_id: itemId, output_index: 0, content_index: 0, transcript: words.join(' ') });
      }
      const usage = { total_tokens: 100 + words.length * 3, input_tokens: 100, output_tokens: words.length * 3 };
      send({ type: 'response.done', response: { id, object: 'realtime.response', status, output: [], usage } });
    };
    const next = () => {
      if (response.cancelled || ws.readyState !== WebSocket.OPEN) return;
      if (w < words.length) {
        word();
        response.timer = setTimeout(next, msPerWord / speed);
        return;
      }
      if (script.call) {
        send({ type: 'response.function_call_arguments.done', response_id: id, item_id: `item_${index}_f${++items}`, output_index: 1, call_id: `call_${index}_${replies}`, name: script.call.name, arguments: JSON.stringify(script.call.arguments) });
      }
      finish('completed');
    };
    next();
    return response;
  };

  const cancel = () => {
    const r = active;
    if (!r) return;
    r.cancelled = true;
    clearTimeout(r.timer);
    active = null;
    send({ type: 'response.done', response: { id: r.id, object: 'realtime.response', status: 'cancelled', output: [] } });
  };

  const vad = (audio: Buffer) => {
    const samples = decodeMulaw(audio);
    let sum = 0;
    for (const s of samples) sum += Math.abs(s);
    const loud = samples.length > 0 && sum / samples.length > SPEECH_LEVEL;
    const ms = audio.length / 8;
    audioMs += ms;
    const silence = (conn.session?.audio?.input?.turn_detection?.silence_duration_ms as number | undefined) ?? 500;
    if (loud) {
      silentMs = 0;
      if (!speaking) {
        speaking = true;
        speechStart = audioMs - ms;
        userItem = `item_${index}_u${++items}`;
        send({ type: 'input_audio_buffer.speech_started', audio_start_ms: Math.round(speechStart), item_id: userItem });
        if (active) cancel();
      }
      return;
    }
    if (!speaking) return;
    silentMs += ms;
    if (silentMs < silence) return;
    speaking = false;
    const end = Math.round(audioMs - silentMs);
    const item = userItem;
    send({ type: 'input_audio_buffer.speech_stopped', audio_end_ms: end, item_id: item });
    send({ type: 'input_audio_buffer.committed', item_id: item, previous_item_id: null });
    // The transcript comes a little after the reply has started, as it does at OpenAI.
    const transcript = transcripts.shift() ?? 'hello';
    setTimeout(() => send({ type: 'conversation.item.input_audio_transcription.completed', item_id: item, content_index: 0, transcript, usage: { type: 'duration', seconds: 1 } }), 30);
    if (conn.session?.audio?.input?.turn_detection?.create_response !== false) respond('speech');
  };

  ws.on('message', (data) => {
    let event: RealtimeClientEvent;
    try {
      event = JSON.parse(data.toString()) as RealtimeClientEvent;
    } catch {
      send({ type: 'error', error: { type: 'invalid_request_error', code: 'invalid_json', message: 'not JSON' } });
      return;
    }
    if (event.type === 'input_audio_buffer.append') {
      const audio = Buffer.from(event.audio, 'base64');
      appendedChunks.push(audio);
      events.push({ type: 'input_audio_buffer.append', audio: '' });
      vad(audio);
      return;
    }
    events.push(event);
    switch (event.type) {
      case 'session.update':
        conn.session = event.session as Record<string, any>;
        send({ type: 'session.updated', session: { ...event.session, id: `sess_${index}` } });
        return;
      case 'response.create':
        if (active) {
          send({ type: 'error', error: { type: 'invalid_request_error', code: 'conversation_already_has_active_response', message: 'busy' } });
          return;
        }
        respond('response.create');
        return;
      case 'response.cancel':
        if (!active) send({ type: 'error', error: { type: 'invalid_request_error', code: 'response_cancel_not_active', message: 'none' } });
        else {
          for (let i = 0; i < (options.lateWords ?? 0); i++) active.word?.();
          cancel();
        }
        return;
      case 'conversation.item.truncate':
        send({ type: 'conversation.item.truncated', item_id: event.item_id, content_index: event.content_index, audio_end_ms: event.audio_end_ms });
        return;
      case 'conversation.item.create':
        send({ type: 'conversation.item.added', previous_item_id: null, item: { id: `item_${index}_c${++items}`, ...event.item } });
        return;
      default:
        return;
    }
  });
  return conn;
}

export type { RealtimeServerEvent };
