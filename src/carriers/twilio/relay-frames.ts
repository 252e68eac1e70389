import { type Static, Type } from '@sinclair/typebox';
import { discriminatedParser } from '../socket-frames.js';

// The frames Twilio sends on a ConversationRelay socket (carrier-protocols.md §1.2–1.3), one
// schema each, discriminated by `type`. Only the fields the gateway reads are required; Twilio
// adds fields and message types over time, so extra fields pass and unknown types are ignored.

/** One DTMF key: 0-9, *, # and the rarely seen A-D. */
const DIGIT = '^[0-9*#A-Da-d]$';

export const RelayFrameSchemas = {
  setup: Type.Object({
    type: Type.Literal('setup'),
    callSid: Type.String(),
    customParameters: Type.Optional(Type.Record(Type.String(), Type.String())),
  }),
  prompt: Type.Object({
    type: Type.Literal('prompt'),
    voicePrompt: Type.String(),
    lang: Type.Optional(Type.String()),
    /** false: an interim transcript (partialPrompts="true"). */
    last: Type.Optional(Type.Boolean()),
  }),
  interrupt: Type.Object({
    type: Type.Literal('interrupt'),
    utteranceUntilInterrupt: Type.Optional(Type.String()),
    durationUntilInterruptMs: Type.Optional(Type.Number()),
  }),
  dtmf: Type.Object({ type: Type.Literal('dtmf'), digit: Type.String({ pattern: DIGIT }) }),
  error: Type.Object({ type: Type.Literal('error'), description: Type.Optional(Type.String()) }),
  info: Type.Object({ type: Type.Literal('info'), name: Type.Optional(Type.String()) }),
};

export type RelayFrame = Static<(typeof RelayFrameSchemas)[keyof typeof RelayFrameSchemas]>;

export const parseRelayFrame = discriminatedParser('type', RelayFrameSchemas, { unknown: 'ignore' });
