import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { FRAME_MS, MULAW_FRAME_BYTES } from '../media/frame-slicer.js';
import { decodeMulaw, encodeMulaw, MULAW_SILENCE } from '../media/mulaw.js';
import { Resampler } from '../media/resampler.js';
import { readWav, writeWav } from '../media/wav.js';

// `agentline call NUMBER --audio in.wav`: the caller's side of a Media Stream to a stream-mode
// test number (carriers/sim/media-softphone.ts), played like a phone plays it:
//  - the WAV (any rate, resampled to 8 kHz, μ-law) goes out as 20 ms `media` frames paced
//    against the clock, then silence, a frame every 20 ms, until the call ends: a phone line
//    never goes quiet, and the gateway's endpointing needs the silence to take the turn;
//  - what the gateway sends "plays" in real time: a `mark` is echoed once the audio before it
//    has played, `clear` drops the unplayed audio and echoes pending marks at once (as Twilio);
//  - the played audio is kept on the call's timeline (silence between replies), for `--record`.
// With a greeting the file waits until the greeting has played, so the caller does not barge in.

const SAMPLE_RATE = 8000;
const BYTES_PER_MS = SAMPLE_RATE / 1000;
/** Longest wait for the greeting's mark before the file plays anyway. */
const GREETING_WAIT_MS = 15_000;

export interface MediaCallOptions {
  /** The gateway's http(s) URL. */
  baseUrl: string;
  key: string;
  number: string;
  from?: string;
  /** The caller's audio: a WAV file's bytes. */
  wav: Uint8Array;
}

export interface CallInfo {
  call_id: string;
  from: string;
  to: string;
  greeting: boolean;
}

export interface CloseInfo {
  code: number;
  reason: string;
}

/** Turns a WAV file into 8 kHz μ-law 20 ms frames (the last one padded with silence). */
export function wavToPhoneFrames(wav: Uint8Array): Buffer[] {
  const { sampleRate, samples } = readWav(wav);
  const pcm = sampleRate === SAMPLE_RATE ? samples : Resampler.convert(samples, sampleRate, SAMPLE_RATE);
  const mulaw = encodeMulaw(pcm);
  const frames: Buffer[] = [];
  for (let i = 0; i < mulaw.length; i += MULAW_FRAME_BYTES) {
    const frame = Buffer.alloc(MULAW_FRAME_BYTES, MULAW_SILENCE);
    mulaw.copy(frame, 0, i, Math.min(mulaw.length, i + MULAW_FRAME_BYTES));
    frames.push(frame);
  }
  return frames;
}

export class MediaCaller {
  /** Set by the gateway's `sim.call` frame. */
  call: CallInfo | null = null;
  /** The gateway's `sim.refused` frame, if the call was refused. */
  refused: { reason: string; message: string } | null = null;
  readonly closed: Promise<CloseInfo>;
  /** Resolves once the whole file has been sent. */
  readonly fileSent: Promise<void>;
  private readonly streamSid = `MZ${randomBytes(16).toString('hex')}`;
  private sequence = 0;
  private sentFrames = 0;
  private startedAt = 0;
  private tick: NodeJS.Timeout | undefined;
  private playing = false;
  private fileDone!: () => void;
  private onCall: Array<(info: CallInfo) => void> = [];
  /** Called with each turn as the gateway reports it. */
  onTurn: (turn: { speaker: string; text: string; interrupted: boolean }) => void = () => {};
  // The received audio on the call's timeline: μ-law bytes from the moment the socket opened.
  private recorded: Buffer[] = [];
  private recordedBytes = 0;
  /** performance.now() at which everything received so far has played. */
  private playoutEnd = 0;
  private readonly pendingMarks = new Set<{ name: string; timer: NodeJS.Timeout }>();
  private marksEchoed = 0;

