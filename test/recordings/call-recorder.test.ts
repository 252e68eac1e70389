import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MediaFrame } from '../../src/carriers/twilio/media-frames.js';
import { linearToMulaw, mulawToLinear } from '../../src/media/mulaw.js';
import { CallRecorder } from '../../src/recordings/call-recorder.js';
import { repairWav, WavFileWriter } from '../../src/recordings/wav-file.js';

// The recorder's playhead on a hand-driven clock: caller audio at its timestamps, agent audio
// when Twilio would play it (back to back from when its buffer is empty), `clear` cutting what
// had not started, and the file staying a valid WAV as it grows and after a crash.

const code = (v: number) => linearToMulaw(v);
const level = (v: number) => mulawToLinear(code(v));
const frame = (v: number) => Buffer.alloc(160, code(v));

/** `startAt`: the wall time the tap is made (when Twilio's `start` arrived). */
function rig(startAt = 0) {
  let t = startAt;
  const chunks: Buffer[] = [];
  let closed = 0;
  const rec = new CallRecorder({ sink: { append: (b) => chunks.push(b) }, onClose: () => closed++, now: () => t });
  const caller = (ms: number, v: number) => {
    t = ms;
    rec.inbound({ event: 'media', media: { track: 'inbound', timestamp: String(ms), payload: frame(v).toString('base64') } } as MediaFrame);
  };
  const channels = () => {
    const pcm = Buffer.concat(chunks);
    const left: number[] = [];
    const right: number[] = [];
    for (let o = 0; o + 4 <= pcm.length; o += 4) {
      left.push(pcm.readInt16LE(o));
      right.push(pcm.readInt16LE(o + 2));
    }
    return { left, right };
  };
  return { rec, caller, channels, at: (ms: number) => (t = ms), closedCount: () => closed, chunks };
}

/** The distinct values of `samples[fromMs, toMs)` (8 samples per ms). */
const span = (samples: number[], fromMs: number, toMs: number) => [...new Set(samples.slice(fromMs * 8, toMs * 8))];

describe('the call recorder', () => {
  it('puts the caller left by timestamp and the agent right as played; clear cuts what had not played', () => {
    const r = rig();
    const A = 1000, B = 8000, C = -6000;
    for (let ms = 0; ms < 500; ms += 20) r.caller(ms, A);
    // 500 ms of agent audio sent at once at t=500: it plays 500..1000, then a mark.
    r.at(500);
    for (let i = 0; i < 25; i++) r.rec.outbound({ event: 'media', payload: frame(B) });
    r.rec.outbound({ event: 'mark', name: 'm1' });
    for (let ms = 500; ms < 1000; ms += 20) r.caller(ms, A);
    r.at(1000);
    r.rec.inbound({ event: 'mark', mark: { name: 'm1' } } as MediaFrame); // played on time
    for (let ms = 1000; ms < 1200; ms += 20) r.caller(ms, A);
    // A second reply of 1 s sent at t=1200, barged in at t=1500: only 1200..1500 was heard.
    r.at(1200);
    for (let i = 0; i < 50; i++) r.rec.outbound({ event: 'media', payload: frame(C) });
    r.rec.outbound({ event: 'mark', name: 'm2' });
    for (let ms = 1200; ms < 1500; ms += 20) r.caller(ms, A);
    r.at(1500);
    r.rec.outbound({ event: 'clear' });
    r.rec.inbound({ event: 'mark', mark: { name: 'm2' } } as MediaFrame); // Twilio echoes cleared marks at once
    for (let ms = 1500; ms < 2000; ms += 20) r.caller(ms, A);
    r.at(2000);
    r.rec.close();
    r.rec.close();
    expect(r.closedCount()).toBe(1);

    const { left, right } = r.channels();
    expect(left.length).toBe(2000 * 8);
    expect(span(left, 0, 2000)).toEqual([level(A)]);
    expect(span(right, 0, 500)).toEqual([0]);
    expect(span(right, 500, 1000)).toEqual([level(B)]);
    expect(span(right, 1000, 1200)).toEqual([0]);
    expect(span(right, 1200, 1500)).toEqual([level(C)]);
    expect(span(right, 1500, 2000)).toEqual([0]);
    // Handed over in batches (about a second each), not per frame.
    expect(r.chunks.length).toBeLessThanOrEqual(3);
  });

  it('queues agent audio sent faster than real time behind what is still playing', () => {
    const r = rig();
    r.at(0);
    for (let i = 0; i < 10; i++) r.rec.outbound({ event: 'media', payload: frame(4000) }); // 0..200
    r.at(100);
    for (let i = 0; i < 10; i++) r.rec.outbound({ event: 'media', payload: frame(-4000) }); // queued: 200..400
    for (let ms = 0; ms < 600; ms += 20) r.caller(ms, 0);
    r.rec.close();
    const { right } = r.channels();
    expect(span(right, 0, 200)).toEqual([level(4000)]);
    expect(span(right, 200, 400)).toEqual([level(-4000)]);
    expect(span(right, 400, 600)).toEqual([0]);
  });

  it('writes a WAV whose header is valid as it grows, and repairs one cut by a crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agentline-wav-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'a.wav');
    const w = new WavFileWriter(path);
    w.append(Buffer.alloc(32_000, 1));
    w.append(Buffer.alloc(32_000, 2));
    const done = await w.finish();
    expect(done).toEqual({ dataBytes: 64_000, sizeBytes: 64_044, durationSeconds: 2 });
    const file = readFileSync(path);
    expect(file.readUInt32LE(4)).toBe(36 + 64_000);
    expect(file.readUInt32LE(40)).toBe(64_000);
    expect(file.readUInt16LE(22)).toBe(2);

    // A crash: the header still says 0 bytes and the last sample frame is half written.
    const cut = Buffer.concat([file.subarray(0, 44), Buffer.alloc(8002, 3)]);
    cut.writeUInt32LE(36, 4);
    cut.writeUInt32LE(0, 40);
    writeFileSync(path, cut);
    const repaired = await repairWav(path);
    expect(repaired).toEqual({ dataBytes: 8000, sizeBytes: 8044, durationSeconds: 0.25 });
    const fixed = readFileSync(path);
    expect(fixed.length).toBe(8044);
    expect(fixed.readUInt32LE(40)).toBe(8000);
    expect(fixed.readUInt32LE(4)).toBe(8036);
  });
});

