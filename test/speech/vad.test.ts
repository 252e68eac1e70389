import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BargeInDetector } from '../../src/speech/vad/barge-in.js';
import { EnergyGatedVad, EnergyVad } from '../../src/speech/vad/energy-vad.js';
import { type EndpointEvent, SilenceEndpointer } from '../../src/speech/vad/endpointer.js';
import { SileroVadModel } from '../../src/speech/vad/silero-vad.js';
import type { Vad, VadWindow } from '../../src/speech/vad/vad.js';
import { VoiceActivity } from '../../src/speech/vad/voice-activity.js';
import { fixtureMulaw, frames } from '../helpers/audio-fixtures.js';

// The real Silero model on the committed fixtures, fed as Twilio would: 20 ms μ-law frames.
// Every assertion is about audio time (window counts), never about how long anything took.

interface Run {
  windows: VadWindow[];
  events: EndpointEvent[];
  bargeIns: number[];
  modelWindows: number;
  gatedWindows: number;
}

async function feed(vad: Vad, mulaw: Buffer, opts: { endpointingMs?: number; bargeInMs?: number } = {}): Promise<Run> {
  const gated = new EnergyGatedVad(vad);
  const activity = new VoiceActivity(gated);
  const endpointer = new SilenceEndpointer({ endpointingMs: opts.endpointingMs });
  const bargeIn = new BargeInDetector({ bargeInMs: opts.bargeInMs });
  const run: Run = { windows: [], events: [], bargeIns: [], modelWindows: 0, gatedWindows: 0 };
  for (const frame of frames(mulaw)) {
    for (const window of await activity.pushMulaw(frame)) {
      run.windows.push(window);
      run.events.push(...endpointer.push(window));
      if (bargeIn.push(window)) run.bargeIns.push(window.endMs);
    }
  }
  run.modelWindows = gated.modelWindows;
  run.gatedWindows = gated.gatedWindows;
  return run;
}

const speechMs = (run: Run) => run.windows.filter((w) => w.speech).reduce((ms, w) => ms + (w.endMs - w.startMs), 0);
const silence = (ms: number) => Buffer.alloc(ms * 8, 0xff);

