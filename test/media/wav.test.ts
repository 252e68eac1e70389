import { describe, expect, it } from 'vitest';
import { readWav, WavFormatError, writeWav } from '../../src/media/wav.js';
import { fixtureBytes } from '../helpers/audio-fixtures.js';

function header(fields: { format?: number; channels?: number; rate?: number; bits?: number; extensible?: boolean }): Buffer {
  const { format = 1, channels = 1, rate = 8000, bits = 16, extensible = false } = fields;
  const fmt = Buffer.alloc(extensible ? 40 : 16);
  fmt.writeUInt16LE(extensible ? 0xfffe : format, 0);
  fmt.writeUInt16LE(channels, 2);
  fmt.writeUInt32LE(rate, 4);
  fmt.writeUInt32LE((rate * channels * bits) / 8, 8);
  fmt.writeUInt16LE((channels * bits) / 8, 12);
  fmt.writeUInt16LE(bits, 14);
  if (extensible) {
    fmt.writeUInt16LE(22, 16);
    fmt.writeUInt16LE(format, 24); // sub-format GUID begins with the format code
  }
  const chunk = Buffer.alloc(8);
  chunk.write('fmt ', 0, 'ascii');
  chunk.writeUInt32LE(fmt.length, 4);
  return Buffer.concat([chunk, fmt]);
}

function riff(...chunks: Buffer[]): Buffer {
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'ascii');
  head.writeUInt32LE(4 + body.length, 4);
  head.write('WAVE', 8, 'ascii');
  return Buffer.concat([head, body]);
}

function chunk(id: string, body: Buffer, declared = body.length): Buffer {
  const head = Buffer.alloc(8);
  head.write(id, 0, 'ascii');
  head.writeUInt32LE(declared, 4);
  return Buffer.concat([head, body, body.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

const s16 = (...values: number[]) => {
  const out = Buffer.alloc(values.length * 2);
  values.forEach((v, i) => out.writeInt16LE(v, i * 2));
  return out;
};

describe('WAV', () => {
  it('writes 16-bit PCM mono that reads back exactly, at any rate', () => {
    const samples = Int16Array.from([0, 1, -1, 32767, -32768, 1234]);
    const file = writeWav({ sampleRate: 16000, samples });
    expect(file.length).toBe(44 + 12);
    expect(file.toString('ascii', 0, 4)).toBe('RIFF');
    expect(file.readUInt32LE(24)).toBe(16000);
    expect(readWav(file)).toEqual({ sampleRate: 16000, samples });
  });

  it('reads the fixture sox wrote (8 kHz, 16-bit)', () => {
    const wav = readWav(fixtureBytes('hello.wav'));
    expect(wav.sampleRate).toBe(8000);
    expect(wav.samples.length).toBeGreaterThan(8000 * 2); // a couple of seconds of speech
    expect(wav.samples.some((s) => Math.abs(s) > 3000)).toBe(true);
  });

  it("reads espeak-ng's streamed output, whose header claims 0x7ffff000 bytes of data", () => {
    const file = fixtureBytes('espeak-hello-22k.wav');
    expect(file.readUInt32LE(40)).toBeGreaterThan(file.length); // the header really does lie
    const wav = readWav(file);
    expect(wav.sampleRate).toBe(22050);
    expect(wav.samples.length).toBe((file.length - 44) / 2);
  });

  it('skips LIST and other chunks before data, and reads a data size of 0 as "to the end"', () => {
    const info = chunk('LIST', Buffer.from('INFOISFT\x05\x00\x00\x00sox\x00\x00', 'latin1'));
    const file = riff(header({}), info, chunk('fact', Buffer.alloc(4)), chunk('data', s16(5, -5, 7), 0));
    expect(readWav(file).samples).toEqual(Int16Array.from([5, -5, 7]));
  });

  it('reads WAVE_FORMAT_EXTENSIBLE and mixes stereo to mono', () => {
    const file = riff(header({ channels: 2, extensible: true }), chunk('data', s16(1000, 3000, -200, -400)));
    expect(readWav(file)).toEqual({ sampleRate: 8000, samples: Int16Array.from([2000, -300]) });
  });

  it('reads μ-law, 8-bit, 24-bit and float WAVs as 16-bit samples', () => {
    expect(readWav(riff(header({ format: 7, bits: 8 }), chunk('data', Buffer.from([0xff, 0x80])))).samples).toEqual(
      Int16Array.from([0, 32124]),
    );
    expect(readWav(riff(header({ bits: 8 }), chunk('data', Buffer.from([128, 255, 0])))).samples).toEqual(Int16Array.from([0, 32512, -32768]));
    const s24 = Buffer.from([0x00, 0x00, 0x40, 0x00, 0x00, 0xc0]); // +0.5, -0.5
    expect(readWav(riff(header({ bits: 24 }), chunk('data', s24))).samples).toEqual(Int16Array.from([16384, -16384]));
    const f32 = Buffer.alloc(8);
    f32.writeFloatLE(0.5, 0);
    f32.writeFloatLE(-1, 4);
    expect(readWav(riff(header({ format: 3, bits: 32 }), chunk('data', f32))).samples).toEqual(Int16Array.from([16384, -32767]));
  });

  it('ignores a trailing half sample instead of failing', () => {
    const file = riff(header({}), chunk('data', Buffer.concat([s16(9, 10), Buffer.from([1])])));
    expect(readWav(file).samples).toEqual(Int16Array.from([9, 10]));
  });

  it('rejects what it cannot read with a WavFormatError that says why', () => {
    expect(() => readWav(Buffer.from('not a wav at all'))).toThrow(/RIFF/);
    expect(() => readWav(riff(chunk('data', s16(1))))).toThrow(/before the fmt/);
    expect(() => readWav(riff(header({})))).toThrow(/no data chunk/);
    expect(() => readWav(riff(header({ format: 2, bits: 8 }), chunk('data', Buffer.alloc(4))))).toThrow(/unsupported WAV encoding/);
    expect(() => readWav(riff(header({ format: 2 }), chunk('data', Buffer.alloc(4))))).toThrow(WavFormatError);
  });
});
