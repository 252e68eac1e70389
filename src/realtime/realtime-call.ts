import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import type { CallOutcome } from '../calls/call-leg.js';
import type { SessionConversation } from '../calls/call-session.js';
import type { ConversationOptions } from '../calls/conversation.js';
import type { Config } from '../config.js';
import type { NumbersTable } from '../db/schema.js';
import type { StreamSpeech } from '../speech/stream-speech.js';
import type { TokenRecorder } from '../usage/token-recorder.js';
import { RealtimeConversation } from './realtime-conversation.js';
import { RealtimeLeg } from './realtime-leg.js';

// One `realtime` call's leg and conversation, set up from the number and the gateway's config;
// the Twilio media route and the test-mode media softphone differ only in `finish`. The leg is
// handed to startSession like any other, with the conversation factory beside it.

export async function realtimeCallFor(
  deps: { config: Config; speech: StreamSpeech; recordTokens?: TokenRecorder },
  args: {
    /** The call, for its usage records. */
    callId: string;
    socket: WebSocket;
    streamSid: string;
    log: FastifyBaseLogger;
    number: NumbersTable;
    finish(outcome: CallOutcome): Promise<void>;
    onTurn?: (turn: { speaker: 'caller' | 'agent'; text: string; interrupted: boolean }) => void;
  },
): Promise<{ leg: RealtimeLeg; conversation: (options: ConversationOptions) => SessionConversation }> {
  const { number } = args;
  const prompts = await deps.speech.prompts();
  const voice = number.voice_id ?? deps.speech.defaultVoice;
  const r = deps.config.realtime;
  const leg = new RealtimeLeg({
    socket: args.socket,
    streamSid: args.streamSid,
    log: args.log,
    endpoint: { url: r.url, model: r.model, apiKey: r.apiKey, timeoutMs: r.connectTimeoutMs },
    lines: { shipped: (text) => prompts.forLine(text), tts: deps.speech.tts, voice },
    fallback: prompts.fallback,
    finish: args.finish,
    onUsage: deps.recordTokens
      ? (u) => deps.recordTokens!(number, { type: 'call', id: args.callId }, { prompt_tokens: u.input_tokens, completion_tokens: u.output_tokens, total_tokens: u.total_tokens, model: r.model })
      : undefined,
  });
  const setup = { voice, transcriptionModel: deps.config.speech.sttModel, language: number.language, silenceMs: number.endpointing_ms };
  return { leg, conversation: (options) => new RealtimeConversation(options, leg, setup, args.onTurn) };
}
