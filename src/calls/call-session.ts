import type { CallsTable, NumbersTable } from '../db/schema.js';
import type { TokenRecorder } from '../usage/token-recorder.js';
import { phoneContextOf } from '../phones/phone-input.js';
import { scopeOf } from '../scope.js';
import type { AgentFactory } from './agent-factory.js';
import { agentContext } from './agent-factory.js';
import type { CallLeg, CallOutcome } from './call-leg.js';
import { type CallServiceDeps, chargeMinute, markConnected, recordSessionEnd } from './call-service.js';
import { Conversation, type ConversationOptions } from './conversation.js';
import { MinuteMeter } from './minute-meter.js';
import { CALL_TOOLS } from './tools.js';
import { agentOf } from '../agent-profiles/agent-overlay.js';
import type { CallControl } from './call-control.js';
import type { TurnContextProvider } from './turn-context.js';
import { TranscriptRecorder, type TranscriptSink } from './transcript.js';

// Puts the pieces of a live call together — carrier leg, turn loop, agent, meter, transcript,
// call control — and takes them apart again. The one place a leg meets a Conversation: every
// leg (ConversationRelay, the test-mode softphone, Media Streams) goes through here, and its
// socket handler never calls the Conversation itself.

/**
 * What a session needs of its conversation: the text turn loop (Conversation), or the
 * speech-to-speech one of a `realtime` call (realtime/realtime-conversation.ts), whose model
 * takes its own turns.
 */
export type SessionConversation = Pick<Conversation, 'isEnded' | 'greeted' | 'callerSaid' | 'callerInterrupted' | 'digit' | 'say' | 'sayFinalWords' | 'sayAndEnd' | 'close' | 'speechFailed'>;

export interface LiveSession {
  callId: string;
  conversation: SessionConversation;
  /**
   * The leg ends the call at the carrier itself once the last words were heard (Media Streams:
   * a REST update after the last mark), so the hang-up API must not also hang up right away.
   */
  readonly legEndsCall: boolean;
  /** The agent or the gateway ended the call with this outcome (null: the caller hung up). */
  readonly outcome: CallOutcome | null;
  /** Asks the call to end: a goodbye where given, then the carrier's end. */
  hangUp(outcome: CallOutcome, goodbye?: string | null): void;
  /** The carrier side is gone: stop, flush the transcript, record how it ended. */
  close(reasonIfUnknown: string): Promise<void>;
  closed: Promise<void>;
}

export class CallRegistry {
  private readonly sessions = new Map<string, LiveSession>();
  /** `added`: a session started here (a cluster node records itself as the call's owner). */
  constructor(private readonly hooks: { added?(callId: string): void } = {}) {}
  add(s: LiveSession) {
    this.sessions.set(s.callId, s);
    this.hooks.added?.(s.callId);
  }
  get(callId: string) {
    return this.sessions.get(callId);
  }
  private readonly ending = new Map<string, Promise<void>>();
  /**
   * Takes a session out as it starts closing. Until `closed` settles, close() below still waits
   * for it: whoever ends the call record next (a carrier status callback) must find the
   * session's end reason and turns stored, however slow the database (PostgreSQL) is.
   */
  remove(callId: string, closed?: Promise<void>) {
    this.sessions.delete(callId);
    if (closed) {
      this.ending.set(callId, closed);
      void closed.finally(() => {
        if (this.ending.get(callId) === closed) this.ending.delete(callId);
      });
    }
  }
  /** Closes the call's live session, or waits for the close already under way; at once when there is none. */
  async close(callId: string, reasonIfUnknown: string): Promise<void> {
    const live = this.sessions.get(callId);
    if (live) return live.close(reasonIfUnknown);
    await this.ending.get(callId);
  }
  get size() {
    return this.sessions.size;
  }
  all() {
    return [...this.sessions.values()];
  }
}

export interface SessionDeps extends CallServiceDeps {
  registry: CallRegistry;
  /** Hang up, say, transfer: how the API and the meter act on a live call. */
  control: CallControl;
  agentFor: AgentFactory;
  transcripts: TranscriptSink;
  turnContext: TurnContextProvider;
  /** Managed usage records for model work done outside the agent factory (realtime calls). */
  recordTokens?: TokenRecorder;
}

