import { CallBase, socketUrl } from './call-state';
import { decodeMulaw, fromBase64, toBase64 } from './mulaw';

// A stream-mode test number called from the browser, speaking Twilio's Media Streams protocol
// to the gateway's simulated carrier (carrier-protocols.md §2), as a phone line would:
//  - uplink: the microphone (getUserMedia) through an AudioWorklet that downsamples to 8 kHz
//    μ-law; each 20 ms frame goes out as a `media` event, after `connected` and `start`;
//  - downlink: the agent's `media` is decoded and scheduled back to back on WebAudio; a `mark`
//    is echoed once the audio before it has played; `clear` (barge-in) stops what has not played
//    and echoes the pending marks at once, as Twilio does;
//  - keys go out as `dtmf`; hanging up sends `stop` and closes.
// The gateway adds frames of its own: sim.call (the call id), sim.transcript (each turn as it
// happens) and sim.refused.

const SAMPLE_RATE = 8000;

export class MediaCall extends CallBase {
  private ws: WebSocket | null = null;
  private ctx: AudioContext | null = null;
  private mic: MediaStream | null = null;
  private worklet: AudioWorkletNode | null = null;
  private readonly streamSid = `MZ${crypto.randomUUID().replaceAll('-', '')}`;
  private seq = 0;
  private chunk = 0;
  private playhead = 0;
  private sources = new Set<AudioBufferSourceNode>();
  private marks: { name: string; at: number }[] = [];
  private markTimer: number | null = null;
  private hungUp = false;

