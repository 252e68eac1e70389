import { EventEmitter } from 'node:events';
import WebSocket from 'ws';

// The softphone's side of the test-mode call socket (see carriers/sim/softphone.ts for the
// frames). Used by `agentline call` and by the tests: it streams the agent's words as they
// arrive and turns typing over the agent into a barge-in carrying what was heard so far.

export interface SoftphoneEvents {
  connected: [{ call_id: string; direction: string; from: string; to: string }];
  /** The greeting (if any) has been sent: from now on a line is an answer to the caller, not lost. */
  ready: [];
  registered: [string];
  incoming: [{ call_id: string; from: string; to: string }];
  token: [string];
  turnEnd: [string];
  end: [{ reason: string; transferTo?: string }];
  failed: [{ code: string; message: string }];
  sms: [{ id: string; from: string; to: string; body: string }];
  digits: [string];
  close: [];
}

export class SoftphoneClient extends EventEmitter<SoftphoneEvents> {
  private cycle = '';
  callId: string | null = null;
  /** Error frames from the gateway, kept because one can arrive with the handshake itself. */
  readonly failures: { code: string; message: string }[] = [];
  readonly closed: Promise<void>;

  private constructor(private readonly ws: WebSocket) {
    super();
    ws.on('message', (raw) => this.onFrame(raw.toString()));
    this.closed = new Promise((resolve) => ws.on('close', () => resolve()));
    ws.on('close', () => this.emit('close'));
  }

  /** Opens the socket; `baseUrl` is the gateway's http(s) URL, `key` a test key. */
  static connect(baseUrl: string, key: string): Promise<SoftphoneClient> {
    const url = `${baseUrl.replace(/^http/, 'ws').replace(/\/$/, '')}/v1/softphone`;
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers: { authorization: `Bearer ${key}` }, handshakeTimeout: 5000 });
      ws.once('open', () => resolve(new SoftphoneClient(ws)));
      ws.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => reject(new Error(`the gateway refused the softphone (${res.statusCode}): ${body}`)));
      });
      ws.once('error', reject);
    });
  }

  private onFrame(raw: string): void {
    let f: Record<string, any>;
    try {
      f = JSON.parse(raw) as Record<string, any>;
    } catch {
      return;
    }
    if (typeof f !== 'object' || f === null) return; // not a gateway frame; never throw in a listener
    switch (f.type) {
      case 'connected':
        this.callId = f.call_id;
        this.emit('connected', f as SoftphoneEvents['connected'][0]);
        return;
      case 'ready':
        this.emit('ready');
        return;
      case 'registered':
        this.emit('registered', String(f.number));
        return;
      case 'incoming':
        this.emit('incoming', f as SoftphoneEvents['incoming'][0]);
        return;
      case 'text':
        if (f.token) {
          this.cycle += f.token;
          this.emit('token', String(f.token));
        }
        if (f.last) {
          const text = this.cycle;
          this.cycle = '';
          this.emit('turnEnd', text);
        }
        return;
      case 'end': {
        let handoff: { reason: string; transferTo?: string } = { reason: 'ended' };
        try {
          handoff = JSON.parse(String(f.handoffData)) as typeof handoff;
        } catch {
          // keep the default
        }
        this.emit('end', handoff);
        return;
      }
      case 'sendDigits':
        this.emit('digits', String(f.digits));
        return;
      case 'sms':
        this.emit('sms', f as SoftphoneEvents['sms'][0]);
        return;
      case 'error':
        this.failures.push({ code: String(f.code), message: String(f.message) });
        this.emit('failed', { code: String(f.code), message: String(f.message) });
        return;
    }
  }

  private send(frame: object): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame));
  }

  /** True while the agent is mid-reply: typing now interrupts it. */
  get agentSpeaking(): boolean {
    return this.cycle !== '';
  }

  dial(to: string, from?: string): void {
    this.send({ type: 'dial', to, ...(from ? { from } : {}) });
  }
  register(number: string): void {
    this.send({ type: 'register', number });
  }
  answer(): void {
    this.send({ type: 'answer' });
  }
  reject(): void {
    this.send({ type: 'reject' });
  }
  /** Speaks a caller turn; over the agent's reply it first barges in, keeping what was heard. */
  say(text: string): void {
    if (this.agentSpeaking) {
      this.send({ type: 'interrupt', utteranceUntilInterrupt: this.cycle, durationUntilInterruptMs: 0 });
      this.cycle = '';
    }
    this.send({ type: 'prompt', voicePrompt: text, lang: 'en-US', last: true });
  }
  dtmf(digits: string): void {
    for (const digit of digits) this.send({ type: 'dtmf', digit });
  }
  hangup(): void {
    this.ws.close(1000, 'hangup');
  }
}
