import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

// A two-channel 16-bit PCM WAV written as the call goes: a 44-byte header, then `data` appended
// in batches off the audio path (one async write per batch, never synchronous I/O). Every
// `SIZES_EVERY` batches (about 5 s of a call) the header's two sizes are rewritten, so the file on
// disk is always a valid WAV of nearly all it holds (two more writes per batch were a third of a
// recorded call's file work); `finish` writes the final sizes, and `repairWav` fixes a file cut
// by a crash.
//
// Format: PCM (format 1), 16 bits, 8 kHz: μ-law decoded, because every player and editor reads
// 16-bit PCM, while μ-law WAV (format 7) is refused by some (browsers' <audio> among them).

export const SAMPLE_RATE = 8000;
export const CHANNELS = 2;
export const BYTES_PER_FRAME = CHANNELS * 2;
export const HEADER_BYTES = 44;
const SIZES_EVERY = 5;

export function wavHeader(dataBytes: number, channels = CHANNELS, sampleRate = SAMPLE_RATE): Buffer {
  const h = Buffer.alloc(HEADER_BYTES);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + dataBytes, 4);
  h.write('WAVE', 8, 'ascii');
  h.write('fmt ', 12, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(channels, 22);
  h.writeUInt32LE(sampleRate, 24);
  h.writeUInt32LE(sampleRate * channels * 2, 28);
  h.writeUInt16LE(channels * 2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(dataBytes, 40);
  return h;
}

const sizes = (dataBytes: number) => {
  const riff = Buffer.alloc(4);
  riff.writeUInt32LE(36 + dataBytes, 0);
  const data = Buffer.alloc(4);
  data.writeUInt32LE(dataBytes, 0);
  return { riff, data };
};

export interface WavFileResult {
  dataBytes: number;
  sizeBytes: number;
  durationSeconds: number;
}

export const durationOf = (dataBytes: number) => Math.round((dataBytes / BYTES_PER_FRAME / SAMPLE_RATE) * 1000) / 1000;

export class WavFileWriter {
  private file: FileHandle | null = null;
  private chain: Promise<void>;
  private queued: Buffer[] = [];
  private writing = false;
  private dataBytes = 0;
  private batches = 0;
  private failed: unknown = null;

  constructor(readonly path: string) {
    this.chain = (async () => {
      await mkdir(dirname(path), { recursive: true });
      this.file = await open(path, 'w');
      await this.file.write(wavHeader(0), 0, HEADER_BYTES, 0);
    })().catch((err: unknown) => {
      this.failed = err;
    });
  }

  /** The first error, if a write failed (the recording is then lost, the call is not). */
  get error(): unknown {
    return this.failed;
  }

  /** Queues PCM bytes; written in the background, in order. */
  append(bytes: Buffer): void {
    if (bytes.length === 0 || this.failed) return;
    this.queued.push(bytes);
    if (!this.writing) this.drain();
  }

  /** Everything queued is on disk and the header says so; the file is closed. */
  async finish(): Promise<WavFileResult> {
    if (!this.writing && this.queued.length > 0) this.drain();
    for (let c = this.chain; ; c = this.chain) {
      await c;
      if (c === this.chain) break;
    }
    const file = this.file;
    this.file = null;
    if (file) {
      try {
        if (!this.failed) await this.writeSizes(file);
      } catch (err) {
        this.failed ??= err;
      } finally {
        await file.close().catch(() => {});
      }
    }
    if (this.failed) throw this.failed;
    return { dataBytes: this.dataBytes, sizeBytes: HEADER_BYTES + this.dataBytes, durationSeconds: durationOf(this.dataBytes) };
  }

  private drain(): void {
    this.writing = true;
    this.chain = this.chain.then(async () => {
      try {
        while (this.queued.length > 0 && !this.failed && this.file) {
          const batch = Buffer.concat(this.queued.splice(0));
          await this.file.write(batch, 0, batch.length, HEADER_BYTES + this.dataBytes);
          this.dataBytes += batch.length;
          if (++this.batches % SIZES_EVERY === 0) await this.writeSizes(this.file);
        }
      } catch (err) {
        this.failed ??= err;
      } finally {
        this.writing = false;
      }
    });
  }

  private async writeSizes(file: FileHandle): Promise<void> {
    const { riff, data } = sizes(this.dataBytes);
    await file.write(riff, 0, 4, 4);
    await file.write(data, 0, 4, 40);
  }
}

/**
 * Makes a file cut by a crash a valid WAV: the data is what the file holds after the header,
 * down to whole sample frames; the header is rewritten to say so. A file too short to hold its
 * header gets a fresh header and no audio.
 */
export async function repairWav(path: string): Promise<WavFileResult> {
  const file = await open(path, 'r+');
  try {
    const { size } = await file.stat();
    let dataBytes = Math.max(0, size - HEADER_BYTES);
    dataBytes -= dataBytes % BYTES_PER_FRAME;
    if (size < HEADER_BYTES) await file.truncate(0);
    else await file.truncate(HEADER_BYTES + dataBytes);
    await file.write(wavHeader(dataBytes), 0, HEADER_BYTES, 0);
    await file.sync();
    return { dataBytes, sizeBytes: HEADER_BYTES + dataBytes, durationSeconds: durationOf(dataBytes) };
  } finally {
    await file.close();
  }
}
