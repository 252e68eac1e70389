import { describe, expect, it } from 'vitest';
import { decodeMulaw } from '../../src/media/mulaw.js';
import { PhoneAudioEncoder } from '../../src/media/tts-to-phone.js';
import { tonePcm } from '../fakes/fake-speech.js';

describe('PhoneAudioEncoder (TTS 24 kHz PCM → Twilio frames)', () => {
  it('turns a clause of any chunking into whole 160-byte μ-law frames of the same duration', () => {
    const pcm = tonePcm(1010); // 1010 ms at 24 kHz
    const encoder = new PhoneAudioEncoder();
    const frames: Buffer[] = [];
    for (let at = 0; at < pcm.length; at += 777) frames.push(...encoder.push(pcm.subarray(at, at + 777))); // odd sizes split samples
    frames.push(...encoder.end());
    expect(frames.every((f) => f.length === 160)).toBe(true);
    expect(frames.length).toBe(51); // 1010 ms → 50.5 frames, the last one padded
    // The 440 Hz tone survives: level close to the source's 8000 peak.
    const decoded = decodeMulaw(Buffer.concat(frames.slice(5, 45)));
    const peak = decoded.reduce((m, s) => Math.max(m, Math.abs(s)), 0);
    expect(peak).toBeGreaterThan(7000);
    expect(peak).toBeLessThan(9000);
  });

  it('gives the same frames whatever the chunking', () => {
    const pcm = tonePcm(300);
    const once = new PhoneAudioEncoder();
    const whole = [...once.push(pcm), ...once.end()];
    const chunked = new PhoneAudioEncoder();
    const parts: Buffer[] = [];
    for (let at = 0; at < pcm.length; at += 3) parts.push(...chunked.push(pcm.subarray(at, at + 3)));
    parts.push(...chunked.end());
    expect(Buffer.concat(parts).equals(Buffer.concat(whole))).toBe(true);
  });

  it('after clear() the next clause starts clean', () => {
    const encoder = new PhoneAudioEncoder();
    encoder.push(tonePcm(55));
    encoder.clear();
    const fresh = new PhoneAudioEncoder();
    const pcm = tonePcm(100);
    expect(Buffer.concat([...encoder.push(pcm), ...encoder.end()])).toEqual(Buffer.concat([...fresh.push(pcm), ...fresh.end()]));
  });
});
