import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import { dtmfMulaw } from '../../media/dtmf-tones.js';
import type { PacerTimers, PlayoutSink } from '../../media/playout-pacer.js';
import { AgentSpeech } from '../../speech/pipeline/agent-speech.js';
import { CallerSpeech, type Utterance } from '../../speech/pipeline/caller-speech.js';
import { SpeechError } from '../../speech/speech-error.js';
import type { SpeechToText } from '../../speech/stt/speech-to-text.js';
import type { TextToSpeech } from '../../speech/tts/text-to-speech.js';
import type { Vad } from '../../speech/vad/vad.js';
import type { CallLeg, CallOutcome, LegEvents, SpeechTurnTimings } from '../../calls/call-leg.js';
import type { MediaFrame } from './media-frames.js';
import type { NumbersTable } from '../../db/schema.js';
import { endAfterLastWords } from './end-after-last-words.js';
import { MediaSender } from './media-sender.js';
import type { StreamSpeech } from '../../speech/stream-speech.js';
import { Base64Scratch } from '../../media/base64-scratch.js';

// A CallLeg over Twilio Media Streams (carrier-protocols.md §2): the gateway carries the call's
// audio and runs its own speech pipeline. This file is the wire protocol and the glue:
//   frames in:  `media` → CallerSpeech (VAD, endpointing, barge-in) → STT → `callerSaid`;
//               `mark` → AgentSpeech (what was played); `dtmf` → `digit` (a barge-in while
//               agent audio plays); `stop` / socket close → `hangup`.
//   frames out: AgentSpeech's audio as `media`, a `mark` after each clause, `clear` on barge-in.
// Media Streams has no `end` message: `end` waits for the mark of the last words, then hands the
// outcome to `finish` (Twilio REST: `<Hangup/>` or `<Dial>`), then closes the socket.

/** Per caller turn, from the end of the caller's speech to the agent's first audio frame. */
export type StreamTurnTimings = SpeechTurnTimings;

/** Pre-rendered audio (media/*.ulaw, src/media/prompts.ts) that needs no speech service. */
export interface LegPrompts {
  /** "Sorry, I'm having trouble right now…": after an STT or TTS failure. */
  fallback: Buffer;
  /** The shipped audio of exactly this line (a goodbye), if any. */
  forLine?(text: string): Buffer | undefined;
}

export interface MediaStreamLegOptions {
  socket: WebSocket;
  streamSid: string;
  log: FastifyBaseLogger;
  /** One VAD stream for this call (e.g. Silero behind the energy gate). */
  vad: Vad;
  stt: SpeechToText;
  tts: TextToSpeech;
  voice: string;
  /** The number's language (BCP 47); STT gets its ISO-639-1 part. */
  language?: string;
  endpointingMs: number;
  bargeInMs: number;
  prompts: LegPrompts;
  /** Ends the call at the carrier after the last words were heard (REST update). */
  finish(outcome: CallOutcome): Promise<void>;
  /** A speech request failed or timed out: the caller heard the fallback prompt. */
  onSpeechFailure?(service: 'stt' | 'tts', error: SpeechError): void;
  /** Longest wait for the last mark in `end` (a carrier that never echoes must not hold a call). */
  endWaitCapMs?: number;
  leadMs?: number;
  timers?: PacerTimers;
  now?: () => number;
}

/** What the Media Streams socket handler (media-stream-socket.ts) needs of a leg. */
export interface MediaSocketLeg {
  /** Every outbound frame goes through it; its tap sees both directions. */
  readonly out: MediaSender;
  handleFrame(frame: MediaFrame): void;
}

export class MediaStreamLeg implements CallLeg, MediaSocketLeg {
  readonly kind = 'stream' as const;
  readonly out: MediaSender;
  readonly greetingSpokenByCarrier = false;
  private events: LegEvents | null = null;
  /** Events from before `attach` (the session speaks the greeting first), delivered in order. */
  private held: Array<(events: LegEvents) => void> = [];
  private readonly agent: AgentSpeech;
  private readonly caller: CallerSpeech;
  private readonly now: () => number;
  private readonly aborts = new AbortController();
  private sttTail: Promise<void> = Promise.resolve();
  /** The caller turn whose reply's first audio has not gone out yet. */
  private pendingTurn: { endpointingMs: number; sttMs: number; speechEndedAt: number } | null = null;
  private ending: Promise<void> | null = null;
  private wakeEnding: (() => void) | null = null;
  private gone = false;
  private hungUpReason: string | null = null;
  private disposed = false;
  /** Caller frames are decoded into one buffer (CallerSpeech reads a frame before push returns). */
  private readonly inbound = new Base64Scratch();

