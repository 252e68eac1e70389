// A one-reader queue of audio chunks: the TTS request of a clause writes into it as bytes
// arrive, the playback loop reads it when that clause's turn to play comes. So later clauses
// are synthesized while earlier ones play, and nothing waits for a whole clause. Chunks written
// before a failure are still read before the failure is thrown.

export class AudioChunks implements AsyncIterable<Buffer> {
  private chunks: Buffer[] = [];
  private done = false;
  private failure: { error: unknown } | undefined;
  private wake: (() => void) | undefined;

  push(chunk: Buffer): void {
    if (this.done) return;
    this.chunks.push(chunk);
    this.notify();
  }

  end(): void {
    this.done = true;
    this.notify();
  }

  fail(error: unknown): void {
    if (this.done) return;
    this.failure = { error };
    this.done = true;
    this.notify();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    for (;;) {
      const next = this.chunks.shift();
      if (next) {
        yield next;
        continue;
      }
      if (this.failure) throw this.failure.error;
      if (this.done) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
