import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import type { RealtimeServerEvent, RealtimeSessionCreateRequest } from 'openai/resources/realtime/realtime';
import type { ToolCall } from '../agents/agent.js';
import type { CallLeg, CallOutcome, LegEvents } from '../calls/call-leg.js';
import type { TurnSpeechTimings } from '../calls/transcript.js';
import type { MediaFrame } from '../carriers/twilio/media-frames.js';
import { endAfterLastWords } from '../carriers/twilio/end-after-last-words.js';
import { MediaSender } from '../carriers/twilio/media-sender.js';
import type { MediaSocketLeg } from '../carriers/twilio/media-stream-leg.js';
import { dtmfMulaw } from '../media/dtmf-tones.js';
import { type LineAudioSource, lineFrames, splitFrames } from './gateway-lines.js';
import { PlaybackPosition } from './playback-position.js';
import { type RealtimeEndpoint, RealtimeSocket } from './realtime-socket.js';
import { TurnOrder } from './turn-order.js';

// The leg of a `realtime` (speech-to-speech) call: Twilio Media Streams on one side, one
// Realtime WebSocket on the other, audio passed through untouched both ways.
//   caller:  Twilio `media` → `input_audio_buffer.append` (the same base64 μ-law, no decoding).
//   agent:   `response.output_audio.delta` → Twilio `media`, then a `mark`, at once and in order
//            (Twilio buffers; the marks say what has played, playback-position.ts).
//   barge-in: `input_audio_buffer.speech_started` while agent audio is unplayed → Twilio `clear`
//            and `conversation.item.truncate` at the heard position; the turn keeps the heard text.
//   turns:   caller words from input transcription, agent words from the output transcript,
//            emitted in speaking order (turn-order.ts) once heard (or cut), with first_audio_ms.
//   tools:   function calls go to the conversation (realtime-conversation.ts), which answers
//            through `toolOutput`; the next `response.create` follows the response's end.
//   lines:   what the gateway says (greeting, goodbyes, `say`) is played exactly as written
//            (gateway-lines.ts) and never interleaved with model audio.
//   failure: the socket failing to open, closing or sending `error` → the shipped fallback prompt
//            plays, one reconnect seeded with the conversation so far, else the conversation ends
//            the call politely.
// Every outbound Twilio frame goes through `out` (MediaSender), so its tap (recording) sees all.

/** One agent turn of the model, as heard. */
export interface RealtimeAgentTurn {
  text: string;
  interrupted: boolean;
  startedAt: Date;
  timings: TurnSpeechTimings | null;
}

/** What the leg tells the realtime conversation beyond LegEvents. */
export interface RealtimeBrain {
  agentSaid(turn: RealtimeAgentTurn): void;
  /** The model called a function; answer with `toolOutput` (or end the call). */
  functionCall(call: ToolCall): void;
  /** The conversation so far, to seed a new session after a reconnect. */
  history(): Array<{ role: 'user' | 'assistant'; text: string }>;
  /** The model failed; the caller is hearing the fallback prompt. */
  fallbackPlayed(): void;
  /** The model failed again (or could not be reached twice): end the call politely. */
  modelLost(): void;
}

export interface RealtimeLegOptions {
  socket: WebSocket;
  streamSid: string;
  log: FastifyBaseLogger;
  endpoint: RealtimeEndpoint;
  lines: LineAudioSource;
  /** Shipped μ-law of the fallback line. */
  fallback: Buffer;
  finish(outcome: CallOutcome): Promise<void>;
  /** The model's token usage of each response (`response.done`), for the usage records. */
  onUsage?: (usage: { input_tokens: number; output_tokens: number; total_tokens: number }) => void;
  /** Longest wait for the last mark in `end`. */
  endWaitCapMs?: number;
  /** How long a caller turn waits for its transcript before later turns go ahead. */
  transcriptWaitMs?: number;
  /**
   * A mark after at most this much agent audio (and at the end of each reply). Between echoes
   * the play head moves with the clock, so fewer marks lose no precision while audio plays;
   * they halve the frames on the Twilio socket when the model sends 20 ms deltas. Default 100.
   */
  markEveryMs?: number;
  now?: () => number;
}