describe('the call recorder, given odd streams', () => {
  it('does not believe a timestamp far in the future, and keeps going when caller frames stop', () => {
    const r = rig();
    r.caller(0, 1000);
    r.caller(20, 1000);
    r.caller(40, 1000);
    // A frame claiming to be ~31 years in: placed right after the last one instead.
    r.at(60);
    r.rec.inbound({ event: 'media', media: { timestamp: '999999999999', payload: frame(2000).toString('base64') } } as MediaFrame);
    // Then only the agent talks for 5 s: the file moves on without caller audio.
    for (let ms = 80; ms < 5080; ms += 20) {
      r.at(ms);
      r.rec.outbound({ event: 'media', payload: frame(3000) });
    }
    expect(Buffer.concat(r.chunks).length).toBeGreaterThan(2 * 32_000); // handed over as it went
    r.rec.close();
    const { left, right } = r.channels();
    expect(left.length).toBeLessThan(6 * 8000);
    expect(span(left, 60, 80)).toEqual([level(2000)]);
    expect(span(left, 80, 5000)).toEqual([0]);
    expect(span(right, 80, 5000)).toEqual([level(3000)]);
  });
});

describe('the call recorder over a slow network', () => {
  it('learns the round trip from mark echoes: later replies and a clear land where the caller heard them', () => {
    // Twilio's clock is the wall clock; every message takes 50 ms each way.
    const L = 50;
    const r = rig(L); // `start` took a hop too
    const callerAt = (ms: number) => {
      r.at(ms + L); // stamped ms, arrives a hop later
      r.rec.inbound({ event: 'media', media: { timestamp: String(ms), payload: frame(0).toString('base64') } } as MediaFrame);
    };
    for (let ms = 0; ms < 1000; ms += 20) callerAt(ms);
    // Reply 1, sent at wall 1000: Twilio plays it 1050..1550 and echoes at 1550, arriving 1600.
    r.at(1000);
    for (let i = 0; i < 25; i++) r.rec.outbound({ event: 'media', payload: frame(5000) });
    r.rec.outbound({ event: 'mark', name: 'a' });
    for (let ms = 1000; ms < 1550; ms += 20) callerAt(ms);
    r.at(1550 + L);
    r.rec.inbound({ event: 'mark', mark: { name: 'a' } } as MediaFrame);
    // Reply 2, sent at wall 2000: plays from 2050; the clear sent at 2300 reaches Twilio at 2350.
    for (let ms = 1560; ms < 1950; ms += 20) callerAt(ms);
    r.at(2000);
    for (let i = 0; i < 50; i++) r.rec.outbound({ event: 'media', payload: frame(-5000) });
    for (let ms = 1960; ms < 2250; ms += 20) callerAt(ms);
    r.at(2300);
    r.rec.outbound({ event: 'clear' });
    for (let ms = 2260; ms < 3000; ms += 20) callerAt(ms);
    r.rec.close();

    const { right } = r.channels();
    // Before any echo the round trip is unknown: reply 1 sits one hop early (950..1450 on the
    // caller's timeline instead of 1050..1550).
    expect(span(right, 950, 1450)).toEqual([level(5000)]);
    // Reply 2 is where Twilio played it, cut where the clear arrived.
    expect(span(right, 1450, 2050)).toEqual([0]);
    expect(span(right, 2050, 2350)).toEqual([level(-5000)]);
    expect(span(right, 2350, 3000)).toEqual([0]);
  });
});
