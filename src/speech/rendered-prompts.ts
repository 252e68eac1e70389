import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { MULAW_FRAME_BYTES } from '../media/frame-slicer.js';
import { type PromptName, type ShippedPrompt, shippedAudioFor } from '../media/prompts.js';
import { PhoneAudioEncoder } from '../media/tts-to-phone.js';
import type { TextToSpeech } from './tts/text-to-speech.js';

// The prompts a stream call plays without the speech service (fallback, goodbyes), in the words
// the operator configured. The shipped media/*.ulaw say the default lines; a line the operator
// changed is rendered once through TTS, in the background, and kept on disk under a key of
// (model, voice, text), so a restart plays it from the cache without a TTS request. Until the
// rendering is done, or when TTS is down, calls play the shipped audio: a different wording
// beats silence. Rendered audio is μ-law 8 kHz in whole 160-byte frames, like the shipped files.

export interface PromptBookOptions {
  shipped: ReadonlyMap<PromptName, ShippedPrompt>;
  /** The lines as configured now (e.g. AGENTLINE_FALLBACK_LINE); a missing name keeps the shipped line. */
  lines: Partial<Record<PromptName, string>>;
  tts: TextToSpeech;
  /** The model and voice the lines are rendered with (part of the cache key). */
  model: string;
  voice: string;
  /** Where rendered lines are kept; null: memory only. */
  cacheDir: string | null;
  log: FastifyBaseLogger;
  /** Longest a whole line may take to render. */
  renderTimeoutMs?: number;
  /** After a failed pass, the next stream call tries again only after this long. */
  retryAfterMs?: number;
  now?: () => number;
}

/** The audio a stream call plays when the speech service is the thing that failed. */
export interface StreamPrompts {
  /** The configured fallback line: rendered if it was changed and rendering worked, else shipped. */
  readonly fallback: Buffer;
  /** The audio of exactly this line (a goodbye), rendered or shipped, if any. */
  forLine(text: string): Buffer | undefined;
}

export class PromptBook implements StreamPrompts {
  private readonly rendered = new Map<string, Buffer>();
  private pass: Promise<void> | null = null;
  private lastFailureAt: number | null = null;
  private readonly aborts = new AbortController();
  private readonly now: () => number;

  constructor(private readonly opts: PromptBookOptions) {
    this.now = opts.now ?? (() => Date.now());
  }

  /** The configured lines that the shipped files do not say. */
  get changedLines(): Array<{ name: PromptName; text: string }> {
    const changed: Array<{ name: PromptName; text: string }> = [];
    for (const [name, line] of Object.entries(this.opts.lines) as Array<[PromptName, string | undefined]>) {
      const text = line?.trim();
      if (text && shippedAudioFor(this.opts.shipped, text) === undefined) changed.push({ name, text });
    }
    return changed;
  }

  get fallback(): Buffer {
    const line = this.opts.lines.fallback?.trim();
    return (line && this.forLine(line)) || this.opts.shipped.get('fallback')!.mulaw;
  }

  forLine(text: string): Buffer | undefined {
    const wanted = text.trim();
    return this.rendered.get(wanted) ?? shippedAudioFor(this.opts.shipped, wanted);
  }

  /** Every changed line has its rendered audio. */
  get ready(): boolean {
    return this.changedLines.every((l) => this.rendered.has(l.text));
  }

  /**
   * Renders the changed lines not yet rendered (cache first, then TTS). Never throws; one log
   * line per pass. A pass in flight is shared; after a failure a new pass waits `retryAfterMs`.
   */
  render(): Promise<void> {
    if (this.pass) return this.pass;
    if (this.ready || this.aborts.signal.aborted) return Promise.resolve();
    if (this.lastFailureAt !== null && this.now() - this.lastFailureAt < (this.opts.retryAfterMs ?? 300_000)) return Promise.resolve();
    this.pass = this.renderMissing().finally(() => (this.pass = null));
    return this.pass;
  }