  constructor(private readonly opts: MediaStreamLegOptions) {
    this.now = opts.now ?? (() => performance.now());
    this.out = new MediaSender(opts.socket, opts.streamSid);
    const sink: PlayoutSink = {
      sendFrame: (frame) => void this.out.media(frame),
      sendMark: (name) => void this.out.mark(name),
      clear: () => void this.out.clear(),
    };
    this.agent = new AgentSpeech({
      tts: opts.tts,
      voice: opts.voice,
      sink,
      leadMs: opts.leadMs,
      timers: opts.timers,
      now: this.now,
      fallbackAudio: (text) => opts.prompts.forLine?.(text) ?? opts.prompts.fallback,
      onFailure: (err, heard) => this.speechFailed('tts', err, heard),
      onFirstAudio: (reply) => this.replyAudible(reply),
      onSinkError: (err) => opts.log.warn({ err }, 'media stream: could not send audio'),
    });
    this.caller = new CallerSpeech({
      vad: opts.vad,
      endpointingMs: opts.endpointingMs,
      bargeInMs: opts.bargeInMs,
      now: this.now,
      agentPlaying: () => this.agent.playing && !this.ending,
      onBargeIn: () => this.interrupt(),
      onUtterance: (u) => this.transcribe(u),
      onError: (err) => opts.log.warn({ err }, 'media stream: voice activity detection failed on a window'),
    });
    if (opts.socket.readyState === opts.socket.OPEN) opts.socket.once('close', () => this.carrierGone('caller_hangup'));
    else this.carrierGone('caller_hangup'); // closed while the call was being looked up
  }

  attach(events: LegEvents): void {
    if (this.events) throw new Error('a leg is attached once');
    this.events = events;
    for (const deliver of this.held.splice(0)) deliver(events);
  }

  /** One parsed frame from Twilio, after `start` (see media-stream-socket.ts). */
  handleFrame(frame: MediaFrame): void {
    if (this.gone) return;
    switch (frame.event) {
      case 'media':
        if (frame.media.track && frame.media.track !== 'inbound') return;
        this.caller.push(this.inbound.decode(frame.media.payload));
        return;
      case 'mark':
        this.agent.markPlayed(frame.mark.name);
        return;
      case 'dtmf':
        // Over agent audio a key interrupts it (not the last words of an ending call).
        if (this.agent.playing) this.interrupt();
        this.emit((e) => e.digit(frame.dtmf.digit));
        return;
      case 'stop':
        this.carrierGone('caller_hangup');
        return;
      case 'connected':
      case 'start':
        return;
    }
  }

  speak(text: string): void {
    if (!this.gone) this.agent.speak(text);
  }

  endTurn(): void {
    if (!this.gone) this.agent.endTurn();
  }

  cancelSpeech(): void {
    this.agent.cancel();
  }

  /** Media Streams cannot send DTMF: the keys are played as tones, after the words said before them. */
  sendDigits(digits: string): void {
    if (this.gone) return;
    this.agent.flush();
    this.agent.playAudio(dtmfMulaw(digits));
  }

  end(outcome: CallOutcome): Promise<void> {
    this.ending ??= (async () => {
      this.agent.endTurn();
      await endAfterLastWords({
        outcome,
        socket: this.opts.socket,
        log: this.opts.log,
        label: 'media stream',
        idle: () => this.agent.whenIdle(),
        capMs: this.opts.endWaitCapMs ?? 30_000,
        gone: () => this.gone,
        onWaiting: (wake) => (this.wakeEnding = wake),
        finish: (o) => this.opts.finish(o),
      });
    })();
    return this.ending;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.gone = true;
    this.aborts.abort();
    this.caller.close();
    this.agent.close();
    this.out.closeTap();
    this.wakeEnding?.();
  }

