import { describe, expect, it } from 'vitest';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { isMediaMediaFrame, MediaFrameSchemas, parseMediaFrame } from '../../src/carriers/twilio/media-frames.js';

// The Media Streams parser (carrier-protocols.md §2.2): the frames exactly as Twilio documents
// them pass, with their string-typed counters; anything else is refused or, for an event Twilio
// may add later, ignored without closing the socket.

const FRAMES = {
  connected: { event: 'connected', protocol: 'Call', version: '1.0.0' },
  start: {
    event: 'start',
    sequenceNumber: '1',
    streamSid: 'MZ18ad3ab5a668481ce02b83e7395059f0',
    start: {
      accountSid: 'AC00000000000000000000000000000000',
      streamSid: 'MZ18ad3ab5a668481ce02b83e7395059f0',
      callSid: 'CA0000000000000000000000000000000a',
      tracks: ['inbound'],
      mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
      customParameters: { callId: 'call_abc123' },
    },
  },
  media: {
    event: 'media',
    sequenceNumber: '4',
    streamSid: 'MZ1',
    media: { track: 'inbound', chunk: '2', timestamp: '20', payload: Buffer.alloc(160, 0xff).toString('base64') },
  },
  dtmf: { event: 'dtmf', sequenceNumber: '5', streamSid: 'MZ1', dtmf: { track: 'inbound_track', digit: '1' } },
  mark: { event: 'mark', sequenceNumber: '6', streamSid: 'MZ1', mark: { name: 'turn-3-end' } },
  stop: { event: 'stop', sequenceNumber: '7', streamSid: 'MZ1', stop: { accountSid: 'AC1', callSid: 'CA1' } },
};

describe('parseMediaFrame (Media Streams, Twilio to us)', () => {
  it.each(Object.entries(FRAMES))('accepts the documented %s frame as it is', (_event, frame) => {
    expect(parseMediaFrame(frame)).toEqual({ ok: true, frame });
  });

  it('accepts the minimal forms and extra fields', () => {
    expect(parseMediaFrame({ event: 'connected' })).toMatchObject({ ok: true });
    expect(parseMediaFrame({ event: 'start', streamSid: 'MZ1', start: { callSid: 'CA1' }, extra: 1 })).toMatchObject({ ok: true });
    expect(parseMediaFrame({ event: 'media', media: { payload: '' } })).toMatchObject({ ok: true });
    expect(parseMediaFrame({ event: 'stop' })).toMatchObject({ ok: true });
    expect(parseMediaFrame({ event: 'dtmf', dtmf: { digit: '#' } })).toMatchObject({ ok: true });
  });

  it('ignores unknown events (Twilio adds them) without closing', () => {
    for (const event of ['somethingNew', 'toString', '__proto__']) {
      const r = parseMediaFrame({ event });
      expect(r, event).toMatchObject({ ok: false });
      expect(r.ok === false && r.close, event).toBeUndefined();
    }
  });

  it.each([
    ['null', null],
    ['an array', [FRAMES.media]],
    ['no event', { media: { payload: '' } }],
    ['a numeric event', { event: 4 }],
    ['a numeric sequenceNumber', { ...FRAMES.media, sequenceNumber: 4 }],
    ['a numeric timestamp', { ...FRAMES.media, media: { ...FRAMES.media.media, timestamp: 20 } }],
    ['a numeric chunk', { ...FRAMES.media, media: { ...FRAMES.media.media, chunk: 2 } }],
    ['a payload that is not base64', { event: 'media', media: { payload: 'not base64!' } }],
    ['a numeric payload', { event: 'media', media: { payload: 5 } }],
    ['media without media', { event: 'media' }],
    ['a start without callSid', { event: 'start', streamSid: 'MZ1', start: {} }],
    ['a start without streamSid', { event: 'start', start: { callSid: 'CA1' } }],
    ['numeric custom parameters', { event: 'start', streamSid: 'MZ1', start: { callSid: 'CA1', customParameters: { callId: 7 } } }],
    ['two digits', { event: 'dtmf', dtmf: { digit: '12' } }],
    ['an object digit', { event: 'dtmf', dtmf: { digit: {} } }],
    ['a mark without a name', { event: 'mark', mark: {} }],
    ['a numeric mark name', { event: 'mark', mark: { name: 3 } }],
  ])('refuses %s with 1007', (_name, value) => {
    expect(parseMediaFrame(value)).toMatchObject({ ok: false, close: 1007 });
  });

  it('names the offending field', () => {
    expect(parseMediaFrame({ ...FRAMES.media, media: { payload: 5 } })).toMatchObject({ reason: expect.stringContaining('"media/payload"') });
    expect(parseMediaFrame({ event: 'start', streamSid: 'MZ1', start: {} })).toMatchObject({ reason: expect.stringContaining('callSid') });
  });
});

describe('the hand check of media frames', () => {
  it('accepts only what the media schema accepts, over variations of every field', () => {
    const schema = TypeCompiler.Compile(MediaFrameSchemas.media);
    const values: unknown[] = ['', '4', '04', 'a', '4a', ' 4', 4, null, {}, [], true, undefined, 'AAAA', 'AA==', 'A===', 'AA-_', '/+Az', 'not base64!', '\n'];
    const base = FRAMES.media as Record<string, any>;
    const variants: unknown[] = [base, { event: 'media' }, { event: 'media', media: null }, { event: 'media', media: [] }, [base], null, 'media'];
    for (const v of values) {
      for (const key of ['sequenceNumber', 'streamSid']) variants.push({ ...base, [key]: v });
      for (const key of ['track', 'chunk', 'timestamp', 'payload']) variants.push({ ...base, media: { ...base.media, [key]: v } });
      variants.push({ ...base, media: v });
      variants.push({ ...base, event: v });
    }
    let accepted = 0;
    for (const value of variants) {
      const fast = isMediaMediaFrame(value);
      if (fast) accepted++;
      expect(fast, JSON.stringify(value)).toBe(schema.Check(value));
      // Whatever the hand check refuses, a media frame still gets the schema's answer.
      if ((value as { event?: unknown } | null)?.event === 'media' && !Array.isArray(value)) expect(parseMediaFrame(value).ok, JSON.stringify(value)).toBe(schema.Check(value));
    }
    expect(accepted).toBeGreaterThan(20);
  });
});
