import { performance } from 'node:perf_hooks';
import type { AgentClient, ChatMessage, ToolCall, ToolDefinition } from '../agents/agent.js';
import type { PhoneContext } from '../phones/phone-number.js';
import type { CallLeg, CallOutcome } from './call-leg.js';
import { type AgentTurnResult, describeError, isCallControl, runAgentTurn } from './agent-turn.js';
import { type ToolAction, interpretToolCall } from './tools.js';
import type { TranscriptRecorder } from './transcript.js';

// One state machine per call: listening → thinking → speaking. It owns the history and the
// AbortController of the turn in flight; the agent's tool rounds are the shared turn loop
// (agent-turn.ts), and barge-in, timers and speech sit on top of it here. The token path (agent
// delta in → leg.speak out) does no I/O besides the socket write: no database, no logging.

export interface ConversationOptions {
  /** The leg's commands (startSession hands in a wrapper that remembers how the call ended). */
  leg: Pick<CallLeg, 'speak' | 'endTurn' | 'sendDigits'> & { end(outcome: CallOutcome): unknown };
  agent: AgentClient;
  systemPrompt: string | null;
  tools: ToolDefinition[];
  metadata: Record<string, string>;
  transcript: TranscriptRecorder;
  firstTokenTimeoutMs: number;
  maxFailures: number;
  lines: { fallback: string; failureGoodbye: string };
  /** Digits pressed within this window reach the agent as one turn. */
  dtmfDebounceMs?: number;
  /** At most this many history messages are sent (the system prompt is always sent). */
  maxHistory?: number;
  onError(err: unknown, context: string): void;
  /** How transfer targets are read (the workspace's default region); US when absent. */
  phones?: PhoneContext;
  /** Runs a tool that is not call control (CRM tools); its result goes back to the agent. */
  runTool?: (call: ToolCall) => Promise<string>;
}

interface TurnInFlight {
  controller: AbortController;
  spoken: string;
  startedAt: Date;
  /** performance.now() marks; kept on the turn so an interrupted turn still reports them. */
  promptAt: number;
  requestAt: number;
  firstTokenAt: number;
  firstSentAt: number;
}

export class Conversation {
  private readonly history: ChatMessage[] = [];
  private inFlight: TurnInFlight | null = null;
  private failures = 0;
  private ended = false;
  private digits = '';
  private digitTimer: NodeJS.Timeout | undefined;

  /** One object for the whole call: a webhook agent serialises each message object once. */
  private readonly system: ChatMessage | null;

