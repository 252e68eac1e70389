import { describe, expect, it } from 'vitest';
import { countSegments } from '../../src/sms/segments.js';
import { keywordOf } from '../../src/sms/keywords.js';

describe('SMS segments', () => {
  it.each([
    ['', 'GSM-7', 1],
    ['a'.repeat(160), 'GSM-7', 1],
    ['a'.repeat(161), 'GSM-7', 2],
    ['a'.repeat(306), 'GSM-7', 2],
    ['a'.repeat(307), 'GSM-7', 3],
    ['€'.repeat(80), 'GSM-7', 1], // extension characters take two septets
    ['€'.repeat(81), 'GSM-7', 2],
    ['é'.repeat(160), 'GSM-7', 1],
    ['ç'.repeat(70), 'UCS-2', 1], // ç is not in GSM 03.38 (Ç is)
    ['ç'.repeat(71), 'UCS-2', 2],
    ['x'.repeat(134), 'GSM-7', 1],
    ['😀'.repeat(35), 'UCS-2', 1], // an emoji is two UTF-16 code units
    ['😀'.repeat(36), 'UCS-2', 2],
    ['Hi 😀' + 'x'.repeat(130), 'UCS-2', 3],
  ])('%#: %s', (body, encoding, segments) => {
    expect(countSegments(body)).toMatchObject({ encoding, segments });
  });

  it('recognises opt-out keywords and nothing else', () => {
    for (const w of ['STOP', 'stop', ' Stop. ', 'UNSUBSCRIBE', 'cancel', 'End', 'quit']) expect(keywordOf(w)).toBe('stop');
    for (const w of ['START', 'unstop']) expect(keywordOf(w)).toBe('start');
    expect(keywordOf('help')).toBe('help');
    for (const w of ['please stop calling', 'stopping', 'the end']) expect(keywordOf(w)).toBeNull();
  });
});
