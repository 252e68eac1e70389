import type { CallsTable, NumbersTable } from '../db/schema.js';
import { phoneContextOf } from '../phones/phone-input.js';
import { scopeOf } from '../scope.js';
import type { AgentFactory } from './agent-factory.js';
import { agentContext } from './agent-factory.js';
import type { CallLeg, CallOutcome } from './call-leg.js';
import { type CallServiceDeps, chargeMinute, markConnected, recordSessionEnd } from './call-service.js';
import { Conversation } from './conversation.js';
import { MinuteMeter } from './minute-meter.js';
import { CALL_TOOLS } from './tools.js';
import { CRM_TOOLS } from '../crm/telephony/crm-tool-definitions.js';
import { createCrmToolRunner } from '../crm/telephony/crm-tools.js';
import { TranscriptRecorder, type TranscriptSink } from './transcript.js';

// Puts the pieces of a live call together — carrier leg, turn loop, agent, meter, transcript —
// and takes them apart again. The same code serves Twilio calls and test-mode softphone calls.

export interface LiveSession {
  callId: string;
  conversation: Conversation;
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
  add(s: LiveSession) {
    this.sessions.set(s.callId, s);
  }
  get(callId: string) {
    return this.sessions.get(callId);
  }
  remove(callId: string) {
    this.sessions.delete(callId);
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
  agentFor: AgentFactory;
  transcripts: TranscriptSink;
}

export async function startSession(
  deps: SessionDeps,
  args: { call: CallsTable; number: NumbersTable; leg: CallLeg; greetingSpokenByCarrier: boolean },
): Promise<LiveSession> {
  const { number } = args;
  const call = await markConnected(deps, args.call);
  const ctx = await agentContext(deps.db, call, number, 'voice');
  const transcript = new TranscriptRecorder(deps.transcripts, scopeOf(call), call.id);

  let outcome: CallOutcome | null = null;
  let ended = false;
  // The leg the loop sees remembers why the call ended, once.
  const leg: CallLeg = {
    speak: (t) => args.leg.speak(t),
    endTurn: () => args.leg.endTurn(),
    sendDigits: (d) => args.leg.sendDigits(d),
    end: (o) => {
      if (ended) return;
      ended = true;
      outcome = o;
      args.leg.end(o);
    },
  };

  const v = deps.config.voice;
  // Managed agents also get the CRM tools; webhook agents use the API themselves.
  const managed = !number.webhook_url;
  const scope = scopeOf(call);
  const conversation = new Conversation({
    leg,
    agent: deps.agentFor(number, ctx.headers),
    systemPrompt: ctx.systemPrompt,
    tools: managed ? [...CALL_TOOLS, ...CRM_TOOLS] : CALL_TOOLS,
    runTool: managed ? createCrmToolRunner(deps, { scope, channel: 'phone', contactId: call.contact_id, related: { type: 'call', id: call.id } }) : undefined,
    metadata: ctx.metadata,
    phones: await phoneContextOf(deps.db, scope),
    transcript,
    firstTokenTimeoutMs: v.firstTokenTimeoutMs,
    maxFailures: v.maxAgentFailures,
    lines: { fallback: v.fallbackLine, failureGoodbye: v.failureGoodbye },
    onError: (err, context) => deps.log.error({ err, call_id: call.id }, context),
  });

  const meter = new MinuteMeter({
    minuteMs: v.billingMinuteMs,
    charge: (n) => chargeMinute(deps, call, n),
    onExhausted: () => conversation.sayFinalWords(v.creditsGoodbye),
    onBoundary: () => leg.end({ reason: 'insufficient_credits' }),
    onError: (err) => deps.log.error({ err, call_id: call.id }, 'minute charge failed'),
  });

  let resolveClosed!: () => void;
  const closed = new Promise<void>((r) => (resolveClosed = r));
  let closing: Promise<void> | null = null;

  const session: LiveSession = {
    callId: call.id,
    conversation,
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
        deps.registry.remove(call.id);
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
    if (!args.greetingSpokenByCarrier) {
      args.leg.speak(firstMessage);
      args.leg.endTurn();
    }
    conversation.greeted(firstMessage);
  }

  if (!(await meter.start())) {
    conversation.sayAndEnd(v.creditsGoodbye, { reason: 'insufficient_credits' });
  }
  return session;
}
