// Micro-benchmark of the caller-audio path per 20 ms Twilio frame: μ-law decode, windowing,
// the energy gate and (when a window is loud enough) Silero. Prints figures, asserts nothing.
// Also the outbound path: 20 ms of 24 kHz TTS audio → 8 kHz μ-law frames.
//   npx tsx bench/vad-bench.ts [seconds-of-audio-per-case]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeMulaw } from '../src/media/mulaw.js';
import { PhoneAudioEncoder } from '../src/media/tts-to-phone.js';
import { readWav } from '../src/media/wav.js';
import { EnergyGatedVad } from '../src/speech/vad/energy-vad.js';
import { SileroVadModel } from '../src/speech/vad/silero-vad.js';
import { VoiceActivity } from '../src/speech/vad/voice-activity.js';

const seconds = Number(process.argv[2] ?? 30);
const audio = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/audio/${name}`, import.meta.url)));

function loop(clip: Buffer): Buffer[] {
  const frames: Buffer[] = [];
  for (let n = 0; frames.length < seconds * 50; n++) {
    const at = (n * 160) % (clip.length - (clip.length % 160));
    frames.push(clip.subarray(at, at + 160));
  }
  return frames;
}

async function perFrame(label: string, model: SileroVadModel, frames: Buffer[]): Promise<void> {
  const gated = new EnergyGatedVad(model.createStream());
  const activity = new VoiceActivity(gated);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const frame of frames) await activity.pushMulaw(frame);
  const wallUs = ((performance.now() - t0) * 1000) / frames.length;
  const cpu = process.cpuUsage(cpu0);
  const cpuUs = (cpu.user + cpu.system) / frames.length;
  console.log(
    `${label.padEnd(28)} ${wallUs.toFixed(1).padStart(8)} µs/frame wall ${cpuUs.toFixed(1).padStart(8)} µs/frame CPU` +
      `   model ran on ${gated.modelWindows}/${gated.modelWindows + gated.gatedWindows} windows`,
  );
}

const model = await SileroVadModel.load({ sampleRate: 8000 });
await perFrame('warm-up', model, loop(audio('second.ulaw')).slice(0, 500));
console.log(`caller audio, ${seconds} s per case (${seconds * 50} frames of 20 ms):`);
await perFrame('silence (digital)', model, loop(audio('silence.ulaw')));
await perFrame('line noise (-50 dBFS peak)', model, loop(Buffer.concat([audio('speech-then-silence.ulaw').subarray(-8000)])));
await perFrame('speech', model, loop(encodeMulaw(readWav(audio('hello.wav')).samples)));
await perFrame('white noise (-49 dBFS rms)', model, loop(audio('white-noise.ulaw')));
await model.close();

const pcm = Buffer.alloc(24_000 * 2 * seconds);
for (let i = 0; i < pcm.length / 2; i++) pcm.writeInt16LE(Math.round(8000 * Math.sin(i / 9)), i * 2);
for (const label of ['agent audio (warm-up)', 'agent audio: 24 kHz PCM → μ-law']) {
  const encoder = new PhoneAudioEncoder();
  const cpu0 = process.cpuUsage();
  let frames = 0;
  for (let at = 0; at < pcm.length; at += 4800) frames += encoder.push(pcm.subarray(at, at + 4800)).length;
  frames += encoder.end().length;
  const cpu = process.cpuUsage(cpu0);
  console.log(`${label.padEnd(34)} ${((cpu.user + cpu.system) / frames).toFixed(1).padStart(8)} µs/frame CPU (${frames} frames)`);
}
