import { FrameSlicer } from './frame-slicer.js';
import { encodeMulaw } from './mulaw.js';
import { pcm16FromBytes } from './pcm16.js';
import { Resampler } from './resampler.js';

// The outbound audio path in one place: TTS PCM16 bytes (24 kHz by default, chunks of any size)
// → low-passed 8 kHz → μ-law → whole 160-byte frames for Twilio. One instance per clause or per
// call; `end()` closes a clause (drains the filter, pads the last frame), `clear()` forgets
// everything after a barge-in.

export class PhoneAudioEncoder {
  private readonly resampler: Resampler;
  private readonly slicer = new FrameSlicer();
  private oddByte: Buffer | undefined;

  constructor(readonly inputRate = 24_000) {
    this.resampler = new Resampler(inputRate, 8000);
  }

  push(pcm: Uint8Array): Buffer[] {
    let bytes = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
    if (this.oddByte) bytes = Buffer.concat([this.oddByte, bytes]);
    const even = bytes.length - (bytes.length % 2);
    this.oddByte = even < bytes.length ? Buffer.from(bytes.subarray(even)) : undefined;
    if (even === 0) return [];
    return this.slicer.push(encodeMulaw(this.resampler.push(pcm16FromBytes(bytes.subarray(0, even)))));
  }

  /** The clause's remaining audio, as whole frames; the encoder is ready for the next clause. */
  end(): Buffer[] {
    this.oddByte = undefined;
    return [...this.slicer.push(encodeMulaw(this.resampler.flush())), ...this.slicer.flush()];
  }

  clear(): void {
    this.oddByte = undefined;
    this.resampler.reset();
    this.slicer.clear();
  }
}
