// The browser softphone's microphone path (an AudioWorklet, off the main thread): the context's
// rate (44.1/48 kHz) down to 8 kHz by averaging each output sample's span of input (a box
// low-pass, then decimation), encoded G.711 μ-law, and posted as 160-byte frames: 20 ms of
// telephone audio, the Media Streams `media` payload.

const OUT_RATE = 8000;
const FRAME_BYTES = 160;
const BIAS = 0x84;
const CLIP = 32635;

function mulaw(sample) {
  let s = Math.max(-1, Math.min(1, sample)) * 32767;
  const sign = s < 0 ? 0x80 : 0;
  if (s < 0) s = -s;
  if (s > CLIP) s = CLIP;
  s += BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (s & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (s >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

class PhoneCapture extends AudioWorkletProcessor {
  constructor() {
    super();
    this.step = sampleRate / OUT_RATE; // input samples per output sample
    this.pos = 0;
    this.sum = 0;
    this.count = 0;
    this.frame = new Uint8Array(FRAME_BYTES);
    this.filled = 0;
    this.muted = false;
    this.port.onmessage = (e) => {
      if (e.data && typeof e.data.muted === 'boolean') this.muted = e.data.muted;
    };
  }

  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    const n = channel ? channel.length : 128;
    for (let i = 0; i < n; i++) {
      this.sum += channel && !this.muted ? channel[i] : 0;
      this.count++;
      this.pos += 1;
      if (this.pos >= this.step) {
        this.pos -= this.step;
        this.frame[this.filled++] = mulaw(this.sum / this.count);
        this.sum = 0;
        this.count = 0;
        if (this.filled === FRAME_BYTES) {
          this.port.postMessage(this.frame.slice(0));
          this.filled = 0;
        }
      }
    }
    return true;
  }
}

registerProcessor('phone-capture', PhoneCapture);
