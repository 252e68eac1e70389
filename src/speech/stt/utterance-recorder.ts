import { decodeMulaw } from '../../media/mulaw.js';
import { Resampler } from '../../media/resampler.js';
import { writeWav } from '../../media/wav.js';

// Keeps the caller's recent audio (as the μ-law bytes Twilio sent: 8 bytes per ms) so that when
// the endpointer says a turn ended, the utterance can be cut out and sent to STT as a WAV. The
// clip starts `preRollMs` before detected speech (VAD onsets are a window late and soft
// consonants are quiet) and keeps `trailingMs` after it, dropping the endpointing silence
// that would only make the upload bigger and the transcription slower.

export interface UtteranceRecorderOptions {
  preRollMs?: number;
  trailingMs?: number;
  /** Audio kept at most; an utterance longer than this keeps its end. Bounds memory per call. */
  maxMs?: number;
  /** Sample rate of the WAV for STT. Default 16000 (upsampled, low-passed). */
  wavRate?: number;
}

export class UtteranceRecorder {
  private readonly preRollMs: number;
  private readonly trailingMs: number;
  private readonly maxBytes: number;
  private readonly wavRate: number;
  private chunks: Buffer[] = [];
  private bufferedBytes = 0;
  /** Stream byte offset (= ms × 8) of the first byte still kept. */
  private startByte = 0;

  constructor(options: UtteranceRecorderOptions = {}) {
    this.preRollMs = options.preRollMs ?? 200;
    this.trailingMs = options.trailingMs ?? 150;
    this.maxBytes = (options.maxMs ?? 30_000) * 8;
    this.wavRate = options.wavRate ?? 16_000;
  }

  /** Caller audio in stream order: every inbound frame, speech or not. */
  push(mulaw: Uint8Array): void {
    this.chunks.push(Buffer.from(mulaw));
    this.bufferedBytes += mulaw.length;
    while (this.bufferedBytes - this.chunks[0]!.length >= this.maxBytes) {
      const dropped = this.chunks.shift()!;
      this.bufferedBytes -= dropped.length;
      this.startByte += dropped.length;
    }
  }

  /** 16-bit PCM mono WAV of the utterance between the two stream times, with the margins. */
  utteranceWav(speechStartMs: number, speechEndMs: number): Buffer {
    const all = Buffer.concat(this.chunks);
    this.chunks = [all];
    const from = Math.max(this.startByte, Math.round((speechStartMs - this.preRollMs) * 8));
    const to = Math.min(this.startByte + all.length, Math.round((speechEndMs + this.trailingMs) * 8));
    const mulaw = all.subarray(Math.max(0, from - this.startByte), Math.max(0, to - this.startByte));
    const samples = Resampler.convert(decodeMulaw(mulaw), 8000, this.wavRate);
    return writeWav({ sampleRate: this.wavRate, samples });
  }

  /**
   * Drops the whole frames that end before `ms` (cheap enough for every VAD window: no copy).
   * Audio from `ms` on is kept, and a little before it, up to one frame.
   */
  dropBefore(ms: number): void {
    const cut = Math.round(ms * 8);
    let dropped = 0;
    while (dropped < this.chunks.length - 1 && this.startByte + this.chunks[dropped]!.length <= cut) {
      this.startByte += this.chunks[dropped]!.length;
      this.bufferedBytes -= this.chunks[dropped]!.length;
      dropped++;
    }
    if (dropped > 0) this.chunks.splice(0, dropped);
  }

  /** Drops audio before `ms` (a turn was taken; nothing before it is needed again). */
  discardBefore(ms: number): void {
    const all = Buffer.concat(this.chunks);
    const cut = Math.min(all.length, Math.max(0, Math.round(ms * 8) - this.startByte));
    this.chunks = [all.subarray(cut)];
    this.bufferedBytes = all.length - cut;
    this.startByte += cut;
  }
}
