import type { RealtimeSessionCreateRequest } from 'openai/resources/realtime/realtime';
import type { ToolCall, ToolDefinition } from '../agents/agent.js';
import { isCallControl } from '../calls/agent-turn.js';
import type { CallOutcome } from '../calls/call-leg.js';
import type { SessionConversation } from '../calls/call-session.js';
import type { ConversationOptions } from '../calls/conversation.js';
import { interpretToolCall } from '../calls/tools.js';
import type { RealtimeAgentTurn, RealtimeBrain, RealtimeLeg } from './realtime-leg.js';

// The conversation of a `realtime` call, beside calls/conversation.ts rather than inside it: that
// one is a text turn loop (caller text in → agent request → text deltas out → TTS), and here
// there is no turn to run: the model hears the caller and answers by itself (server VAD), so a
// caller's words arrive as a record of what was said, after the answer may have started. What
// the two share is used as is: startSession's wiring (meter, transcript, registry, call control,
// end of call), the TranscriptRecorder, the call-control tools (CALL_TOOLS, interpretToolCall,
// their closing lines as agent-turn.ts speaks them) and the CRM tools' `runTool`.
//
// It keeps the history (greeting, turns as heard, lines the gateway said), which seeds a new
// Realtime session when the gateway reconnects.

export interface RealtimeSetupInput {
  voice: string;
  transcriptionModel: string;
  /** BCP 47; the transcription gets its ISO-639-1 part. */
  language: string;
  /** Server VAD: the silence that ends the caller's turn. */
  silenceMs: number;
}

/** `session.update` for one call (speech-protocols.md §3): μ-law both ways, server VAD, the tools. */
export function realtimeSessionSetup(o: { instructions: string | null; tools: ToolDefinition[]; setup: RealtimeSetupInput }): RealtimeSessionCreateRequest {
  return {
    type: 'realtime',
    ...(o.instructions ? { instructions: o.instructions } : {}),
    output_modalities: ['audio'],
    audio: {
      input: {
        format: { type: 'audio/pcmu' },
        turn_detection: { type: 'server_vad', silence_duration_ms: o.setup.silenceMs, create_response: true, interrupt_response: true },
        transcription: { model: o.setup.transcriptionModel, language: o.setup.language.split('-')[0]!.toLowerCase() },
      },
      output: { format: { type: 'audio/pcmu' }, voice: o.setup.voice },
    },
    tools: o.tools.map((t) => ({ type: 'function' as const, name: t.function.name, description: t.function.description, parameters: t.function.parameters })),
    tool_choice: 'auto',
  };
}

export class RealtimeConversation implements SessionConversation, RealtimeBrain {
  private readonly log: Array<{ role: 'user' | 'assistant'; text: string }> = [];
  private ended = false;
  private digits = '';
  private digitTimer: NodeJS.Timeout | undefined;
  /** Function calls of the model, and a call-control tool's closing line: stored on its next agent turn. */
  private calls: ToolCall[] = [];
  private closingLine: string | null = null;

  constructor(
    private readonly o: ConversationOptions,
    private readonly leg: RealtimeLeg,
    setup: RealtimeSetupInput,
    /** Each turn as it is recorded (the test-mode softphone shows them live). */
    private readonly onTurn?: (turn: { speaker: 'caller' | 'agent'; text: string; interrupted: boolean }) => void,
  ) {
    leg.connect(realtimeSessionSetup({ instructions: o.systemPrompt, tools: o.tools, setup }), this);
  }

  get isEnded(): boolean {
    return this.ended;
  }

  // ---- SessionConversation (startSession, call control) ----

  greeted(text: string): void {
    this.log.push({ role: 'assistant', text });
    this.o.transcript.record({ speaker: 'agent', text, startedAt: new Date() });
    this.onTurn?.({ speaker: 'agent', text, interrupted: false });
  }

  /** The caller's words, transcribed (the model has heard them already). */
  callerSaid(text: string): void {
    if (text.trim() === '') return;
    this.log.push({ role: 'user', text });
    this.o.transcript.record({ speaker: 'caller', text, startedAt: new Date() });
    this.onTurn?.({ speaker: 'caller', text, interrupted: false });
  }

  /** A gateway line's speech failed (the model's own audio needs no STT or TTS): on the record. */
  speechFailed(failure: { service: 'stt' | 'tts'; error: string; heard: string | null }): void {
    if (this.ended) return;
    this.o.transcript.record({ speaker: 'system', text: this.o.lines.fallback, startedAt: new Date(), error: `${failure.service}: ${failure.error}` });
  }

  /** Barge-in is the leg's (it knows the heard audio) and arrives as an interrupted agent turn. */
  callerInterrupted(_heard: string): void {}

