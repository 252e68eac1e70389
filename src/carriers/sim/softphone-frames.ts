import { type Static, Type } from '@sinclair/typebox';
import { discriminatedParser } from '../socket-frames.js';

// The frames a softphone (`agentline call`, or any client with a test key) sends on
// /v1/softphone, one schema each, discriminated by `type`. We ship both ends, so an unknown type
// is refused (1008) rather than silently ignored: a typo should fail loudly.

const DIGIT = '^[0-9*#]$';

export const SoftphoneFrameSchemas = {
  dial: Type.Object({ type: Type.Literal('dial'), to: Type.String(), from: Type.Optional(Type.String()) }),
  register: Type.Object({ type: Type.Literal('register'), number: Type.String() }),
  answer: Type.Object({ type: Type.Literal('answer') }),
  reject: Type.Object({ type: Type.Literal('reject') }),
  prompt: Type.Object({ type: Type.Literal('prompt'), voicePrompt: Type.String(), lang: Type.Optional(Type.String()), last: Type.Optional(Type.Boolean()) }),
  interrupt: Type.Object({
    type: Type.Literal('interrupt'),
    utteranceUntilInterrupt: Type.Optional(Type.String()),
    durationUntilInterruptMs: Type.Optional(Type.Number()),
  }),
  dtmf: Type.Object({ type: Type.Literal('dtmf'), digit: Type.String({ pattern: DIGIT }) }),
  hangup: Type.Object({ type: Type.Literal('hangup') }),
};

export type SoftphoneFrame = Static<(typeof SoftphoneFrameSchemas)[keyof typeof SoftphoneFrameSchemas]>;

export const parseSoftphoneFrame = discriminatedParser('type', SoftphoneFrameSchemas, { unknown: 'refuse' });