interface AgentItem {
  id: string;
  responseId: string;
  startedAt: Date;
  /** Position (sent timeline) of its first audio, and audio sent / received so far (ms). */
  startPos: number;
  sentMs: number;
  receivedMs: number;
  transcript: string;
  interrupted: boolean;
  heard: string | null;
  responseDone: boolean;
  audioDone: boolean;
  marksOut: number;
  recorded: boolean;
  timings: TurnSpeechTimings | null;
}

const BENIGN_ERRORS = new Set(['response_cancel_not_active', 'conversation_already_has_active_response']);
/** Caller audio held while the first Realtime socket opens: 2 s of 20 ms frames. */
const EARLY_FRAMES = 100;

export class RealtimeLeg implements CallLeg, MediaSocketLeg {
  readonly kind = 'realtime' as const;
  readonly greetingSpokenByCarrier = false;
  readonly out: MediaSender;
  private readonly now: () => number;
  private readonly position: PlaybackPosition;
  private events: LegEvents | null = null;
  private held: Array<(e: LegEvents) => void> = [];
  private brain: RealtimeBrain | null = null;
  private setup: RealtimeSessionCreateRequest | null = null;
  private model: RealtimeSocket | null = null;
  private connecting = false;
  private reconnectUsed = false;
  private early: string[] = [];
  /** Assistant lines said before the model was reachable (told once it is). */
  private untold: string[] = [];
  private readonly order: TurnOrder<RealtimeAgentTurn>;

  private items = new Map<string, AgentItem>();
  private current: AgentItem | null = null;
  /** Marks sent and not yet echoed, in order: the agent item they follow (null: audio of ours). */
  private markItems = new Map<string, AgentItem | null>();
  private markSeq = 0;
  /**
   * Items already on the record (item id → response id) and responses cut here: what the model
   * sent before our cut reached it is still on the wire, and is dropped until that response's
   * `response.done`, so a cut reply is neither played on after the cut (nor after the goodbye
   * that follows it) nor recorded a second time.
   */
  private closedItems = new Map<string, string>();
  private cutResponses = new Set<string>();
  /** Agent audio sent since the last mark, and the item it belongs to. */
  private unmarked: { item: AgentItem; ms: number } | null = null;
  private activeResponse: string | null = null;
  /** Function calls of the active response not answered yet, and whether a response should follow. */
  private callsOut = 0;
  private respondAfter = false;
  private appendedMs = 0;
  private speechEnd: { at: number; endpointingMs: number } | null = null;

  private lineText = '';
  private lineChain: Promise<void> = Promise.resolve();
  private linesBusy = 0;
  private heldAudio: Array<{ item: AgentItem; audio: Buffer }> = [];
  private readonly aborts = new AbortController();

  private accepting = true;
  private ending: Promise<void> | null = null;
  private idleWaiters: Array<() => void> = [];
  private gone = false;
  private hungUp = false;
  private disposed = false;

  constructor(private readonly opts: RealtimeLegOptions) {
    this.now = opts.now ?? (() => performance.now());
    this.position = new PlaybackPosition(this.now);
    this.out = new MediaSender(opts.socket, opts.streamSid);
    this.order = new TurnOrder((t) => {
      if (t.kind === 'caller') this.emit((e) => e.callerSaid(t.text));
      else this.brain?.agentSaid(t.turn);
    }, opts.transcriptWaitMs);
    if (opts.socket.readyState === opts.socket.OPEN) opts.socket.once('close', () => this.carrierGone('caller_hangup'));
    else this.carrierGone('caller_hangup');
  }

  // ---- the conversation's side ----

  /** Opens the Realtime session (the conversation built the setup: prompt, voice, tools). */
  connect(setup: RealtimeSessionCreateRequest, brain: RealtimeBrain): void {
    this.setup = setup;
    this.brain = brain;
    void this.openModel(null);
  }

