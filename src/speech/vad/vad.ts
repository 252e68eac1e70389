// Voice activity detection behind a small interface, so the media-stream leg does not care
// whether Silero, an energy threshold (tests, fallback) or something else judges the audio.

/**
 * Voice activity for ONE audio stream. Implementations may keep recurrent state between
 * windows (Silero does), so every call gets its own instance and feeds it windows in order.
 */
export interface Vad {
  readonly sampleRate: number;
  /** Samples per window the detector judges (Silero: 256 at 8 kHz, 512 at 16 kHz = 32 ms). */
  readonly windowSamples: number;
  /** Speech probability (0–1) of the next window of this stream. */
  speechProbability(window: Int16Array): Promise<number>;
  /**
   * The next window's probability when it is known at once (the energy gate's silence), with
   * the same effect on the stream as speechProbability; undefined when only speechProbability
   * can tell, and then nothing was consumed: the same window goes to speechProbability.
   */
  judgeNow?(window: Int16Array): number | undefined;
  /** Forgets the stream's history (state, context), e.g. after a long silence. */
  reset(): void;
}

/** Makes one `Vad` per stream; a model is loaded once and shared by all of them. */
export interface VadFactory {
  createStream(): Vad;
}

/** One judged window, in the stream's audio time (ms since the stream's first sample). */
export interface VadWindow {
  startMs: number;
  endMs: number;
  probability: number;
  /** The decision after hysteresis (see voice-activity.ts). */
  speech: boolean;
}