  constructor(private readonly o: ConversationOptions) {
    this.system = o.systemPrompt ? { role: 'system', content: o.systemPrompt } : null;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** The first message, spoken by the carrier (Twilio's welcomeGreeting) or by the leg. */
  greeted(text: string): void {
    this.history.push({ role: 'assistant', content: text });
    this.o.transcript.record({ speaker: 'agent', text, startedAt: new Date() });
  }

  callerSaid(text: string): void {
    if (this.ended || text.trim() === '') return;
    const promptAt = performance.now();
    this.abortInFlight(null);
    this.history.push({ role: 'user', content: text });
    this.o.transcript.record({ speaker: 'caller', text, startedAt: new Date() });
    this.runTurn(promptAt).catch((err: unknown) => this.o.onError(err, 'a turn failed unexpectedly'));
  }

  /** Barge-in: stop generating, and keep only what the caller heard. */
  callerInterrupted(heard: string): void {
    if (this.ended) return;
    if (this.inFlight) {
      this.abortInFlight(heard);
      return;
    }
    // The reply was complete but still playing: trim it in history and transcript.
    this.trimLastReply(heard);
    this.o.transcript.trimLastAgentTurn(heard);
  }

  /**
   * The leg's own speech service failed (a `stream` call) and the caller heard the pre-rendered
   * fallback line. TTS: the reply stops where the caller stopped hearing it, in history and
   * transcript, with the error; the agent's request is aborted. STT: the caller's words were lost.
   */
  speechFailed(failure: { service: 'stt' | 'tts'; error: string; heard: string | null }): void {
    if (this.ended) return;
    if (failure.service === 'tts') {
      const heard = failure.heard ?? '';
      const turn = this.inFlight;
      if (turn) {
        this.inFlight = null;
        turn.controller.abort();
        this.o.leg.endTurn(); // the failed reply is over at the leg too: the next one starts afresh
        if (heard) this.history.push({ role: 'assistant', content: heard });
        this.o.transcript.record({ speaker: 'agent', text: heard, startedAt: turn.startedAt, error: failure.error, ...turnTimings(turn) });
      } else {
        this.trimLastReply(heard);
        this.o.transcript.failLastAgentTurn(heard, failure.error);
      }
    }
    this.o.transcript.record({ speaker: 'system', text: this.o.lines.fallback, startedAt: new Date(), error: failure.service === 'stt' ? failure.error : null });
  }

  /** The newest assistant message since the caller last spoke becomes `heard`. */
  private trimLastReply(heard: string): void {
    for (let i = this.history.length - 1; i >= 0; i--) {
      const m = this.history[i]!;
      if (m.role === 'assistant' && typeof m.content === 'string') {
        // A new message, not an edit: a message once sent is never changed (its JSON is reused).
        this.history[i] = { ...m, content: heard };
        break;
      }
      if (m.role === 'user') break;
    }
  }

  digit(d: string): void {
    if (this.ended) return;
    this.digits += d;
    if (this.digitTimer) clearTimeout(this.digitTimer);
    const flush = () => {
      const pressed = this.digits;
      this.digits = '';
      if (pressed) this.callerSaid(`[The caller pressed ${pressed.split('').join(' ')} on the keypad]`);
    };
    if (d === '#') return flush();
    this.digitTimer = setTimeout(flush, this.o.dtmfDebounceMs ?? 1000);
  }

  /** Says a line outside the agent's turns (the gateway speaking); the conversation goes on. */
  say(text: string): void {
    if (this.ended || text === '') return;
    this.o.leg.speak(text);
    this.o.leg.endTurn();
    this.o.transcript.record({ speaker: 'system', text, startedAt: new Date() });
  }

  /** Stops the conversation and says a last line; the caller can no longer start a turn. */
  sayFinalWords(text: string | null, opts: { record?: boolean } = {}): void {
    if (this.ended) return;
    this.abortInFlight(null);
    this.ended = true;
    if (this.digitTimer) clearTimeout(this.digitTimer);
    if (text) {
      this.o.leg.speak(text);
      this.o.leg.endTurn();
      if (opts.record !== false) this.o.transcript.record({ speaker: 'agent', text, startedAt: new Date() });
    }
  }

  /** Says a last line and ends the call (agent hung up, transfer, repeated failures ...). */
  sayAndEnd(text: string | null, outcome: CallOutcome, opts: { record?: boolean } = {}): void {
    if (this.ended) return;
    this.sayFinalWords(text, opts);
    this.o.leg.end(outcome);
  }

  /** The call is over (caller hung up, carrier ended it): stop everything, say nothing. */
  close(): void {
    this.ended = true;
    if (this.digitTimer) clearTimeout(this.digitTimer);
    this.abortInFlight(null);
  }

  private abortInFlight(heard: string | null): void {
    const turn = this.inFlight;
    if (!turn) return;
    this.inFlight = null;
    turn.controller.abort();
    const text = heard ?? turn.spoken;
    if (text) this.history.push({ role: 'assistant', content: text });
    // The caller heard its first words: its timings are as real as a finished turn's.
    this.o.transcript.record({ speaker: 'agent', text, startedAt: turn.startedAt, interrupted: true, ...turnTimings(turn) });
  }

  private messages(): ChatMessage[] {
    const max = this.o.maxHistory ?? 60;
    const recent = this.history.length > max ? this.history.slice(-max) : this.history;
    return this.system ? [this.system, ...recent] : [...recent];
  }

  private async runTurn(promptAt: number): Promise<void> {
    const turn: TurnInFlight = { controller: new AbortController(), spoken: '', startedAt: new Date(), promptAt, requestAt: 0, firstTokenAt: 0, firstSentAt: 0 };
    this.inFlight = turn;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      turn.controller.abort();
    }, this.o.firstTokenTimeoutMs);
    const requestAt = performance.now();
    turn.requestAt = requestAt;

    let result: AgentTurnResult;
    try {
      // Whatever supersedes this turn (a barge-in, a newer prompt, the call ending) aborts it first.
      result = await runAgentTurn(
        {
          agent: this.o.agent,
          messages: this.messages(),
          tools: this.o.tools,
          metadata: this.o.metadata,
          signal: turn.controller.signal,
          runTool: this.o.runTool,
          phones: this.o.phones,
        },
        {
          text: (text) => {
            if (this.inFlight !== turn) return;
            if (turn.firstTokenAt === 0) {
              turn.firstTokenAt = performance.now();
              clearTimeout(timer);
            }
            this.o.leg.speak(text);
            if (turn.firstSentAt === 0) turn.firstSentAt = performance.now();
            turn.spoken += text;
          },
          toolCall: () => clearTimeout(timer),
        },
      );
    } catch (err) {
      clearTimeout(timer);
      if (this.inFlight !== turn) return; // aborted on purpose: the interrupt already recorded it
      this.inFlight = null;
      this.turnFailed(turn, timedOut ? 'timeout' : describeError(err), performance.now() - requestAt);
      return;
    }
    clearTimeout(timer);
    if (this.inFlight !== turn) return;
    this.inFlight = null;

    if (turn.spoken === '' && result.toolCalls.length === 0) {
      this.turnFailed(turn, 'empty reply', performance.now() - requestAt);
      return;
    }
    this.failures = 0;
    for (const a of result.actions) if (a.kind === 'digits') this.o.leg.sendDigits(a.digits);
    const action = result.ending;
    const invalid = result.actions.filter((a): a is Extract<ToolAction, { kind: 'invalid' }> => a.kind === 'invalid');
    // The line a call-control tool speaks (a goodbye, "transferring you") belongs to this turn.
    const toolLine = result.closingLine;
    // History keeps the tool exchanges, so the agent remembers what it looked up.
    this.history.push(...result.exchange);
    this.history.push({ role: 'assistant', content: result.lastText || null, ...(result.lastCalls.length ? { tool_calls: result.lastCalls } : {}) });
    this.o.transcript.record({
      speaker: 'agent',
      text: [turn.spoken, toolLine].filter(Boolean).join(' '),
      startedAt: turn.startedAt,
      ...turnTimings(turn),
      agentTotalMs: Math.round(performance.now() - requestAt),
      toolCalls: result.toolCalls.length ? result.toolCalls : null,
      error: invalid.length ? invalid.map((i) => i.error).join('; ') : null,
    });
    result.lastCalls.forEach((c) => {
      // Call-control tools end the call; their results only keep the history well-formed.
      const a = isCallControl(c.function.name) ? interpretToolCall(c.function.name, c.function.arguments, this.o.phones) : null;
      this.history.push({ role: 'tool', tool_call_id: c.id, content: a && a.kind !== 'invalid' ? 'ok' : 'not run' });
    });

    if (action) {
      if (turn.spoken) this.o.leg.endTurn();
      const outcome = action.kind === 'end' ? { reason: 'agent_ended' } : { reason: 'transferred', transferTo: action.to };
      this.sayAndEnd(toolLine, outcome, { record: false });
      return;
    }
    this.o.leg.endTurn();
  }

