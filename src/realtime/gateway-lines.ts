import { PhoneAudioEncoder } from '../media/tts-to-phone.js';
import type { TextToSpeech } from '../speech/tts/text-to-speech.js';

// The lines the gateway itself says on a speech-to-speech call: the number's first_message, the
// API's `say`, goodbyes (credits, failures), a tool's closing line. They must be heard exactly
// as written, which a model asked to repeat a sentence does not guarantee, so they are not the
// model's: a line with shipped audio (media/*.ulaw) plays that, any other is synthesized by the
// speech endpoint (AGENTLINE_SPEECH_*) in the number's voice, the same voice names the Realtime
// model speaks with. The model is then told the line was said (an assistant message item).

export interface LineAudioSource {
  /** Shipped μ-law of exactly this line, if any. */
  shipped(text: string): Buffer | undefined;
  tts: TextToSpeech;
  voice: string;
}

/** The line's audio as whole 160-byte μ-law frames, streamed as synthesized. Throws on TTS failure. */
export async function* lineFrames(source: LineAudioSource, text: string, signal: AbortSignal): AsyncGenerator<Buffer[]> {
  const shipped = source.shipped(text);
  if (shipped) {
    yield splitFrames(shipped);
    return;
  }
  const encoder = new PhoneAudioEncoder(source.tts.sampleRate);
  for await (const pcm of source.tts.stream(text, { voice: source.voice, signal })) {
    const frames = encoder.push(pcm);
    if (frames.length) yield frames;
  }
  const rest = encoder.end();
  if (rest.length) yield rest;
}

export function splitFrames(mulaw: Buffer, frameBytes = 160): Buffer[] {
  const frames: Buffer[] = [];
  for (let at = 0; at < mulaw.length; at += frameBytes) frames.push(mulaw.subarray(at, Math.min(mulaw.length, at + frameBytes)));
  return frames;
}