  digit(d: string): void {
    if (this.ended) return;
    this.digits += d;
    if (this.digitTimer) clearTimeout(this.digitTimer);
    const flush = () => {
      const pressed = this.digits;
      this.digits = '';
      if (!pressed || this.ended) return;
      const text = `[The caller pressed ${pressed.split('').join(' ')} on the keypad]`;
      this.callerSaid(text);
      this.leg.userText(text);
    };
    if (d === '#') return flush();
    this.digitTimer = setTimeout(flush, this.o.dtmfDebounceMs ?? 1000);
  }

  say(text: string): void {
    if (this.ended || text === '') return;
    this.leg.speak(text);
    this.leg.endTurn();
    this.log.push({ role: 'assistant', text });
    this.o.transcript.record({ speaker: 'system', text, startedAt: new Date() });
  }

  sayFinalWords(text: string | null, opts: { record?: boolean; cancel?: boolean } = {}): void {
    if (this.ended) return;
    this.ended = true;
    if (this.digitTimer) clearTimeout(this.digitTimer);
    // From outside (credits, the hang-up API) the model's reply is cut; its own ending is not.
    this.leg.quiesce(opts.cancel !== false);
    if (text) {
      this.leg.speak(text);
      this.leg.endTurn();
      this.log.push({ role: 'assistant', text });
      if (opts.record !== false) {
        this.o.transcript.record({ speaker: 'agent', text, startedAt: new Date() });
        this.onTurn?.({ speaker: 'agent', text, interrupted: false });
      }
    }
  }

  sayAndEnd(text: string | null, outcome: CallOutcome, opts: { record?: boolean; cancel?: boolean } = {}): void {
    if (this.ended) return;
    this.sayFinalWords(text, opts);
    this.o.leg.end(outcome);
  }

  close(): void {
    this.ended = true;
    if (this.digitTimer) clearTimeout(this.digitTimer);
    // Calls whose turn was never heard (the caller hung up) are still on the record.
    const toolCalls = this.calls.splice(0);
    if (toolCalls.length || this.closingLine) this.o.transcript.record({ speaker: 'agent', text: this.closingLine ?? '', startedAt: new Date(), toolCalls: toolCalls.length ? toolCalls : null });
    this.closingLine = null;
  }

  // ---- RealtimeBrain (the leg) ----

  agentSaid(turn: RealtimeAgentTurn): void {
    if (turn.text) this.log.push({ role: 'assistant', text: turn.text });
    const toolCalls = this.calls.splice(0);
    // As the text loop records it: the words spoken, then the tool's line (heard after them).
    const text = [turn.text, this.closingLine].filter(Boolean).join(' ');
    this.closingLine = null;
    this.o.transcript.record({ speaker: 'agent', text, startedAt: turn.startedAt, interrupted: turn.interrupted, toolCalls: toolCalls.length ? toolCalls : null });
    this.onTurn?.({ speaker: 'agent', text, interrupted: turn.interrupted });
    if (turn.timings) this.o.transcript.addSpeechTimings(turn.timings);
  }

  functionCall(call: ToolCall): void {
    const name = call.function.name;
    if (this.ended) return this.leg.toolOutput(call.id, 'not run: the call is ending', false);
    this.calls.push(call);
    if (isCallControl(name)) {
      const action = interpretToolCall(name, call.function.arguments, this.o.phones);
      if (action.kind === 'invalid') return this.leg.toolOutput(call.id, `error: ${action.error}`, true);
      if (action.kind === 'digits') {
        this.o.leg.sendDigits(action.digits);
        return this.leg.toolOutput(call.id, 'ok', true);
      }
      this.leg.toolOutput(call.id, 'ok', false);
      // As agent-turn.ts: a transfer says its message; a goodbye only if the model said nothing.
      const line = action.kind === 'transfer' ? action.say : this.leg.responseSpoke() ? null : action.say;
      const outcome: CallOutcome = action.kind === 'end' ? { reason: 'agent_ended' } : { reason: 'transferred', transferTo: action.to };
      this.closingLine = line;
      this.sayAndEnd(line, outcome, { cancel: false, record: false });
      return;
    }
    const run = this.o.runTool;
    if (!run) return this.leg.toolOutput(call.id, `error: unknown tool ${name}`, true);
    run(call).then(
      (output) => this.leg.toolOutput(call.id, output, true),
      (err: unknown) => this.leg.toolOutput(call.id, `error: ${err instanceof Error ? err.message : String(err)}`, true),
    );
  }

  history(): Array<{ role: 'user' | 'assistant'; text: string }> {
    return this.log.slice(-(this.o.maxHistory ?? 60));
  }

  fallbackPlayed(): void {
    this.o.transcript.record({ speaker: 'system', text: this.o.lines.fallback, startedAt: new Date() });
  }

  modelLost(): void {
    this.sayAndEnd(this.o.lines.failureGoodbye, { reason: 'agent_failed' });
  }
}