export async function startSession(
  deps: SessionDeps,
  args: { call: CallsTable; number: NumbersTable; leg: CallLeg; conversation?: (options: ConversationOptions) => SessionConversation },
): Promise<LiveSession> {
  const { number } = args;
  const call = await markConnected(deps, args.call);
  const scope = scopeOf(call);
  // Managed agents also get the CRM's context and tools; webhook agents use the API themselves.
  const managed = !number.webhook_url;
  const agent = agentOf(number);
  const extra = await deps.turnContext.forConversation({ scope, channel: 'phone', contactId: call.contact_id, managed, related: { type: 'call', id: call.id }, agent });
  const ctx = agentContext(call, number, 'voice', extra.promptAddition);
  const transcript = new TranscriptRecorder(deps.transcripts, scope, call.id);

  let outcome: CallOutcome | null = null;
  let ended = false;
  // The leg the loop sees remembers why the call ended, once.
  const leg = {
    speak: (t: string) => args.leg.speak(t),
    endTurn: () => args.leg.endTurn(),
    sendDigits: (d: string) => args.leg.sendDigits(d),
    end: (o: CallOutcome) => {
      if (ended) return;
      ended = true;
      outcome = o;
      args.leg.end(o).catch((err: unknown) => deps.log.error({ err, call_id: call.id }, 'the carrier leg could not end the call'));
    },
  };

  const v = deps.config.voice;
  const options: ConversationOptions = {
    leg,
    agent: deps.agentFor(number, ctx.headers, { type: 'call', id: call.id }),
    systemPrompt: ctx.systemPrompt,
    tools: [...(agent?.tools.call_control === false ? [] : CALL_TOOLS), ...extra.tools],
    runTool: extra.runTool,
    metadata: ctx.metadata,
    phones: await phoneContextOf(deps.db, scope),
    transcript,
    firstTokenTimeoutMs: v.firstTokenTimeoutMs,
    maxFailures: v.maxAgentFailures,
    lines: { fallback: v.fallbackLine, failureGoodbye: v.failureGoodbye },
    onError: (err, context) => deps.log.error({ err, call_id: call.id }, context),
  };
  const conversation = args.conversation ? args.conversation(options) : new Conversation(options);

  const meter = new MinuteMeter({
    minuteMs: v.billingMinuteMs,
    charge: (n) => chargeMinute(deps, call, n),
    // The cut-off goes through call control, like the hang-up API: the goodbye first, the end
    // at the minute boundary.
    onExhausted: () => void deps.control.say(call.id, v.creditsGoodbye, { final: true }).catch((err: unknown) => deps.log.error({ err, call_id: call.id }, 'credit cut-off failed')),
    onBoundary: () => void deps.control.hangUp(call.id, { reason: 'insufficient_credits' }).catch((err: unknown) => deps.log.error({ err, call_id: call.id }, 'credit cut-off failed')),
    onError: (err) => deps.log.error({ err, call_id: call.id }, 'minute charge failed'),
  });

  let resolveClosed!: () => void;
  const closed = new Promise<void>((r) => (resolveClosed = r));
  let closing: Promise<void> | null = null;

  const session: LiveSession = {
    callId: call.id,
    conversation,
    legEndsCall: args.leg.kind === 'stream' || args.leg.kind === 'realtime',
    get outcome() {
      return outcome;
    },
    hangUp(o, goodbye = null) {
      if (conversation.isEnded) return leg.end(o);
      conversation.sayAndEnd(goodbye, o);
    },
    close(reasonIfUnknown) {
      closing ??= (async () => {
        conversation.close();
        meter.stop();
        args.leg.dispose();
        deps.registry.remove(call.id, closed);
        try {
          await transcript.flush();
          await recordSessionEnd(deps, call.id, { reason: outcome?.reason ?? reasonIfUnknown, transferTo: outcome?.transferTo, turnCount: transcript.count });
        } catch (err) {
          deps.log.error({ err, call_id: call.id }, 'could not record the end of a call session');
        } finally {
          resolveClosed();
        }
      })();
      return closing;
    },
    closed,
  };
  deps.registry.add(session);
  const firstMessage = call.first_message_override ?? number.first_message;
  if (firstMessage) {
    if (!args.leg.greetingSpokenByCarrier) {
      args.leg.speak(firstMessage);
      args.leg.endTurn();
    }
    conversation.greeted(firstMessage);
  }

  if (!(await meter.start())) {
    conversation.sayAndEnd(v.creditsGoodbye, { reason: 'insufficient_credits' });
  }
  // From here on the leg's caller frames reach the conversation; frames that came while the
  // session was starting (greeting, meter) were held by the leg and arrive now, in order.
  args.leg.attach({
    callerSaid: (text) => conversation.callerSaid(text),
    interrupted: (heard) => conversation.callerInterrupted(heard),
    digit: (d) => conversation.digit(d),
    hangup: (reason) => void session.close(reason ?? 'caller_hangup'),
    speechTimings: (timings) => transcript.addSpeechTimings(timings),
    speechFailed: (failure) => conversation.speechFailed(failure),
  });

  return session;
}
