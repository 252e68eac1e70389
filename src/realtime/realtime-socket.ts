import WebSocket from 'ws';
import type { RealtimeClientEvent, RealtimeServerEvent, RealtimeSessionCreateRequest } from 'openai/resources/realtime/realtime';

// One Realtime WebSocket (speech-protocols.md §3, the GA protocol), opened with `ws` ourselves:
// the SDK's OpenAIRealtimeWS always dials wss://api.openai.com, and a self-hosted or local
// ws:// endpoint must work too. The SDK's event types are the contract for every frame.
//
// `openRealtimeSocket` resolves once the session is configured (`session.update` answered with
// `session.updated`), within `timeoutMs` for the upgrade and the answer together; everything
// after that is `onEvent` / `onClose`. A frame that is not JSON with a `type` is dropped (and
// counted), never thrown: no server input may crash the gateway.

export interface RealtimeEndpoint {
  /** ws:// or wss:// URL of the Realtime API, without the model. */
  url: string;
  model: string;
  apiKey?: string;
  timeoutMs: number;
}

export interface RealtimeSocketHandlers {
  onEvent(event: RealtimeServerEvent): void;
  /** The socket is gone (closed by the server, an error, or `close()`); called once. */
  onClose(info: { code: number; reason: string; byUs: boolean }): void;
}

export class RealtimeSocket {
  private closedByUs = false;
  /** Frames from the server that were not Realtime events. */
  malformed = 0;

  private constructor(private readonly ws: WebSocket) {}

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  send(event: RealtimeClientEvent): boolean {
    if (!this.open) return false;
    this.ws.send(JSON.stringify(event));
    return true;
  }

  /** `input_audio_buffer.append` with the payload exactly as Twilio sent it (base64 μ-law). */
  append(base64Audio: string): boolean {
    if (!this.open) return false;
    // Hand-built: the hottest frame of a call, and its payload is already base64.
    this.ws.send(`{"type":"input_audio_buffer.append","audio":"${base64Audio}"}`);
    return true;
  }

  close(): void {
    this.closedByUs = true;
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close(1000, 'call over');
  }

  static open(endpoint: RealtimeEndpoint, session: RealtimeSessionCreateRequest, handlers: RealtimeSocketHandlers): Promise<RealtimeSocket> {
    const url = new URL(endpoint.url);
    url.searchParams.set('model', endpoint.model);
    const ws = new WebSocket(url, {
      headers: endpoint.apiKey ? { Authorization: `Bearer ${endpoint.apiKey}` } : {},
      handshakeTimeout: endpoint.timeoutMs,
      perMessageDeflate: false,
      maxPayload: 16 * 1024 * 1024,
    });
    const socket = new RealtimeSocket(ws);
    return new Promise<RealtimeSocket>((resolve, reject) => {
      let configured = false;
      let closed = false;
      const timer = setTimeout(() => fail(new Error(`the Realtime session was not ready within ${endpoint.timeoutMs} ms`)), endpoint.timeoutMs);
      const fail = (err: Error) => {
        if (configured) return;
        configured = true; // settle once
        clearTimeout(timer);
        socket.closedByUs = true;
        ws.terminate();
        reject(err);
      };
      ws.on('unexpected-response', (_req, res) => {
        res.resume();
        fail(new Error(`the Realtime upgrade was refused with HTTP ${res.statusCode}`));
      });
      ws.on('error', (err) => fail(err));
      ws.on('open', () => {
        try {
          socket.send({ type: 'session.update', session });
        } catch (err) {
          fail(err instanceof Error ? err : new Error(String(err)));
        }
      });
      ws.on('message', (data, isBinary) => {
        let event: RealtimeServerEvent;
        try {
          if (isBinary) throw new Error('binary');
          event = JSON.parse(data.toString()) as RealtimeServerEvent;
          if (typeof event !== 'object' || event === null || typeof event.type !== 'string') throw new Error('no type');
        } catch {
          socket.malformed++;
          return;
        }
        if (!configured) {
          if (event.type === 'session.updated') {
            configured = true;
            clearTimeout(timer);
            resolve(socket);
          } else if (event.type === 'error') {
            fail(new Error(`the Realtime session was refused: ${event.error?.message ?? 'error'}`));
          }
          return;
        }
        try {
          handlers.onEvent(event);
        } catch {
          // The handler guards itself; a bug there must not take the socket down with it.
        }
      });
      ws.on('close', (code, reason) => {
        if (closed) return;
        closed = true;
        if (!configured) return fail(new Error(`the Realtime socket closed (${code}) before the session was ready`));
        handlers.onClose({ code, reason: reason.toString(), byUs: socket.closedByUs });
      });
    });
  }
}
