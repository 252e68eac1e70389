import { decodeMulaw } from './mulaw.js';
import { clampToInt16, pcm16ToBytes } from './pcm16.js';

// WAV (RIFF/WAVE) in and out. We write the plain 44-byte PCM16 mono header every speech API
// accepts. The reader takes what real tools write: chunks in any order (LIST, fact, PEAK before
// `data`), WAVE_FORMAT_EXTENSIBLE headers (sox, for more than 16 bits or 2 channels), and the
// "unknown length" sizes that tools streaming to a pipe leave in the header (espeak-ng
// --stdout, sox -t wav -). Several channels are mixed down to mono.

export interface WavAudio {
  sampleRate: number;
  /** Mono 16-bit samples. */
  samples: Int16Array;
}

export class WavFormatError extends Error {
  override readonly name = 'WavFormatError';
}

const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_MULAW = 7;
const FORMAT_EXTENSIBLE = 0xfffe;

export function writeWav({ sampleRate, samples }: WavAudio): Buffer {
  const data = pcm16ToBytes(samples);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(FORMAT_PCM, 20);
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

interface Format {
  code: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  blockAlign: number;
}

export function readWav(file: Uint8Array): WavAudio {
  const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') {
    throw new WavFormatError('not a WAV file (no RIFF/WAVE header)');
  }
  let format: Format | undefined;
  let offset = 12;
  while (offset + 8 <= buf.length) {
    const id = buf.toString('ascii', offset, offset + 4);
    const declared = buf.readUInt32LE(offset + 4);
    const bodyStart = offset + 8;
    if (id === 'fmt ') {
      format = parseFormat(buf.subarray(bodyStart, bodyStart + Math.min(declared, buf.length - bodyStart)));
    } else if (id === 'data') {
      if (!format) throw new WavFormatError('the data chunk comes before the fmt chunk');
      // A streamed file has 0 or 0xFFFFFFFF (or a guess) here: the data runs to the end of the file.
      const available = buf.length - bodyStart;
      const size = declared === 0 || declared > available ? available : declared;
      return decode(format, buf.subarray(bodyStart, bodyStart + size - (size % format.blockAlign)));
    }
    offset = bodyStart + declared + (declared % 2); // chunks are padded to an even size
  }
  throw new WavFormatError(format ? 'no data chunk' : 'no fmt chunk');
}

function parseFormat(body: Buffer): Format {
  if (body.length < 16) throw new WavFormatError('fmt chunk too short');
  let code = body.readUInt16LE(0);
  const channels = body.readUInt16LE(2);
  const sampleRate = body.readUInt32LE(4);
  const blockAlign = body.readUInt16LE(12);
  const bitsPerSample = body.readUInt16LE(14);
  if (code === FORMAT_EXTENSIBLE) {
    // The sub-format GUID starts with the plain format code.
    if (body.length < 26) throw new WavFormatError('WAVE_FORMAT_EXTENSIBLE header too short');
    code = body.readUInt16LE(24);
  }
  if (channels < 1 || sampleRate < 1 || blockAlign < 1) {
    throw new WavFormatError(`invalid fmt chunk (channels ${channels}, rate ${sampleRate}, block ${blockAlign})`);
  }
  return { code, channels, sampleRate, bitsPerSample, blockAlign };
}

function decode(format: Format, data: Buffer): WavAudio {
  const { code, channels, bitsPerSample, blockAlign, sampleRate } = format;
  const bytesPerSample = blockAlign / channels;
  let read: (at: number) => number;
  if (code === FORMAT_PCM && bitsPerSample === 16) read = (at) => data.readInt16LE(at);
  else if (code === FORMAT_PCM && bitsPerSample === 8) read = (at) => (data[at]! - 128) << 8;
  else if (code === FORMAT_PCM && bitsPerSample === 24) read = (at) => data.readIntLE(at, 3) >> 8;
  else if (code === FORMAT_PCM && bitsPerSample === 32) read = (at) => data.readInt32LE(at) / 65536;
  else if (code === FORMAT_FLOAT && bitsPerSample === 32) read = (at) => data.readFloatLE(at) * 32767;
  else if (code === FORMAT_MULAW && bitsPerSample === 8) {
    const table = decodeMulaw(Uint8Array.from({ length: 256 }, (_, i) => i));
    read = (at) => table[data[at]!]!;
  } else {
    throw new WavFormatError(`unsupported WAV encoding (format ${code}, ${bitsPerSample} bits); use 16-bit PCM`);
  }
  if (bytesPerSample * 8 < bitsPerSample) throw new WavFormatError('block align too small for the sample size');
  const frames = Math.floor(data.length / blockAlign);
  const samples = new Int16Array(frames);
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += read(f * blockAlign + c * bytesPerSample);
    samples[f] = clampToInt16(sum / channels);
  }
  return { sampleRate, samples };
}