  private constructor(
    private readonly ws: WebSocket,
    private readonly frames: Buffer[],
  ) {
    this.fileSent = new Promise((resolve) => (this.fileDone = resolve));
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => {
        this.stopSending();
        for (const m of this.pendingMarks) clearTimeout(m.timer);
        this.pendingMarks.clear();
        this.fileDone();
        resolve({ code, reason: reason.toString() });
      }),
    );
    ws.on('message', (raw) => {
      try {
        this.onFrame(raw.toString());
      } catch {
        // a frame we cannot read is dropped; the call goes on
      }
    });
    ws.on('error', () => {}); // the close that follows reports it
  }

  /** Opens the stream; rejects with the gateway's refusal (status and body) if the upgrade is refused. */
  static connect(o: MediaCallOptions): Promise<MediaCaller> {
    const frames = wavToPhoneFrames(o.wav);
    const query = new URLSearchParams({ to: o.number, ...(o.from ? { from: o.from } : {}) });
    const url = `${o.baseUrl.replace(/^http/, 'ws').replace(/\/$/, '')}/v1/softphone/media?${query}`;
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers: { authorization: `Bearer ${o.key}` }, handshakeTimeout: 5000 });
      ws.once('open', () => {
        const caller = new MediaCaller(ws, frames);
        caller.open();
        resolve(caller);
      });
      ws.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => reject(new Error(`the gateway refused the softphone (${res.statusCode}): ${body}`)));
      });
      ws.once('error', reject);
    });
  }

  /** Calls back once the gateway said which call this is (at once if it has). */
  whenCall(fn: (info: CallInfo) => void): void {
    if (this.call) fn(this.call);
    else this.onCall.push(fn);
  }

  /** The caller hangs up: Twilio's `stop`, then the close. */
  hangup(): Promise<CloseInfo> {
    this.send({ event: 'stop', sequenceNumber: this.seq(), streamSid: this.streamSid, stop: { callSid: this.callSid() } });
    this.stopSending();
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.close(1000, 'hangup');
    return this.closed;
  }

  /** Presses a key (Twilio's `dtmf` event). */
  dtmf(digit: string): void {
    this.send({ event: 'dtmf', sequenceNumber: this.seq(), streamSid: this.streamSid, dtmf: { track: 'inbound_track', digit } });
  }

  /** Everything received has played and every mark was echoed: the agent is quiet. */
  get quiet(): boolean {
    return this.pendingMarks.size === 0 && performance.now() >= this.playoutEnd;
  }

  /** The agent's audio as it played (cleared audio dropped), as a 16-bit 8 kHz mono WAV. */
  recording(): Buffer {
    return writeWav({ sampleRate: SAMPLE_RATE, samples: decodeMulaw(Buffer.concat(this.recorded)) });
  }

  private callSid(): string {
    return `CA${this.streamSid.slice(2)}`;
  }

  private seq(): string {
    return String(++this.sequence);
  }

  private send(frame: object): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(frame));
  }

  private open(): void {
    this.send({ event: 'connected', protocol: 'Call', version: '1.0.0' });
    this.send({
      event: 'start',
      sequenceNumber: this.seq(),
      streamSid: this.streamSid,
      start: {
        callSid: this.callSid(),
        streamSid: this.streamSid,
        tracks: ['inbound'],
        mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: SAMPLE_RATE, channels: 1 },
        customParameters: {},
      },
    });
    this.startedAt = performance.now();
    this.playoutEnd = this.startedAt;
    this.sendNext();
  }

  /** Starts the file: at once, or after the greeting has played. */
  private startFile(info: CallInfo): void {
    if (!info.greeting) {
      this.playing = true;
      return;
    }
    const cap = setTimeout(() => (this.playing = true), GREETING_WAIT_MS);
    cap.unref();
    const marks = this.marksEchoed;
    const check = setInterval(() => {
      if (this.marksEchoed > marks || this.ws.readyState !== this.ws.OPEN) {
        clearInterval(check);
        clearTimeout(cap);
        this.playing = true;
      }
    }, FRAME_MS);
    check.unref();
  }

  // The uplink: one frame per 20 ms, scheduled against the clock so it does not drift.
  private sendNext = (): void => {
    let frame: Buffer | undefined;
    if (this.playing && this.frames.length > 0) {
      frame = this.frames.shift();
      if (this.frames.length === 0) this.fileDone();
    }
    const payload = (frame ?? Buffer.alloc(MULAW_FRAME_BYTES, MULAW_SILENCE)).toString('base64');
    this.send({
      event: 'media',
      sequenceNumber: this.seq(),
      streamSid: this.streamSid,
      media: { track: 'inbound', chunk: String(this.sentFrames + 1), timestamp: String(this.sentFrames * FRAME_MS), payload },
    });
    this.sentFrames++;
    if (this.ws.readyState !== this.ws.OPEN) return;
    const due = this.startedAt + this.sentFrames * FRAME_MS;
    this.tick = setTimeout(this.sendNext, Math.max(0, due - performance.now()));
  };

  private stopSending(): void {
    if (this.tick) clearTimeout(this.tick);
    this.tick = undefined;
  }

  private onFrame(raw: string): void {
    const f = JSON.parse(raw) as Record<string, any>;
    if (typeof f !== 'object' || f === null) return;
    const now = performance.now();
    switch (f.event) {
      case 'sim.call': {
        this.call = { call_id: String(f.call_id), from: String(f.from), to: String(f.to), greeting: f.greeting === true };
        this.startFile(this.call);
        for (const fn of this.onCall.splice(0)) fn(this.call);
        return;
      }
      case 'sim.transcript':
        this.onTurn({ speaker: String(f.speaker), text: String(f.text), interrupted: f.interrupted === true });
        return;
      case 'sim.refused':
        this.refused = { reason: String(f.reason), message: String(f.message) };
        return;
      case 'media': {
        const bytes = Buffer.from(String(f.media?.payload ?? ''), 'base64');
        // Audio that arrives after the last has played starts now: the gap is silence.
        const startAt = Math.max(now, this.playoutEnd);
        this.padTo(Math.round((startAt - this.startedAt) * BYTES_PER_MS));
        this.recorded.push(bytes);
        this.recordedBytes += bytes.length;
        this.playoutEnd = startAt + bytes.length / BYTES_PER_MS;
        return;
      }
      case 'mark': {
        const name = String(f.mark?.name ?? '');
        const entry = {
          name,
          timer: setTimeout(() => {
            this.pendingMarks.delete(entry);
            this.echo(name);
          }, Math.max(0, this.playoutEnd - now)),
        };
        this.pendingMarks.add(entry);
        return;
      }
      case 'clear': {
        // What has not played yet is never heard: drop it from the recording too.
        this.truncateTo(Math.max(0, Math.round((now - this.startedAt) * BYTES_PER_MS)));
        this.playoutEnd = Math.min(this.playoutEnd, now);
        for (const m of this.pendingMarks) {
          clearTimeout(m.timer);
          this.echo(m.name);
        }
        this.pendingMarks.clear();
        return;
      }
    }
  }

  private echo(name: string): void {
    this.marksEchoed++;
    this.send({ event: 'mark', sequenceNumber: this.seq(), streamSid: this.streamSid, mark: { name } });
  }

  private padTo(bytes: number): void {
    if (bytes <= this.recordedBytes) return;
    this.recorded.push(Buffer.alloc(bytes - this.recordedBytes, MULAW_SILENCE));
    this.recordedBytes = bytes;
  }

  private truncateTo(bytes: number): void {
    if (bytes >= this.recordedBytes) return;
    this.recorded = [Buffer.concat(this.recorded).subarray(0, bytes)];
    this.recordedBytes = bytes;
  }
}
