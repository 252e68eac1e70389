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
  /**
   * The kept audio is buf[head, tail), one contiguous run: a frame is copied in at `tail`, old
   * audio is dropped by moving `head`. When `tail` reaches the end, the kept audio is moved back
   * to the start (or into a buffer twice its size once it fills more than half), so a frame
   * costs one copy of its own bytes and nothing is allocated per frame.
   */
  private buf: Buffer = Buffer.alloc(0);
  private head = 0;
  private tail = 0;
  /** Stream byte offset (= ms × 8) of buf[head], the first byte still kept. */
  private startByte = 0;

  constructor(options: UtteranceRecorderOptions = {}) {
    this.preRollMs = options.preRollMs ?? 200;
    this.trailingMs = options.trailingMs ?? 150;
    this.maxBytes = (options.maxMs ?? 30_000) * 8;
    this.wavRate = options.wavRate ?? 16_000;
  }

  /** Caller audio in stream order: every inbound frame, speech or not (copied; the caller may reuse it). */
  push(mulaw: Uint8Array): void {
    let bytes = mulaw;
    if (bytes.length >= this.maxBytes) {
      // Only its last maxBytes can be kept: everything before goes.
      this.startByte += this.tail - this.head + bytes.length - this.maxBytes;
      this.head = this.tail = 0;
      bytes = bytes.subarray(bytes.length - this.maxBytes);
    }
    if (this.tail + bytes.length > this.buf.length) this.makeRoom(bytes.length);
    this.buf.set(bytes, this.tail);
    this.tail += bytes.length;
    const over = this.tail - this.head - this.maxBytes;
    if (over > 0) this.drop(over);
  }

  /** 16-bit PCM mono WAV of the utterance between the two stream times, with the margins. */
  utteranceWav(speechStartMs: number, speechEndMs: number): Buffer {
    const kept = this.tail - this.head;
    const from = Math.max(this.startByte, Math.round((speechStartMs - this.preRollMs) * 8));
    const to = Math.min(this.startByte + kept, Math.round((speechEndMs + this.trailingMs) * 8));
    const at = this.head + Math.max(0, from - this.startByte);
    const mulaw = this.buf.subarray(at, Math.max(at, this.head + Math.max(0, to - this.startByte)));
    const samples = Resampler.convert(decodeMulaw(mulaw), 8000, this.wavRate);
    return writeWav({ sampleRate: this.wavRate, samples });
  }

  /** Drops the audio before `ms`, keeping everything from `ms` on (cheap enough for every VAD window: no copy). */
  dropBefore(ms: number): void {
    const cut = Math.round(ms * 8) - this.startByte;
    if (cut > 0) this.drop(Math.min(cut, this.tail - this.head));
  }

  /** Drops audio before `ms` (a turn was taken; nothing before it is needed again). */
  discardBefore(ms: number): void {
    this.dropBefore(ms);
  }

  private drop(bytes: number): void {
    this.head += bytes;
    this.startByte += bytes;
    if (this.head === this.tail) this.head = this.tail = 0;
  }

  /** Room for `bytes` more at `tail`: the kept audio moved to the start, or into a bigger buffer. */
  private makeRoom(bytes: number): void {
    const kept = this.tail - this.head;
    const need = kept + bytes;
    // Moving in place is worth it while it frees at least half the buffer (each byte is moved a
    // bounded number of times), and always once the buffer holds maxBytes with room to spare.
    const largest = this.maxBytes + (this.maxBytes >> 1);
    if (need <= this.buf.length && (kept <= this.buf.length >> 1 || this.buf.length >= largest)) {
      this.buf.copyWithin(0, this.head, this.tail);
    } else {
      const next = Buffer.allocUnsafe(Math.max(need, Math.min(Math.max(need * 2, 4096), largest)));
      this.buf.copy(next, 0, this.head, this.tail);
      this.buf = next;
    }
    this.head = 0;
    this.tail = kept;
  }
}