  /**
   * The microphone first (the browser may ask, and take its time): only then is a ticket asked
   * for, so a slow permission prompt never outlives the ticket. False if there is no microphone.
   */
  async openMic(): Promise<boolean> {
    if (!navigator.mediaDevices?.getUserMedia) {
      this.fail('This page cannot use the microphone: browsers allow it only on https:// or on http://127.0.0.1 / localhost. Open the console at one of those.');
      this.update({ phase: 'ended' });
      return false;
    }
    try {
      this.mic = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true, channelCount: 1 } });
    } catch (err) {
      this.fail(`The microphone is not available: ${(err as Error).message}. Allow it for this page and call again.`);
      this.update({ phase: 'ended' });
      return false;
    }
    return true;
  }

  /** Opens the call over the socket with the ticket (after openMic). */
  async start(socketPath: string, to: string, ticket: string): Promise<void> {
    if (!this.mic) throw new Error('openMic() first');
    const ctx = new AudioContext({ latencyHint: 'interactive' });
    this.ctx = ctx;
    await ctx.audioWorklet.addModule(`${import.meta.env.BASE_URL}capture-worklet.js`);
    if (ctx.state === 'suspended') await ctx.resume().catch(() => {});
    const source = ctx.createMediaStreamSource(this.mic);
    const worklet = new AudioWorkletNode(ctx, 'phone-capture', { numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [1] });
    this.worklet = worklet;
    const sink = ctx.createGain();
    sink.gain.value = 0; // keeps the worklet pulled by the graph; nothing of the mic is heard
    source.connect(worklet).connect(sink).connect(ctx.destination);

    const ws = new WebSocket(socketUrl(socketPath, { to, ticket }));
    this.ws = ws;
    ws.onopen = () => {
      this.send({ event: 'connected', protocol: 'Call', version: '1.0.0' });
      this.send({
        event: 'start',
        sequenceNumber: this.nextSeq(),
        streamSid: this.streamSid,
        start: {
          callSid: `CA${this.streamSid.slice(2)}`,
          streamSid: this.streamSid,
          tracks: ['inbound'],
          mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: SAMPLE_RATE, channels: 1 },
          customParameters: {},
        },
      });
      worklet.port.onmessage = (e: MessageEvent<Uint8Array>) => this.sendMedia(e.data);
    };
    ws.onmessage = (e) => {
      try {
        this.onFrame(JSON.parse(String(e.data)));
      } catch {
        /* a frame we cannot read is dropped; the call goes on */
      }
    };
    ws.onerror = () => {};
    ws.onclose = (e) => {
      if (this.snap.phase === 'connecting' && !this.snap.error) {
        this.fail(e.code === 1006 ? 'The gateway refused the call (the ticket may have expired); try again.' : `The call closed: ${e.reason || e.code}.`);
      }
      this.teardown();
    };
  }

  mute(muted: boolean) {
    this.worklet?.port.postMessage({ muted });
    this.update({ muted });
  }

  dtmf(digit: string) {
    this.send({ event: 'dtmf', sequenceNumber: this.nextSeq(), streamSid: this.streamSid, dtmf: { track: 'inbound_track', digit } });
    this.addLine({ speaker: 'system', text: `pressed ${digit}` });
  }

  /** Gives the microphone back when no call was placed (the ticket was refused). */
  abandon() {
    this.teardown();
  }

  hangup() {
    if (this.hungUp) return;
    this.hungUp = true;
    this.send({ event: 'stop', sequenceNumber: this.nextSeq(), streamSid: this.streamSid, stop: { callSid: `CA${this.streamSid.slice(2)}` } });
    this.ws?.close(1000, 'hangup');
    this.teardown();
  }

  private nextSeq() {
    return String(++this.seq);
  }

  private send(frame: object) {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame));
  }

  private sendMedia(frame: Uint8Array) {
    const n = this.chunk++;
    this.send({
      event: 'media',
      sequenceNumber: this.nextSeq(),
      streamSid: this.streamSid,
      media: { track: 'inbound', chunk: String(n + 1), timestamp: String(n * 20), payload: toBase64(frame) },
    });
  }

  private onFrame(f: any) {
    if (!f || typeof f !== 'object') return;
    switch (f.event) {
      case 'sim.call':
        this.update({ phase: 'connected', callId: String(f.call_id), connectedAt: Date.now() });
        return;
      case 'sim.refused':
        this.fail(String(f.message ?? 'The call was refused.'));
        return;
      case 'sim.transcript': {
        const text = String(f.text ?? '').trim();
        const interrupted = f.interrupted === true;
        // A barge-in before any of the reply was heard leaves nothing to show but the fact.
        if (!text) {
          if (interrupted) this.addLine({ speaker: 'system', text: 'you spoke over the agent before it was heard' });
          return;
        }
        this.addLine({ speaker: f.speaker === 'caller' ? 'caller' : 'agent', text, interrupted });
        return;
      }
      case 'media':
        this.play(fromBase64(String(f.media?.payload ?? '')));
        return;
      case 'mark':
        this.marks.push({ name: String(f.mark?.name ?? ''), at: this.playhead });
        this.watchMarks();
        return;
      case 'clear':
        this.clear();
        return;
    }
  }

  private play(bytes: Uint8Array) {
    const ctx = this.ctx;
    if (!ctx || bytes.length === 0) return;
    const samples = decodeMulaw(bytes);
    const buffer = ctx.createBuffer(1, samples.length, SAMPLE_RATE);
    buffer.copyToChannel(samples as Float32Array<ArrayBuffer>, 0);
    const src = ctx.createBufferSource();
    src.buffer = buffer;
    src.connect(ctx.destination);
    const at = Math.max(ctx.currentTime + 0.02, this.playhead);
    src.start(at);
    this.playhead = at + buffer.duration;
    this.sources.add(src);
    src.onended = () => {
      if (!this.sources.delete(src)) return; // cleared: it never played out
      this.update({ playedMs: this.snap.playedMs + buffer.duration * 1000, ...(this.sources.size === 0 ? { agentSpeaking: false } : {}) });
    };
    if (!this.snap.agentSpeaking) this.update({ agentSpeaking: true });
  }

  private watchMarks() {
    if (this.markTimer !== null) return;
    this.markTimer = window.setInterval(() => {
      const now = this.ctx?.currentTime ?? Infinity;
      while (this.marks.length && this.marks[0]!.at <= now) this.echo(this.marks.shift()!.name);
      if (this.marks.length === 0 && this.markTimer !== null) {
        clearInterval(this.markTimer);
        this.markTimer = null;
      }
    }, 20);
  }

  private echo(name: string) {
    this.send({ event: 'mark', sequenceNumber: this.nextSeq(), streamSid: this.streamSid, mark: { name } });
  }

  private clear() {
    for (const s of this.sources) {
      try {
        s.stop();
      } catch {
        /* already ended */
      }
    }
    this.sources.clear();
    this.playhead = this.ctx?.currentTime ?? 0;
    for (const m of this.marks.splice(0)) this.echo(m.name);
    this.update({ agentSpeaking: false });
  }

  private teardown() {
    if (this.markTimer !== null) clearInterval(this.markTimer);
    this.markTimer = null;
    for (const t of this.mic?.getTracks() ?? []) t.stop();
    this.mic = null;
    void this.ctx?.close().catch(() => {});
    this.ctx = null;
    this.update({ phase: 'ended', agentSpeaking: false });
  }
}
