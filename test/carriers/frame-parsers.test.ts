import { describe, expect, it } from 'vitest';
import { decodeJsonText } from '../../src/carriers/socket-frames.js';
import { parseRelayFrame } from '../../src/carriers/twilio/relay-frames.js';
import { parseSoftphoneFrame } from '../../src/carriers/sim/softphone-frames.js';

// One parser per protocol: a handler only ever sees a frame that passed its schema.

const text = (s: string) => decodeJsonText(Buffer.from(s), false);

describe('decodeJsonText', () => {
  it('decodes JSON text, refuses binary (1003) and non-JSON (1007)', () => {
    expect(text('{"a":1}')).toEqual({ ok: true, frame: { a: 1 } });
    expect(text('null')).toEqual({ ok: true, frame: null });
    expect(decodeJsonText([Buffer.from('{"a"'), Buffer.from(':2}')], false)).toEqual({ ok: true, frame: { a: 2 } });
    expect(decodeJsonText(Buffer.from('{}'), true)).toMatchObject({ ok: false, close: 1003 });
    expect(text('{nope')).toMatchObject({ ok: false, close: 1007 });
    expect(text('')).toMatchObject({ ok: false, close: 1007 });
  });
});

describe('parseRelayFrame (ConversationRelay, Twilio to us)', () => {
  it('accepts the frames Twilio documents, extra fields included', () => {
    const setup = { type: 'setup', sessionId: 'VX1', callSid: 'CA1', from: '+1', customParameters: { callId: 'call_1' } };
    expect(parseRelayFrame(setup)).toEqual({ ok: true, frame: setup });
    expect(parseRelayFrame({ type: 'prompt', voicePrompt: 'hi', lang: 'en-US', last: true })).toMatchObject({ ok: true });
    expect(parseRelayFrame({ type: 'prompt', voicePrompt: 'h', last: false, agentSpeaking: 'on' })).toMatchObject({ ok: true });
    expect(parseRelayFrame({ type: 'interrupt', utteranceUntilInterrupt: 'Life is', durationUntilInterruptMs: 460 })).toMatchObject({ ok: true });
    expect(parseRelayFrame({ type: 'dtmf', digit: '#' })).toMatchObject({ ok: true });
    expect(parseRelayFrame({ type: 'error', description: 'Invalid message' })).toMatchObject({ ok: true });
    expect(parseRelayFrame({ type: 'info', name: 'tokensPlayed', value: 'Hi' })).toMatchObject({ ok: true });
  });

  it('ignores unknown types (Twilio adds them) without closing', () => {
    const r = parseRelayFrame({ type: 'somethingNew' });
    expect(r).toMatchObject({ ok: false });
    expect(r.ok === false && r.close).toBeUndefined();
  });

  it.each([
    ['null', null],
    ['a number', 5],
    ['an array', [{ type: 'prompt', voicePrompt: 'x' }]],
    ['no type', { voicePrompt: 'x' }],
    ['a numeric type', { type: 1 }],
    ['a numeric voicePrompt', { type: 'prompt', voicePrompt: 5 }],
    ['an object digit', { type: 'dtmf', digit: {} }],
    ['two digits', { type: 'dtmf', digit: '12' }],
    ['a setup without callSid', { type: 'setup', customParameters: {} }],
    ['numeric custom parameters', { type: 'setup', callSid: 'CA1', customParameters: { callId: 7 } }],
  ])('refuses %s with 1007 and says which field', (_name, value) => {
    const r = parseRelayFrame(value);
    expect(r).toMatchObject({ ok: false, close: 1007 });
  });

  it('names the offending field', () => {
    expect(parseRelayFrame({ type: 'prompt', voicePrompt: 5 })).toMatchObject({ reason: expect.stringContaining('"voicePrompt"') });
    expect(parseRelayFrame({ type: 'dtmf', digit: {} })).toMatchObject({ reason: expect.stringContaining('"digit"') });
  });
});

describe('parseSoftphoneFrame (softphone client to us)', () => {
  it('accepts every client frame', () => {
    for (const f of [
      { type: 'dial', to: '+15551234567' },
      { type: 'dial', to: '+15551234567', from: '+15550000000' },
      { type: 'register', number: '+15551234567' },
      { type: 'answer' },
      { type: 'reject' },
      { type: 'prompt', voicePrompt: 'hello', lang: 'en-US', last: true },
      { type: 'interrupt', utteranceUntilInterrupt: 'Let me', durationUntilInterruptMs: 0 },
      { type: 'dtmf', digit: '7' },
      { type: 'hangup' },
    ]) {
      expect(parseSoftphoneFrame(f)).toEqual({ ok: true, frame: f });
    }
  });

  it('refuses an unknown type with 1008 (we ship both ends: a typo fails loudly)', () => {
    expect(parseSoftphoneFrame({ type: 'prompts', voicePrompt: 'x' })).toMatchObject({ ok: false, close: 1008 });
    expect(parseSoftphoneFrame({ type: 'toString' })).toMatchObject({ ok: false, close: 1008 });
  });

  it.each([
    ['null', null],
    ['a string', 'dial'],
    ['a numeric to', { type: 'dial', to: 15551234567 }],
    ['a numeric voicePrompt', { type: 'prompt', voicePrompt: 5 }],
    ['an object digit', { type: 'dtmf', digit: {} }],
    ['a letter digit', { type: 'dtmf', digit: 'A' }],
    ['an array number', { type: 'register', number: ['+15551234567'] }],
  ])('refuses %s with 1007', (_name, value) => {
    expect(parseSoftphoneFrame(value)).toMatchObject({ ok: false, close: 1007 });
  });
});
