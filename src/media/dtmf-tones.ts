import { encodeMulaw } from './mulaw.js';

// Media Streams has no "send digits" message: keys pressed towards the other party (an IVR the
// agent navigates) are played as DTMF audio, the dual tones of ITU-T Q.23, 100 ms tone + 100 ms
// gap per key at 8 kHz μ-law. `w` is a half-second pause, as in Twilio's sendDigits.

const ROWS: Record<string, number> = { '1': 697, '2': 697, '3': 697, A: 697, '4': 770, '5': 770, '6': 770, B: 770, '7': 852, '8': 852, '9': 852, C: 852, '*': 941, '0': 941, '#': 941, D: 941 };
const COLS: Record<string, number> = { '1': 1209, '4': 1209, '7': 1209, '*': 1209, '2': 1336, '5': 1336, '8': 1336, '0': 1336, '3': 1477, '6': 1477, '9': 1477, '#': 1477, A: 1633, B: 1633, C: 1633, D: 1633 };

const RATE = 8000;
const TONE_MS = 100;
const GAP_MS = 100;
const PAUSE_MS = 500;

/** μ-law 8 kHz audio of `digits` (0-9 * # A-D, w = pause); other characters are skipped. */
export function dtmfMulaw(digits: string): Buffer {
  const parts: Int16Array[] = [];
  for (const raw of digits) {
    const key = raw.toUpperCase();
    if (key === 'W') {
      parts.push(new Int16Array((PAUSE_MS * RATE) / 1000));
      continue;
    }
    const low = ROWS[key];
    const high = COLS[key];
    if (low === undefined || high === undefined) continue;
    const tone = new Int16Array((TONE_MS * RATE) / 1000);
    for (let i = 0; i < tone.length; i++) {
      const t = i / RATE;
      tone[i] = Math.round(6000 * (Math.sin(2 * Math.PI * low * t) + Math.sin(2 * Math.PI * high * t)));
    }
    parts.push(tone, new Int16Array((GAP_MS * RATE) / 1000));
  }
  const length = parts.reduce((n, p) => n + p.length, 0);
  const all = new Int16Array(length);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return encodeMulaw(all);
}