  /** A function call's result; `respond` asks the model to go on once its response is over. */
  toolOutput(callId: string, output: string, respond: boolean): void {
    this.callsOut = Math.max(0, this.callsOut - 1);
    this.model?.send({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: callId, output } });
    if (respond) this.respondAfter = true;
    this.maybeRespond();
  }

  /** Something the caller did that is not speech (keys pressed), for the model to answer. */
  userText(text: string): void {
    if (!this.accepting) return;
    this.model?.send({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text }] } });
    this.respondAfter = true;
    this.maybeRespond();
  }

  /** No more turns: caller audio stops going to the model; `cancel` also stops its reply. */
  quiesce(cancel: boolean): void {
    if (!this.accepting) return;
    this.accepting = false;
    this.respondAfter = false;
    if (!cancel) return;
    if (this.activeResponse) {
      this.cutResponses.add(this.activeResponse);
      this.model?.send({ type: 'response.cancel' });
      const item = this.current;
      if (item && !item.recorded && !item.responseDone) {
        this.model?.send({ type: 'conversation.item.truncate', item_id: item.id, content_index: 0, audio_end_ms: Math.round(item.sentMs) });
      }
    }
    this.flushItems();
  }

  /**
   * Records every agent turn still open, as what was forwarded (nothing will cut it any more: the
   * model is gone or the conversation is over), so it comes before the gateway's next line.
   */
  private flushItems(): void {
    for (const item of [...this.items.values()]) {
      if (item.recorded) continue;
      if (!item.responseDone) {
        // Its reply was still coming: cut where the forwarded audio ends.
        item.responseDone = true;
        item.interrupted = true;
        item.heard = heardText({ ...item, responseDone: false }, item.sentMs);
      }
      item.marksOut = 0;
      this.heldAudio = this.heldAudio.filter((h) => h.item !== item);
      this.maybeRecord(item);
    }
  }

  /** The model's reply in progress (or the last one) has said something. */
  responseSpoke(): boolean {
    const spoke = (i: AgentItem) => i.receivedMs > 0 || i.transcript !== '';
    if (this.activeResponse) return [...this.items.values()].some((i) => i.responseId === this.activeResponse && spoke(i));
    return this.current !== null && spoke(this.current);
  }

  // ---- CallLeg ----

  attach(events: LegEvents): void {
    if (this.events) throw new Error('a leg is attached once');
    this.events = events;
    for (const deliver of this.held.splice(0)) deliver(events);
  }

  handleFrame(frame: MediaFrame): void {
    if (this.gone) return;
    switch (frame.event) {
      case 'media': {
        if (frame.media.track && frame.media.track !== 'inbound') return;
        const payload = frame.media.payload;
        if (!this.accepting) return;
        if (this.model?.open) {
          this.model.append(payload);
          this.appendedMs += base64Bytes(payload) / 8;
        } else if (this.connecting && !this.reconnectUsed) {
          // The newest 2 s of audio wait for the socket: what the caller said last matters most.
          if (this.early.push(payload) > EARLY_FRAMES) this.early.shift();
        }
        return;
      }
      case 'mark':
        this.markEchoed(frame.mark.name);
        return;
      case 'dtmf':
        if (this.ending) return;
        this.emit((e) => e.digit(frame.dtmf.digit));
        return;
      case 'stop':
        this.carrierGone('caller_hangup');
        return;
      default:
        return;
    }
  }

  speak(text: string): void {
    if (!this.gone) this.lineText += text;
  }

  endTurn(): void {
    const text = this.lineText.trim();
    this.lineText = '';
    if (text && !this.gone) this.playLine(text);
  }

  cancelSpeech(): void {
    if (this.gone) return;
    this.heldAudio = [];
    this.out.clear();
    this.position.cleared();
    this.forgetMarks();
    this.checkIdle();
  }

  sendDigits(digits: string): void {
    if (!this.gone) this.playAudio(async function* () {
      yield splitFrames(dtmfMulaw(digits));
    });
  }

  end(outcome: CallOutcome): Promise<void> {
    this.ending ??= (async () => {
      this.endTurn();
      this.quiesce(false);
      if (this.unmarked) this.markAfter(this.unmarked.item);
      await endAfterLastWords({
        outcome,
        socket: this.opts.socket,
        log: this.opts.log,
        label: 'realtime',
        idle: () => this.whenIdle(),
        capMs: this.opts.endWaitCapMs ?? 30_000,
        gone: () => this.gone,
        afterWait: () => this.closeModel(),
        finish: (o) => this.opts.finish(o),
      });
    })();
    return this.ending;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.gone = true;
    this.accepting = false;
    this.aborts.abort();
    this.flushItems(); // the caller hung up: what was sent is on the record, before the order closes
    this.order.close();
    this.closeModel();
    this.out.closeTap();
    for (const wake of this.idleWaiters.splice(0)) wake();
  }

  // ---- the model socket ----

  private async openModel(seed: Array<{ role: 'user' | 'assistant'; text: string }> | null): Promise<void> {
    if (!this.setup || this.gone) return;
    this.connecting = true;
    let socket: RealtimeSocket;
    try {
      socket = await RealtimeSocket.open(this.opts.endpoint, this.setup, {
        onEvent: (e) => {
          if (this.model === socket) this.onModelEvent(e);
        },
        onClose: (info) => {
          if (this.model !== socket) return;
          this.model = null;
          if (!info.byUs) this.modelFailed(`the Realtime socket closed (${info.code} ${info.reason})`);
        },
      });
    } catch (err) {
      this.connecting = false;
      if (this.gone) return;
      this.modelFailed(err instanceof Error ? err.message : String(err));
      return;
    }
    this.connecting = false;
    if (this.gone || this.ending) {
      socket.close();
      return;
    }
    this.model = socket;
    for (const m of seed ?? []) {
      socket.send({
        type: 'conversation.item.create',
        item: m.role === 'user' ? { type: 'message', role: 'user', content: [{ type: 'input_text', text: m.text }] } : { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: m.text }] },
      });
    }
    if (!seed) for (const text of this.untold.splice(0)) this.tellModel(text);
    this.untold = [];
    for (const payload of this.early.splice(0)) {
      socket.append(payload);
      this.appendedMs += base64Bytes(payload) / 8;
    }
    if (!this.accepting) return;
    this.maybeRespond();
  }

  private modelFailed(reason: string): void {
    if (this.gone) return;
    this.opts.log.warn({ reason, reconnect: !this.reconnectUsed }, 'realtime: the model socket failed');
    this.closeModel();
    this.early = [];
    this.activeResponse = null;
    this.callsOut = 0;
    this.respondAfter = false;
    this.flushItems();
    if (this.ending || !this.accepting) {
      this.checkIdle();
      return;
    }
    this.playAudio(async function* (fallback: Buffer) {
      yield splitFrames(fallback);
    }.bind(null, this.opts.fallback));
    this.brain?.fallbackPlayed();
    if (this.reconnectUsed) {
      this.brain?.modelLost();
      return;
    }
    this.reconnectUsed = true;
    void this.openModel(this.brain?.history() ?? []).then(() => {
      if (!this.model && !this.gone && !this.ending && this.accepting) this.brain?.modelLost();
    });
  }

  private closeModel(): void {
    const m = this.model;
    this.model = null;
    m?.close();
  }

  private onModelEvent(e: RealtimeServerEvent): void {
    if (isItemOutput(e) && this.isLate(e.item_id, e.response_id)) return;
    switch (e.type) {
      case 'input_audio_buffer.speech_started':
        this.bargeIn();
        return;
      case 'input_audio_buffer.speech_stopped': {
        const now = this.now();
        // The wall time its last speech frame was forwarded (frames go out in real time).
        const at = now - Math.max(0, this.appendedMs - e.audio_end_ms);
        this.speechEnd = { at, endpointingMs: now - at };
        return;
      }
      case 'input_audio_buffer.committed':
        this.order.callerSpoke(e.item_id);
        return;
      case 'conversation.item.input_audio_transcription.completed':
        this.order.transcribed(e.item_id, e.transcript);
        return;
      case 'conversation.item.input_audio_transcription.failed':
        this.order.transcribed(e.item_id, '');
        return;
      case 'response.created':
        this.activeResponse = e.response.id ?? 'response';
        this.callsOut = 0;
        return;
      case 'response.output_audio.delta':
        this.agentAudio(this.itemFor(e.item_id, e.response_id), e.delta);
        return;
      case 'response.output_audio_transcript.delta':
        this.itemFor(e.item_id, e.response_id).transcript += e.delta;
        return;
      case 'response.output_audio_transcript.done':
        this.itemFor(e.item_id, e.response_id).transcript = e.transcript;
        return;
      case 'response.output_audio.done':
        this.itemFor(e.item_id, e.response_id).audioDone = true;
        if (!this.heldAudio.length) this.audioComplete(this.itemFor(e.item_id, e.response_id));
        return;
      case 'response.function_call_arguments.done':
        this.callsOut++;
        this.brain?.functionCall({ id: e.call_id, type: 'function', function: { name: e.name, arguments: e.arguments } });
        return;
      case 'response.done': {
        const id = e.response.id;
        const usage = e.response.usage;
        if (usage && this.opts.onUsage) {
          try {
            this.opts.onUsage({ input_tokens: usage.input_tokens ?? 0, output_tokens: usage.output_tokens ?? 0, total_tokens: usage.total_tokens ?? 0 });
          } catch (err) {
            this.opts.log.error({ err }, 'realtime: could not note token usage');
          }
        }
        if (this.activeResponse === id || !id) this.activeResponse = null;
        if (id) {
          // Nothing of this response comes after its done.
          this.cutResponses.delete(id);
          for (const [itemId, responseId] of this.closedItems) if (responseId === id) this.closedItems.delete(itemId);
        }
        const cancelled = e.response.status === 'cancelled';
        for (const item of this.items.values()) {
          if (item.responseId !== id || item.responseDone) continue;
          item.responseDone = true;
          if (!this.heldAudio.some((h) => h.item === item)) this.audioComplete(item);
          if (cancelled && !item.interrupted) {
            item.interrupted = true;
            item.heard = heardText(item, Math.max(0, this.position.headMs() - item.startPos));
          }
          this.maybeRecord(item);
        }
        this.maybeRespond();
        this.checkIdle();
        return;
      }
      case 'error': {
        const code = e.error?.code ?? '';
        if (BENIGN_ERRORS.has(code)) {
          this.opts.log.debug({ code }, 'realtime: a request was refused (harmless)');
          return;
        }
        this.modelFailed(`error event: ${e.error?.type ?? ''} ${code} ${e.error?.message ?? ''}`.trim());
        return;
      }
      default:
        return;
    }
  }

  /** An event of an item already recorded, or of a response cut here. */
  private isLate(itemId: string, responseId: string): boolean {
    return this.closedItems.has(itemId) || this.cutResponses.has(responseId);
  }

  private itemFor(id: string, responseId: string): AgentItem {
    let item = this.items.get(id);
    if (!item) {
      item = {
        id, responseId, startedAt: new Date(), startPos: this.position.sentMs, sentMs: 0, receivedMs: 0, transcript: '',
        interrupted: false, heard: null, responseDone: false, audioDone: false, marksOut: 0, recorded: false, timings: null,
      };
      this.items.set(id, item);
    }
    return item;
  }

  private agentAudio(item: AgentItem, delta: string): void {
    if (item.interrupted || this.gone) return;
    const audio = Buffer.from(delta, 'base64');
    item.receivedMs += audio.length / 8;
    if (this.linesBusy > 0 || this.heldAudio.length > 0) {
      this.heldAudio.push({ item, audio });
      return;
    }
    this.out.together(() => this.forward(item, audio));
  }

  /** One chunk of agent audio to Twilio, then its mark (in one write: see `together`). */
  private forward(item: AgentItem, audio: Buffer): void {
    if (!this.out.media(audio)) return;
    if (item.sentMs === 0) {
      this.current = item;
      item.startPos = this.position.sentMs;
      if (this.speechEnd) {
        const first = this.now() - this.speechEnd.at;
        item.timings = { endpointing_ms: round(this.speechEnd.endpointingMs), stt_ms: null, tts_first_byte_ms: null, first_audio_ms: round(first) };
        this.speechEnd = null;
      }
    }
    this.position.advance(audio.length / 8);
    item.sentMs += audio.length / 8;
    if (this.unmarked && this.unmarked.item !== item) this.markAfter(this.unmarked.item);
    this.unmarked = { item, ms: (this.unmarked?.ms ?? 0) + audio.length / 8 };
    if (this.unmarked.ms >= (this.opts.markEveryMs ?? 100)) this.markAfter(item);
  }

  /** A mark after the agent audio sent so far (of `item`). */
  private markAfter(item: AgentItem): void {
    this.unmarked = null;
    const name = `rt${++this.markSeq}`;
    if (this.out.mark(name)) {
      this.position.marked(name);
      this.markItems.set(name, item);
      item.marksOut++;
    }
  }

  /** The item's audio is complete: mark its end, so its last words are known to be heard. */
  private audioComplete(item: AgentItem): void {
    if (this.unmarked?.item === item) this.markAfter(item);
  }

  private markEchoed(name: string): void {
    if (!this.position.echoed(name)) {
      this.checkIdle();
      return;
    }
    // Marks come back in order: this one and every one before it have played.
    for (const [n, item] of this.markItems) {
      this.markItems.delete(n);
      if (item) {
        item.marksOut--;
        this.maybeRecord(item);
      }
      if (n === name) break;
    }
    this.checkIdle();
  }

  /** The caller started talking over agent audio: cut it where they are. */
  private bargeIn(): void {
    if (this.ending || this.gone || !this.accepting) return;
    const item = this.current;
    if (!item || item.interrupted || item.recorded) return;
    const unplayed = this.position.bufferedMs > 0 || this.heldAudio.some((h) => h.item === item) || !item.responseDone;
    if (!unplayed) return;
    this.heldAudio = this.heldAudio.filter((h) => h.item !== item);
    this.out.clear();
    const head = this.position.cleared();
    const audioEndMs = Math.round(Math.min(item.sentMs, Math.max(0, head - item.startPos)));
    item.interrupted = true;
    item.heard = heardText(item, audioEndMs);
    if (this.activeResponse === item.responseId) this.cutResponses.add(item.responseId);
    this.model?.send({ type: 'conversation.item.truncate', item_id: item.id, content_index: 0, audio_end_ms: audioEndMs });
    item.responseDone = true;
    this.forgetMarks();
    this.maybeRecord(item);
    this.checkIdle();
  }

  /** After `clear`: Twilio echoes every pending mark at once; what they followed is played or gone. */
  private forgetMarks(): void {
    this.unmarked = null;
    const items = new Set<AgentItem>();
    for (const item of this.markItems.values()) if (item) items.add(item);
    this.markItems.clear();
    for (const item of items) {
      item.marksOut = 0;
      this.maybeRecord(item);
    }
  }

  /** An agent turn is recorded once it has been heard to its end, or cut. */
  private maybeRecord(item: AgentItem): void {
    if (item.recorded || !item.responseDone || item.marksOut > 0 || (!item.interrupted && this.unmarked?.item === item)) return;
    if (!item.interrupted && this.heldAudio.some((h) => h.item === item)) return;
    item.recorded = true;
    this.items.delete(item.id);
    // Cut while its response still runs: more of it may be on the way.
    if (item.interrupted && this.activeResponse === item.responseId) this.closedItems.set(item.id, item.responseId);
    const text = (item.interrupted ? (item.heard ?? '') : item.transcript).trim();
    if (!text && !item.interrupted) return;
    this.order.agentSaid({ text, interrupted: item.interrupted, startedAt: item.startedAt, timings: item.timings });
  }

  private maybeRespond(): void {
    if (!this.respondAfter || this.activeResponse || this.callsOut > 0 || !this.model?.open || !this.accepting) return;
    this.respondAfter = false;
    this.model.send({ type: 'response.create' });
  }

  // ---- gateway lines and other audio of ours ----

  private playLine(text: string): void {
    const source = this.opts.lines;
    const signal = this.aborts.signal;
    const log = this.opts.log;
    this.tellModel(text);
    this.playAudio(async function* () {
      try {
        yield* lineFrames(source, text, signal);
      } catch (err) {
        if (!signal.aborted) log.warn({ err }, 'realtime: a gateway line could not be synthesized');
      }
    });
  }

  /** Audio of ours, after what is queued; model audio waits until it has gone out. */
  private playAudio(frames: () => AsyncGenerator<Buffer[]>): void {
    this.linesBusy++;
    this.lineChain = this.lineChain
      .then(async () => {
        if (this.gone) return;
        if (this.unmarked) this.markAfter(this.unmarked.item); // the model's words end before ours
        let sent = 0;
        for await (const batch of frames()) {
          if (this.gone) return;
          for (const f of batch) {
            if (!this.out.media(f)) return;
            this.position.advance(f.length / 8);
            sent++;
          }
        }
        if (sent > 0) {
          const name = `gw${++this.markSeq}`;
          if (this.out.mark(name)) {
            this.position.marked(name);
            this.markItems.set(name, null);
          }
        }
      })
      .catch((err: unknown) => this.opts.log.warn({ err }, 'realtime: could not play a line'))
      .finally(() => {
        this.linesBusy--;
        if (this.linesBusy === 0) {
          this.out.together(() => {
            for (const h of this.heldAudio.splice(0)) if (!h.item.interrupted) this.forward(h.item, h.audio);
          });
          for (const item of [...this.items.values()]) {
            if (item.responseDone || item.audioDone) this.audioComplete(item);
            this.maybeRecord(item);
          }
        }
        this.checkIdle();
      });
  }

  private tellModel(text: string): void {
    if (this.model?.open) this.model.send({ type: 'conversation.item.create', item: { type: 'message', role: 'assistant', content: [{ type: 'output_text', text }] } });
    else this.untold.push(text);
  }

  // ---- endings ----

  private whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private isIdle(): boolean {
    return this.gone || (this.linesBusy === 0 && this.heldAudio.length === 0 && this.activeResponse === null && this.position.idle);
  }

  private checkIdle(): void {
    if (this.idleWaiters.length && this.isIdle()) for (const wake of this.idleWaiters.splice(0)) wake();
  }

  private emit(deliver: (events: LegEvents) => void, final = false): void {
    if (this.gone && !final) return;
    if (this.events) deliver(this.events);
    else this.held.push(deliver);
  }

  private carrierGone(reason: string): void {
    if (this.hungUp) return;
    this.hungUp = true;
    const sessionLetGo = this.disposed;
    this.dispose();
    if (!sessionLetGo) this.emit((e) => e.hangup(reason), true);
  }
}