  private turnFailed(turn: TurnInFlight, error: string, elapsedMs: number): void {
    this.failures++;
    if (turn.spoken) this.o.leg.endTurn();
    this.o.transcript.record({ speaker: 'agent', text: turn.spoken, startedAt: turn.startedAt, error, agentTotalMs: Math.round(elapsedMs) });
    if (turn.spoken) this.history.push({ role: 'assistant', content: turn.spoken });
    if (this.failures >= this.o.maxFailures) {
      this.sayAndEnd(this.o.lines.failureGoodbye, { reason: 'agent_failed' });
      return;
    }
    if (!turn.spoken) {
      this.o.leg.speak(this.o.lines.fallback);
      this.o.leg.endTurn();
      this.o.transcript.record({ speaker: 'system', text: this.o.lines.fallback, startedAt: new Date() });
    }
  }
}

/** Time to the agent's first token, and what the gateway added around it (prompt → request, token → socket). */
function turnTimings(turn: TurnInFlight): { firstTokenMs: number | null; gatewayAddedMs: number | null } {
  return {
    firstTokenMs: turn.firstTokenAt ? Math.round(turn.firstTokenAt - turn.requestAt) : null,
    gatewayAddedMs: turn.firstSentAt ? turn.requestAt - turn.promptAt + (turn.firstSentAt - turn.firstTokenAt) : null,
  };
}

