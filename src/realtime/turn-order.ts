// The transcript of a speech-to-speech call in the order it was spoken. The model answers the
// caller before the caller's words are transcribed (`input_audio_transcription.completed` may
// come after the reply, or never), so turns wait here in speaking order: a caller turn holds
// everything after it until its transcript arrives, fails, or `waitMs` passes.

export type OrderedTurn<A> = { kind: 'caller'; itemId: string; text: string | null } | { kind: 'agent'; turn: A };

export class TurnOrder<A> {
  private queue: Array<OrderedTurn<A> & { timer?: NodeJS.Timeout }> = [];
  private closed = false;

  constructor(
    private readonly emit: (turn: { kind: 'caller'; text: string } | { kind: 'agent'; turn: A }) => void,
    private readonly waitMs = 5000,
  ) {}

  /** The caller's speech became an input item (committed); its text comes later. */
  callerSpoke(itemId: string): void {
    if (this.closed || this.queue.some((t) => t.kind === 'caller' && t.itemId === itemId)) return;
    const entry: OrderedTurn<A> & { timer?: NodeJS.Timeout } = { kind: 'caller', itemId, text: null };
    entry.timer = setTimeout(() => this.transcribed(itemId, ''), this.waitMs);
    this.queue.push(entry);
  }

  /** The caller's words (''  when transcription failed: no turn). */
  transcribed(itemId: string, text: string): void {
    if (this.closed) return;
    const entry = this.queue.find((t) => t.kind === 'caller' && t.itemId === itemId);
    if (!entry) {
      // Never seen committed (or already given up on): it is the latest thing said.
      if (text.trim()) this.queue.push({ kind: 'caller', itemId, text });
    } else if (entry.kind === 'caller' && entry.text === null) {
      clearTimeout(entry.timer);
      entry.text = text;
    }
    this.flush();
  }

  agentSaid(turn: A): void {
    if (this.closed) return;
    this.queue.push({ kind: 'agent', turn });
    this.flush();
  }

  /** Emits what is still waiting (the call is over), untranscribed caller turns dropped. */
  close(): void {
    for (const t of this.queue) if (t.kind === 'caller' && t.text === null) t.text = '';
    this.flush();
    this.closed = true;
    for (const t of this.queue) clearTimeout(t.timer);
    this.queue = [];
  }

  private flush(): void {
    while (this.queue.length > 0) {
      const head = this.queue[0]!;
      if (head.kind === 'caller') {
        if (head.text === null) return;
        this.queue.shift();
        clearTimeout(head.timer);
        if (head.text.trim()) this.emit({ kind: 'caller', text: head.text.trim() });
      } else {
        this.queue.shift();
        this.emit(head);
      }
    }
  }
}
