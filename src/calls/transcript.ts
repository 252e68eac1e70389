import type { SpeechTurnTimings } from './call-leg.js';
import type { Db } from '../db/database.js';
import type { CallTurnsTable } from '../db/schema.js';
import { newId } from '../ids.js';
import type { Scope } from '../scope.js';
import { insertTurns } from './call-repository.js';

// Turns are kept in memory and written in the background, never on the token path. The newest
// agent turn stays in memory until the caller speaks again, because a barge-in can still trim it
// to what the caller actually heard. Finished turns of all calls go through one TranscriptSink,
// which writes them in one statement every SINK_INTERVAL_MS: SQLite writes block the event loop,
// so a few batched writes beat hundreds of small ones (measured with `npm run bench`).

const SINK_INTERVAL_MS = 100;

/** A leg's per-turn speech timings; a speech-to-speech call has no STT step (stt_ms null). */
export type TurnSpeechTimings = Omit<SpeechTurnTimings, 'stt_ms'> & { stt_ms: number | null };

/** Collects finished turns from every live call and writes them in batches. */
export class TranscriptSink {
  private pending: CallTurnsTable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly onError: (err: unknown) => void,
  ) {}

  add(rows: CallTurnsTable[]): void {
    if (rows.length === 0) return;
    this.pending.push(...rows);
    this.timer ??= setTimeout(() => void this.flush(), SINK_INTERVAL_MS);
  }

  /** Writes everything queued so far; resolves when it is stored. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const rows = this.pending;
    this.pending = [];
    if (rows.length > 0) {
      this.writing = this.writing.then(() => insertTurns(this.db, rows)).catch(this.onError);
    }
    return this.writing;
  }
}

export interface TurnInput {
  speaker: CallTurnsTable['speaker'];
  text: string;
  startedAt: Date;
  interrupted?: boolean;
  firstTokenMs?: number | null;
  gatewayAddedMs?: number | null;
  agentTotalMs?: number | null;
  error?: string | null;
  toolCalls?: unknown[] | null;
}

export class TranscriptRecorder {
  private seq = 0;
  private pending: CallTurnsTable[] = [];
  /** Speech timings that came before the agent turn they belong to was recorded. */
  private awaitingTurn: TurnSpeechTimings | null = null;
  count = 0;

  constructor(
    private readonly sink: TranscriptSink,
    private readonly scope: Scope,
    private readonly callId: string,
  ) {}

  record(turn: TurnInput): void {
    this.count++;
    this.pending.push({
      id: newId('turn'),
      call_id: this.callId,
      workspace_id: this.scope.workspaceId,
      mode: this.scope.mode,
      seq: ++this.seq,
      speaker: turn.speaker,
      text: turn.text,
      started_at: turn.startedAt.toISOString(),
      interrupted: turn.interrupted ? 1 : 0,
      first_token_ms: turn.firstTokenMs ?? null,
      gateway_added_ms: turn.gatewayAddedMs === undefined || turn.gatewayAddedMs === null ? null : Math.round(turn.gatewayAddedMs * 1000) / 1000,
      agent_total_ms: turn.agentTotalMs ?? null,
      endpointing_ms: null,
      stt_ms: null,
      tts_first_byte_ms: null,
      first_audio_ms: null,
      error: turn.error ?? null,
      tool_calls: turn.toolCalls ? JSON.stringify(turn.toolCalls) : null,
    });
    if (turn.speaker === 'caller') {
      this.awaitingTurn = null; // a new caller turn: older timings belong to no later reply
      this.flushSoon();
    } else if (turn.speaker === 'agent' && this.awaitingTurn) {
      mergeSpeechTimings(this.pending.at(-1)!, this.awaitingTurn);
      this.awaitingTurn = null;
    }
  }

  /**
   * The reply to the latest caller turn became audible. Its agent turn may be recorded already
   * (the agent finished before TTS answered) or not yet (audio started mid-reply): in memory
   * either way, because the newest agent turn is kept until the caller speaks again.
   */
  addSpeechTimings(timings: TurnSpeechTimings): void {
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const t = this.pending[i]!;
      if (t.speaker === 'caller') break;
      if (t.speaker === 'agent') {
        mergeSpeechTimings(t, timings);
        return;
      }
    }
    this.awaitingTurn = timings;
  }

  /**
   * The newest agent turn since the caller last spoke could not be spoken past `heard` (its
   * speech failed): only that is kept, with the error.
   */
  failLastAgentTurn(heard: string, error: string): boolean {
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const t = this.pending[i]!;
      if (t.speaker === 'caller') return false;
      if (t.speaker === 'agent') {
        t.text = heard;
        t.error = t.error ? `${t.error}; ${error}` : error;
        return true;
      }
    }
    return false;
  }

  /** Trims the newest agent turn to what the caller heard before barging in. */
  trimLastAgentTurn(heard: string): boolean {
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const t = this.pending[i]!;
      if (t.speaker === 'agent') {
        t.text = heard;
        t.interrupted = 1;
        return true;
      }
    }
    return false;
  }

  private flushSoon(): void {
    // Keep the newest turn (the caller's) only if an agent turn may still follow and be trimmed;
    // everything before the caller's turn is final.
    const ready = this.pending.slice(0, -1);
    this.pending = this.pending.slice(-1);
    this.enqueue(ready);
  }

  private enqueue(rows: CallTurnsTable[]): void {
    this.sink.add(rows);
  }

  /** Writes everything still in memory; resolves when it is stored. */
  async flush(): Promise<void> {
    this.enqueue(this.pending);
    this.pending = [];
    await this.sink.flush();
  }
}

/**
 * Stores the stream leg's timings on an agent turn. For stream calls what the gateway added is
 * the rest of first_audio_ms: not waiting for silence, not STT, not the agent, not TTS.
 */
function mergeSpeechTimings(row: CallTurnsTable, t: TurnSpeechTimings): void {
  row.endpointing_ms = Math.round(t.endpointing_ms);
  row.stt_ms = t.stt_ms === null ? null : Math.round(t.stt_ms);
  row.tts_first_byte_ms = t.tts_first_byte_ms === null ? null : Math.round(t.tts_first_byte_ms);
  row.first_audio_ms = Math.round(t.first_audio_ms);
  if (row.first_token_ms !== null) {
    const accounted = t.endpointing_ms + (t.stt_ms ?? 0) + row.first_token_ms + (t.tts_first_byte_ms ?? 0);
    row.gateway_added_ms = Math.round((t.first_audio_ms - accounted) * 1000) / 1000;
  }
}
