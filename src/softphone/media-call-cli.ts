import { writeFile } from 'node:fs/promises';
import { MediaCaller } from './media-caller.js';

// `agentline call NUMBER --audio in.wav [--record out.wav] [--hangup-after S]`: a Media Streams
// call to a stream-mode test number. The transcript is printed as the gateway stores it (polled
// from GET /v1/calls/{id}/transcript: the socket carries audio only), one line per turn.

export interface MediaCallCliOptions {
  baseUrl: string;
  key: string;
  number: string;
  from?: string;
  /** The WAV file's bytes (read and checked by the caller, so a bad file is a usage error). */
  wav: Uint8Array;
  recordPath?: string;
  hangupAfterMs?: number;
  out: (s: string) => void;
  /** Hands the live call to a test (or a signal handler) that may hang it up. */
  onCaller?: (caller: MediaCaller) => void;
}

export async function runMediaCall(o: MediaCallCliOptions): Promise<number> {
  const caller = await MediaCaller.connect({ baseUrl: o.baseUrl, key: o.key, number: o.number, from: o.from, wav: o.wav });
  o.onCaller?.(caller);
  const onSignal = () => void caller.hangup();
  process.once('SIGINT', onSignal);
  const hangupTimer = o.hangupAfterMs ? setTimeout(() => void caller.hangup(), o.hangupAfterMs) : undefined;

  caller.onTurn = (t) => o.out(`${t.speaker}: ${t.text}${t.interrupted ? ' [interrupted: what was heard]' : ''}\n`);
  caller.whenCall((info) =>
    o.out(`connected: ${info.call_id} (${info.from} → ${info.to}); playing the audio${info.greeting ? ' after the greeting' : ''}\n`),
  );
  void caller.fileSent.then(() => caller.call && o.out('(audio sent; the line stays open with silence)\n'));

  const closed = await caller.closed;
  if (hangupTimer) clearTimeout(hangupTimer);
  process.removeListener('SIGINT', onSignal);
  if (caller.refused) {
    o.out(`refused (${caller.refused.reason}): ${caller.refused.message}\n`);
    return 1;
  }
  if (o.recordPath) {
    await writeFile(o.recordPath, caller.recording());
    o.out(`recorded the agent's audio to ${o.recordPath}\n`);
  }
  o.out(`call ended (${closed.code}${closed.reason ? ` ${closed.reason}` : ''})\n`);
  return caller.call ? 0 : 1;
}
