import type { LiveLine } from '../ui/Conversation';

// What the softphone panel shows, whichever socket carries the call.

export interface CallSnapshot {
  phase: 'connecting' | 'connected' | 'ended';
  callId: string | null;
  lines: LiveLine[];
  /** Why the call could not start or ended abnormally, in the gateway's words. */
  error: string | null;
  /** The agent's audio is playing (stream calls). */
  agentSpeaking: boolean;
  muted: boolean;
  connectedAt: number | null;
  /** How much of the agent's audio has played out, in ms (stream calls). */
  playedMs: number;
}

export abstract class CallBase {
  protected snap: CallSnapshot = { phase: 'connecting', callId: null, lines: [], error: null, agentSpeaking: false, muted: false, connectedAt: null, playedMs: 0 };
  private listeners = new Set<() => void>();

  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  };
  snapshot = () => this.snap;

  protected update(patch: Partial<CallSnapshot>) {
    this.snap = { ...this.snap, ...patch };
    for (const l of this.listeners) l();
  }

  protected addLine(line: LiveLine) {
    this.update({ lines: [...this.snap.lines, line] });
  }

  protected fail(message: string) {
    this.update({ error: message });
  }

  abstract dtmf(digit: string): void;
  abstract hangup(): void;
}

export function socketUrl(path: string, query: Record<string, string>): string {
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${location.host}${path}?${new URLSearchParams(query)}`;
}
