import type { Db } from '../db/database.js';
import type { CallTurnsTable } from '../db/schema.js';
import { newId } from '../ids.js';
import type { Scope } from '../scope.js';
import { insertTurns } from './call-repository.js';

// Turns are kept in memory and written in the background at turn boundaries, never on the token
// path. The newest agent turn stays in memory until the caller speaks again, because a barge-in
// can still trim it to what the caller actually heard.

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
  private writing: Promise<void> = Promise.resolve();
  count = 0;

  constructor(
    private readonly db: Db,
    private readonly scope: Scope,
    private readonly callId: string,
    private readonly onError: (err: unknown) => void,
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
      error: turn.error ?? null,
      tool_calls: turn.toolCalls ? JSON.stringify(turn.toolCalls) : null,
    });
    if (turn.speaker === 'caller') this.flushSoon();
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
    if (rows.length === 0) return;
    this.writing = this.writing.then(() =>
      setImmediatePromise().then(() => insertTurns(this.db, rows)).catch((err: unknown) => this.onError(err)),
    );
  }

  /** Writes everything still in memory; resolves when it is stored. */
  async flush(): Promise<void> {
    this.enqueue(this.pending);
    this.pending = [];
    await this.writing;
  }
}

const setImmediatePromise = () => new Promise<void>((resolve) => setImmediate(resolve));