  /** To the session, or held until it attaches; nothing after `hangup`. */
  private emit(deliver: (events: LegEvents) => void, final = false): void {
    if (this.gone && !final) return;
    if (this.events) deliver(this.events);
    else this.held.push(deliver);
  }

  /** Barge-in (speech for barge_in_ms, or a key, over agent audio). */
  private interrupt(): void {
    if (this.ending || this.gone) return;
    const heard = this.agent.interrupt();
    this.pendingTurn = null;
    this.emit((e) => e.interrupted(heard));
  }

  /** One STT request per utterance, in order; an empty transcript is no turn. */
  private transcribe(utterance: Utterance): void {
    if (this.ending || this.gone) return;
    this.sttTail = this.sttTail.then(async () => {
      if (this.ending || this.gone) return;
      const startedAt = this.now();
      let text: string;
      try {
        text = await this.opts.stt.transcribe(utterance.wav, { language: this.opts.language, signal: this.aborts.signal });
      } catch (err) {
        if (this.gone || (err instanceof SpeechError && err.code === 'aborted')) return;
        this.speechFailed('stt', err instanceof SpeechError ? err : new SpeechError('connection', String(err)));
        this.agent.playAudio(this.opts.prompts.fallback);
        return;
      }
      if (this.ending || this.gone || text === '') return;
      this.pendingTurn = { endpointingMs: utterance.endpointingMs, sttMs: this.now() - startedAt, speechEndedAt: utterance.speechEndedAt };
      this.agent.unmute();
      this.emit((e) => e.callerSaid(text));
    });
  }

  private replyAudible(reply: { ttsFirstByteMs: number | null; at: number }): void {
    const turn = this.pendingTurn;
    if (!turn) return;
    this.pendingTurn = null;
    const timings: SpeechTurnTimings = {
      endpointing_ms: round(turn.endpointingMs),
      stt_ms: round(turn.sttMs),
      tts_first_byte_ms: reply.ttsFirstByteMs === null ? null : round(reply.ttsFirstByteMs),
      first_audio_ms: round(reply.at - turn.speechEndedAt),
    };
    // To the transcript: the agent turn answering this caller turn carries them.
    this.emit((e) => e.speechTimings?.(timings));
  }

  private speechFailed(service: 'stt' | 'tts', error: SpeechError, heard: string | null = null): void {
    this.opts.log.warn({ err: error, service }, 'media stream: a speech request failed; playing the fallback prompt');
    this.opts.onSpeechFailure?.(service, error);
    // The session records the failed turn (and, for TTS, keeps only what the caller heard).
    if (!this.ending) this.emit((e) => e.speechFailed?.({ service, error: `${service} ${error.code}: ${error.message}`, heard }));
  }

  /** Twilio is gone (`stop`, or the socket closed): one `hangup`, then nothing more. */
  private carrierGone(reason: string): void {
    if (this.hungUpReason !== null) return;
    this.hungUpReason = reason;
    const sessionLetGo = this.disposed;
    this.dispose();
    if (!sessionLetGo) this.emit((e) => e.hangup(reason), true);
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/**
 * The leg of one stream call, set up from the number's speech settings and the shared speech
 * services; the Twilio media route and the test-mode media softphone differ only in `finish`.
 */
export async function streamLegFor(
  speech: StreamSpeech,
  args: { socket: WebSocket; streamSid: string; log: FastifyBaseLogger; number: NumbersTable; finish(outcome: CallOutcome): Promise<void> },
): Promise<MediaStreamLeg> {
  const [vad, prompts] = await Promise.all([speech.vadForCall(), speech.prompts()]);
  const { number } = args;
  return new MediaStreamLeg({
    socket: args.socket,
    streamSid: args.streamSid,
    log: args.log,
    vad,
    stt: speech.stt,
    tts: speech.tts,
    voice: number.voice_id ?? speech.defaultVoice,
    language: number.language,
    endpointingMs: number.endpointing_ms,
    bargeInMs: number.barge_in_ms,
    prompts,
    finish: args.finish,
  });
}
