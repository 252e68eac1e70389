// Where the caller is in the agent's audio, from Twilio's mark echoes (speech-protocols.md §3).
//
// The model's audio is forwarded the moment it arrives (Twilio buffers it), each chunk followed
// by a mark. Positions are ms of audio sent on this call so far (8 bytes a ms of μ-law). A mark
// echo says the play head reached that mark's position at that moment; between echoes it moves
// with the clock, and never past the next mark not yet echoed (nor past what was sent: an
// underrun is silence). With a mark after every chunk, the estimate is within one chunk's
// length of the truth, and within a few ms while audio plays continuously.
//
// `clear` (barge-in) drops what Twilio buffered: the head stays where it is and the rest of the
// sent audio is forgotten, so later audio starts playing at once.

interface PendingMark {
  name: string;
  at: number;
}

export class PlaybackPosition {
  /** Audio handed to Twilio (ms), on one timeline that skips what `clear` dropped. */
  private sent = 0;
  private pending: PendingMark[] = [];
  /** The last point where the head is known: position and clock time. */
  private knownAt = 0;
  private knownTime: number | null = null;

  constructor(private readonly now: () => number) {}

  get sentMs(): number {
    return this.sent;
  }

  /** Audio was handed to Twilio; returns its end position. */
  advance(ms: number): number {
    if (this.pending.length === 0 && this.headMs() >= this.sent) {
      // Nothing was playing: this audio starts now.
      this.knownAt = this.sent;
      this.knownTime = this.now();
    }
    this.sent += ms;
    return this.sent;
  }

  /** A mark went out after the audio sent so far. */
  marked(name: string): void {
    this.pending.push({ name, at: this.sent });
  }

  /** Twilio echoed a mark: the head is at its position now. False: not one of ours (or stale). */
  echoed(name: string): boolean {
    const i = this.pending.findIndex((m) => m.name === name);
    if (i < 0) return false;
    const mark = this.pending[i]!;
    this.pending.splice(0, i + 1);
    this.knownAt = mark.at;
    this.knownTime = this.now();
    return true;
  }

  /** The play head (ms on the sent timeline). */
  headMs(): number {
    if (this.knownTime === null) return 0;
    const cap = this.pending[0]?.at ?? this.sent;
    return Math.min(cap, this.knownAt + Math.max(0, this.now() - this.knownTime));
  }

  /** Audio sent but not yet played. */
  get bufferedMs(): number {
    return this.sent - this.headMs();
  }

  /** Everything sent has played (and every mark came back). */
  get idle(): boolean {
    return this.pending.length === 0 && this.headMs() >= this.sent;
  }

  /** `clear` went to Twilio: what was buffered is dropped; returns the head it stopped at. */
  cleared(): number {
    const head = this.headMs();
    this.pending = [];
    this.sent = head;
    this.knownAt = head;
    this.knownTime = this.now();
    return head;
  }
}