  /** The gateway is stopping: abort a rendering in flight. */
  close(): void {
    this.aborts.abort();
  }

  private async renderMissing(): Promise<void> {
    const todo = this.changedLines.filter((l) => !this.rendered.has(l.text));
    const fromCache: PromptName[] = [];
    const fromTts: PromptName[] = [];
    const failed: Array<{ name: PromptName; error: string }> = [];
    for (const line of todo) {
      if (this.aborts.signal.aborted) return;
      const file = this.opts.cacheDir ? join(this.opts.cacheDir, `${cacheKey(this.opts.model, this.opts.voice, line.text)}.ulaw`) : null;
      const cached = file ? await readCached(file) : undefined;
      if (cached) {
        this.rendered.set(line.text, cached);
        fromCache.push(line.name);
        continue;
      }
      try {
        const audio = await this.synthesize(line.text);
        this.rendered.set(line.text, audio);
        fromTts.push(line.name);
        if (file) await writeCached(file, audio).catch((err: unknown) => this.opts.log.warn({ err, file }, 'stream prompts: could not write the rendered line to the cache; it is rendered again on the next start'));
      } catch (err) {
        if (this.aborts.signal.aborted) return;
        failed.push({ name: line.name, error: err instanceof Error ? err.message : String(err) });
      }
    }
    const where = this.opts.cacheDir ? ` (cache: ${this.opts.cacheDir})` : '';
    if (failed.length > 0) {
      this.lastFailureAt = this.now();
      this.opts.log.warn(
        { failed, rendered: fromTts, cached: fromCache, voice: this.opts.voice, model: this.opts.model },
        `stream prompts: could not render ${failed.map((f) => f.name).join(', ')} through TTS (${failed[0]!.error}); stream calls play the shipped audio of the default line instead`,
      );
    } else if (todo.length > 0) {
      this.lastFailureAt = null;
      this.opts.log.info(
        { rendered: fromTts, cached: fromCache, voice: this.opts.voice, model: this.opts.model },
        `stream prompts: changed lines ready (${[...fromTts.map((n) => `${n} rendered through TTS`), ...fromCache.map((n) => `${n} from the cache`)].join(', ')})${where}`,
      );
    }
  }

  /** One TTS request for the whole line, encoded for the phone; bounded in time. */
  private async synthesize(text: string): Promise<Buffer> {
    const controller = new AbortController();
    const onStop = () => controller.abort();
    this.aborts.signal.addEventListener('abort', onStop, { once: true });
    const timer = setTimeout(() => controller.abort(), this.opts.renderTimeoutMs ?? 30_000);
    try {
      const encoder = new PhoneAudioEncoder(this.opts.tts.sampleRate);
      const frames: Buffer[] = [];
      for await (const pcm of this.opts.tts.stream(text, { voice: this.opts.voice, signal: controller.signal })) frames.push(...encoder.push(pcm));
      frames.push(...encoder.end());
      if (frames.length === 0) throw new Error('TTS returned no audio');
      return Buffer.concat(frames);
    } finally {
      clearTimeout(timer);
      this.aborts.signal.removeEventListener('abort', onStop);
    }
  }
}

/** The cache file name: the same line, voice and model give the same file. */
export function cacheKey(model: string, voice: string, text: string): string {
  return createHash('sha256').update(JSON.stringify([model, voice, text])).digest('hex').slice(0, 32);
}

async function readCached(file: string): Promise<Buffer | undefined> {
  try {
    const audio = await readFile(file);
    // A torn or foreign file is rendered again.
    return audio.length > 0 && audio.length % MULAW_FRAME_BYTES === 0 ? audio : undefined;
  } catch {
    return undefined;
  }
}

/** Written to a temporary name and renamed, so a crash never leaves half a prompt. */
async function writeCached(file: string, audio: Buffer): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, audio);
  await rename(tmp, file);
}