/** The part of the item's transcript the caller heard, by the share of its audio played, in whole words. */
export function heardText(item: { transcript: string; receivedMs: number; responseDone: boolean }, heardMs: number): string {
  const text = item.transcript;
  if (!text || heardMs <= 0 || item.receivedMs <= 0) return '';
  if (heardMs >= item.receivedMs && item.responseDone) return text.trim();
  const chars = Math.min(text.length, Math.round((text.length * heardMs) / item.receivedMs));
  if (chars >= text.length) return text.trim();
  // A word counts as heard once half of it was.
  const cut = text.slice(0, chars);
  const nextSpace = text.indexOf(' ', chars);
  const wordStart = cut.lastIndexOf(' ') + 1;
  const wordEnd = nextSpace < 0 ? text.length : nextSpace;
  const heard = chars - wordStart >= (wordEnd - wordStart) / 2 ? text.slice(0, wordEnd) : text.slice(0, wordStart);
  return heard.trim();
}

type ItemOutput = Extract<RealtimeServerEvent, { type: 'response.output_audio.delta' | 'response.output_audio_transcript.delta' | 'response.output_audio_transcript.done' | 'response.output_audio.done' }>;

/** An event carrying an agent item's audio or words. */
function isItemOutput(e: RealtimeServerEvent): e is ItemOutput {
  return e.type === 'response.output_audio.delta' || e.type === 'response.output_audio_transcript.delta' || e.type === 'response.output_audio_transcript.done' || e.type === 'response.output_audio.done';
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Bytes a (valid, padded) base64 string decodes to, without decoding it. */
function base64Bytes(b64: string): number {
  const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return (b64.length * 3) / 4 - pad;
}
