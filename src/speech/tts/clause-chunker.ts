// Splits the agent's streamed reply into clauses for speech synthesis, so the first TTS request
// leaves as soon as the first clause is complete instead of after the whole reply.
//
// A boundary is . ! ? ; : or … followed by whitespace (so 3.5, 1,000, example.com and 10:30 are
// never split), an em dash, or a newline. "Dr." and other abbreviations, and single initials
// ("J. Smith"), are not sentence ends. A comma ends a clause only once the clause has enough
// words to be worth its own request. Because a boundary depends on the character after it, the
// chunker holds the last few characters until more text (or `flush`) arrives.

export interface ClauseChunkerOptions {
  /** Words a clause needs before a comma may end it. Default 6. */
  minWordsBeforeComma?: number;
  /** A clause with no boundary is cut at a space after this many characters. Default 250. */
  maxChars?: number;
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp',
  'approx', 'dept', 'est', 'fig', 'e.g', 'i.e', 'a.m', 'p.m', 'u.s', 'u.k', 'ave', 'blvd', 'rd',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

const TERMINAL = new Set(['.', '!', '?', ';', ':', '…']);
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);
const DASHES = new Set(['—', '–']);

export class ClauseChunker {
  private buffer = '';
  private readonly minWordsBeforeComma: number;
  private readonly maxChars: number;

  constructor(options: ClauseChunkerOptions = {}) {
    this.minWordsBeforeComma = options.minWordsBeforeComma ?? 6;
    this.maxChars = options.maxChars ?? 250;
  }

  /** Adds streamed text; returns the clauses it completed, trimmed, in order. */
  push(delta: string): string[] {
    this.buffer += delta;
    return this.take(false);
  }

  /** The end of the reply: whatever is left is the last clause. */
  flush(): string[] {
    const clauses = this.take(true);
    const rest = this.buffer.trim();
    this.buffer = '';
    if (rest) clauses.push(rest);
    return clauses;
  }

  /** Drops held text (barge-in: the rest of the reply will not be spoken). */
  clear(): void {
    this.buffer = '';
  }

  private take(final: boolean): string[] {
    const clauses: string[] = [];
    for (;;) {
      const end = this.findBoundary(final);
      if (end === undefined) break;
      const clause = this.buffer.slice(0, end).trim();
      this.buffer = this.buffer.slice(end);
      if (clause) clauses.push(clause);
    }
    return clauses;
  }

  /** Index just past the first clause in the buffer, or undefined if none is complete yet. */
  private findBoundary(final: boolean): number | undefined {
    const text = this.buffer;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (ch === '\n') return i + 1;
      if (DASHES.has(ch) && (ch === '—' || (text[i - 1] === ' ' && text[i + 1] === ' '))) {
        if (text.slice(0, i).trim()) return i + 1;
        continue;
      }
      if (!TERMINAL.has(ch) && ch !== ',') continue;
      // Absorb a run of punctuation and closing quotes/brackets: `?!`, `...`, `."`.
      let j = i + 1;
      while (j < text.length && (TERMINAL.has(text[j]!) || CLOSERS.has(text[j]!))) j++;
      if (j === text.length) {
        if (!final) return undefined; // the next character decides
      } else if (!/\s/.test(text[j]!)) {
        i = j - 1;
        continue; // 3.5, 1,000, 10:30, example.com
      }
      if (ch === ',' && j - i === 1 && wordCount(text.slice(0, i)) < this.minWordsBeforeComma) continue;
      if (ch === '.' && j - i === 1) {
        const abbreviation = isAbbreviation(text.slice(0, i), text.slice(j), final);
        if (abbreviation === undefined) return undefined; // "No." — the next word decides
        if (abbreviation) continue;
      }
      return j;
    }
    if (text.length > this.maxChars) {
      const cut = text.lastIndexOf(' ', this.maxChars);
      return cut > 0 ? cut + 1 : this.maxChars;
    }
    return undefined;
  }
}

function wordCount(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

/**
 * The word before a period is an abbreviation ("Dr", "e.g") or a single-letter initial;
 * undefined when the text after it has not arrived yet and decides.
 */
function isAbbreviation(before: string, after: string, final: boolean): boolean | undefined {
  const word = /(?:^|[^A-Za-z.])([A-Za-z][A-Za-z.]*)$/.exec(before)?.[1];
  if (!word) return false;
  if (word.length === 1 && /[A-Z]/.test(word)) return true;
  // "No. 5" is a number; "No. I can't." is an answer.
  if (word.toLowerCase() === 'no') return !final && after.trim() === '' ? undefined : /^\s*\d/.test(after);
  return ABBREVIATIONS.has(word.toLowerCase());
}