describe('Silero VAD on real audio', () => {
  let model: SileroVadModel;
  beforeAll(async () => {
    model = await SileroVadModel.load({ sampleRate: 8000 });
  });
  afterAll(() => model.close());

  it('detects both utterances as speech that starts a turn', async () => {
    for (const name of ['hello.wav', 'second.ulaw']) {
      const run = await feed(model.createStream(), fixtureMulaw(name));
      expect(speechMs(run), name).toBeGreaterThan(1500);
      expect(run.events[0], name).toMatchObject({ type: 'speech_started' });
      // The fixtures start with 300 ms of silence: speech is found within a few windows of it.
      expect((run.events[0] as { atMs: number }).atMs, name).toBeGreaterThanOrEqual(200);
      expect((run.events[0] as { atMs: number }).atMs, name).toBeLessThan(500);
    }
  });

  it('never runs the model on digital silence (the energy gate answers alone)', async () => {
    const run = await feed(model.createStream(), fixtureMulaw('silence.ulaw'));
    expect(run.windows.length).toBe(62); // 2 s of 32 ms windows
    expect(run.modelWindows).toBe(0);
    expect(run.gatedWindows).toBe(62);
    expect(speechMs(run)).toBe(0);
    expect(run.events).toEqual([]);
  });

  it('does not mistake low-level white or pink line noise for speech', async () => {
    for (const name of ['white-noise.ulaw', 'pink-noise.ulaw']) {
      const run = await feed(model.createStream(), fixtureMulaw(name));
      expect(speechMs(run), name).toBe(0);
      expect(run.events, name).toEqual([]);
    }
  });

  it('a cough or a short "mm" while the agent talks is not a barge-in at barge_in_ms 250', async () => {
    for (const name of ['cough.ulaw', 'mm.ulaw']) {
      const run = await feed(model.createStream(), fixtureMulaw(name), { bargeInMs: 250 });
      expect(run.bargeIns, name).toEqual([]);
      expect(speechMs(run), name).toBeLessThan(250);
    }
  });

  it('real speech during playback is a barge-in, once, 250 ms of audio after it starts', async () => {
    const run = await feed(model.createStream(), fixtureMulaw('second.ulaw'), { bargeInMs: 250 });
    const started = (run.events[0] as { atMs: number }).atMs;
    expect(run.bargeIns.length).toBeGreaterThanOrEqual(1);
    expect(run.bargeIns[0]! - started).toBeGreaterThanOrEqual(250);
    expect(run.bargeIns[0]! - started).toBeLessThan(250 + 3 * 32);
  });

  it('barge_in_ms 0 turns barge-in off', async () => {
    const run = await feed(model.createStream(), fixtureMulaw('second.ulaw'), { bargeInMs: 0 });
    expect(run.bargeIns).toEqual([]);
  });

  it('ends the turn endpointing_ms of audio after the last speech, for 500 and 1200 ms', async () => {
    for (const endpointingMs of [500, 1200]) {
      const run = await feed(model.createStream(), fixtureMulaw('speech-then-silence.ulaw'), { endpointingMs });
      const ended = run.events.filter((e) => e.type === 'turn_ended');
      expect(ended, `endpointing ${endpointingMs}`).toHaveLength(1);
      const end = ended[0] as Extract<EndpointEvent, { type: 'turn_ended' }>;
      // The words end about 2.7 s in; the turn ends within one window of the endpointing delay.
      expect(end.speechEndMs).toBeGreaterThan(2300);
      expect(end.speechEndMs).toBeLessThan(3000);
      expect(end.atMs - end.speechEndMs).toBeGreaterThanOrEqual(endpointingMs);
      expect(end.atMs - end.speechEndMs).toBeLessThan(endpointingMs + 32);
    }
  });

  it('keeps pauses between words inside one turn', async () => {
    const run = await feed(model.createStream(), Buffer.concat([fixtureMulaw('hello.wav'), silence(800)]));
    expect(run.events.map((e) => e.type)).toEqual(['speech_started', 'turn_ended']);
  });

  it('keeps recurrent state per stream: two interleaved calls get the answers each gets alone', async () => {
    const a = fixtureMulaw('hello.wav');
    const b = fixtureMulaw('second.ulaw');
    const judgeAlone = async (mulaw: Buffer) => {
      const activity = new VoiceActivity(model.createStream());
      const out: VadWindow[] = [];
      for (const frame of frames(mulaw)) out.push(...(await activity.pushMulaw(frame)));
      return out;
    };
    const alone = [await judgeAlone(a), await judgeAlone(b)];
    const streams = [new VoiceActivity(model.createStream()), new VoiceActivity(model.createStream())];
    const together: VadWindow[][] = [[], []];
    const framesA = [...frames(a)];
    const framesB = [...frames(b)];
    for (let i = 0; i < Math.max(framesA.length, framesB.length); i++) {
      const [wa, wb] = await Promise.all([
        framesA[i] ? streams[0]!.pushMulaw(framesA[i]!) : [],
        framesB[i] ? streams[1]!.pushMulaw(framesB[i]!) : [],
      ]);
      together[0]!.push(...wa);
      together[1]!.push(...wb);
    }
    expect(together).toEqual(alone);
  });

  it('also runs at 16 kHz, fed 8 kHz audio through the resampler', async () => {
    const model16 = await SileroVadModel.load({ sampleRate: 16000 });
    try {
      const activity = new VoiceActivity(model16.createStream(), { inputRate: 8000 });
      const windows: VadWindow[] = [];
      for (const frame of frames(fixtureMulaw('hello.wav'))) windows.push(...(await activity.pushMulaw(frame)));
      expect(windows[0]!.endMs - windows[0]!.startMs).toBe(32);
      expect(windows.filter((w) => w.speech).length * 32).toBeGreaterThan(1500);
    } finally {
      await model16.close();
    }
  });

  it('feedMulaw judges the same windows as pushMulaw, the gated ones before it returns', async () => {
    // Speech, silence and speech again: windows go to the model, come back at once, go again.
    const mulaw = Buffer.concat([fixtureMulaw('hello.wav'), silence(1000), fixtureMulaw('second.ulaw')]);
    const pushed: VadWindow[] = [];
    const promised = new VoiceActivity(new EnergyGatedVad(model.createStream()));
    for (const frame of frames(mulaw)) pushed.push(...(await promised.pushMulaw(frame)));

    const fed: VadWindow[] = [];
    let failures = 0;
    let atOnce = 0;
    const activity = new VoiceActivity(new EnergyGatedVad(model.createStream()));
    const reused = Buffer.alloc(160);
    for (const frame of frames(mulaw)) {
      frame.copy(reused); // the leg decodes every frame into one buffer
      let now = true;
      activity.feedMulaw(reused.subarray(0, frame.length), {
        windows: (w) => {
          if (now) atOnce += w.length;
          fed.push(...w);
        },
        failed: () => failures++,
      });
      now = false;
      await new Promise((resolve) => setImmediate(resolve)); // the model answers on a later turn
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(failures).toBe(0);
    expect(fed).toEqual(pushed);
    expect(atOnce).toBeGreaterThan(25); // the second of silence, at least
    expect(atOnce).toBeLessThan(fed.length);
  });

  it('rejects a window of the wrong size', async () => {
    await expect(model.createStream().speechProbability(new Int16Array(100))).rejects.toThrow(/256-sample/);
  });
});

describe('endpointing and barge-in state machines (energy-only VAD)', () => {
  const window = (i: number, speech: boolean): VadWindow => ({ startMs: i * 32, endMs: (i + 1) * 32, probability: speech ? 1 : 0, speech });
  const pattern = (p: string) => [...p].map((c, i) => window(i, c === '#'));

  it('needs two speech windows in a row to start speech', () => {
    const endpointer = new SilenceEndpointer();
    const events = pattern('..#.#..##').flatMap((w) => endpointer.push(w));
    expect(events).toEqual([{ type: 'speech_started', atMs: 7 * 32 }]);
  });

  it('validates endpointing_ms (100–3000) and barge_in_ms (0–3000)', () => {
    expect(() => new SilenceEndpointer({ endpointingMs: 99 })).toThrow(/100–3000/);
    expect(() => new SilenceEndpointer({ endpointingMs: 3001 })).toThrow(RangeError);
    expect(() => new BargeInDetector({ bargeInMs: -1 })).toThrow(/0–3000/);
    expect(new SilenceEndpointer().endpointingMs).toBe(500);
    expect(new BargeInDetector().bargeInMs).toBe(250);
  });

  it('barge-in survives a one-window dip but a longer gap starts over', () => {
    const detector = new BargeInDetector({ bargeInMs: 250 });
    expect(pattern('####.####').map((w) => detector.push(w)).indexOf(true)).toBe(7); // 8 × 32 = 256 ms
    detector.reset();
    expect(pattern('.....####....####').some((w) => detector.push(w))).toBe(false);
  });

  it('the energy gate keeps the model from running on silence at all', async () => {
    let runs = 0;
    const counting: Vad = {
      sampleRate: 8000,
      windowSamples: 256,
      speechProbability: (w) => {
        runs++;
        return new EnergyVad().speechProbability(w);
      },
      reset: () => {},
    };
    const activity = new VoiceActivity(new EnergyGatedVad(counting));
    await activity.push(new Int16Array(8000));
    expect(runs).toBe(0);
    await activity.push(Int16Array.from({ length: 2560 }, (_, i) => (i % 2 ? 8000 : -8000)));
    expect(runs).toBe(10);
  });

  it('feedMulaw keeps stream order when the model is slow, and a sink that throws stops nothing', async () => {
    // Loud windows wait 5 ms for a "model"; the quiet ones behind them must not overtake them.
    const slow: Vad = {
      sampleRate: 8000,
      windowSamples: 256,
      speechProbability: (w) => new Promise((resolve) => setTimeout(() => resolve(new EnergyVad().judgeNow(w)), 5)),
      reset: () => {},
    };
    const gate = new EnergyGatedVad(slow);
    const activity = new VoiceActivity(gate);
    const got: VadWindow[] = [];
    const failures: unknown[] = [];
    let throwOnce = true;
    const sink = {
      windows: (w: VadWindow[]) => {
        got.push(...w);
        if (throwOnce && w.length > 0) {
          throwOnce = false;
          throw new Error('a consumer bug');
        }
      },
      failed: (err: unknown) => failures.push(err),
    };
    const loud = Buffer.from(Array.from({ length: 160 }, (_, i) => (i % 2 ? 0x10 : 0x90)));
    const quiet = Buffer.alloc(160, 0xff);
    const pattern = [quiet, quiet, quiet, loud, loud, loud, quiet, quiet, quiet, quiet, loud, quiet, quiet, quiet, quiet, quiet];
    for (const frame of pattern) activity.feedMulaw(frame, sink);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(got.map((w) => w.startMs)).toEqual(Array.from({ length: 10 }, (_, i) => i * 32)); // 16 × 20 ms = 10 windows, in order
    expect(failures).toHaveLength(1);
    expect(gate.modelWindows).toBeGreaterThan(2);
    // Nothing is left in flight: the next quiet window is answered before feedMulaw returns.
    let now = 0;
    activity.feedMulaw(Buffer.concat([quiet, quiet]), { windows: (w) => (now += w.length), failed: () => {} });
    expect(now).toBe(1);
  });

  it('an energy-only VAD drives the same endpointer (swappable for tests)', async () => {
    const activity = new VoiceActivity(new EnergyVad());
    const endpointer = new SilenceEndpointer({ endpointingMs: 300 });
    const loud = Int16Array.from({ length: 8000 }, (_, i) => Math.round(6000 * Math.sin(i / 3)));
    const events = [...(await activity.push(loud)), ...(await activity.push(new Int16Array(4000)))].flatMap((w) => endpointer.push(w));
    expect(events.map((e) => e.type)).toEqual(['speech_started', 'turn_ended']);
  });
});
