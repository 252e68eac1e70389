// The carrier side of a live call, as the session sees it: one two-way interface for every way a
// call carries audio. A leg owns its wire protocol (ConversationRelay text frames, the test-mode
// softphone's frames, Media Streams audio): its socket handler only parses frames and hands them
// to the leg; the leg turns them into LegEvents and turns commands into frames. `startSession`
// (call-session.ts) is the one place that wires a leg to a Conversation; nothing above the leg
// ever sees a wire format.
//
// Implemented by carriers/relay-leg.ts (ConversationRelay), carriers/sim/softphone-leg.ts (the
// test-mode softphone) and the Media Streams leg. Every leg passes the same contract test
// (test/carriers/call-leg-contract.test.ts).

export interface CallOutcome {
  /** agent_ended | transferred | insufficient_credits | agent_failed | hangup_requested ... */
  reason: string;
  /** E.164 number, when the agent transferred the call. */
  transferTo?: string;
}

/** Per caller turn of a leg that runs the gateway's own speech pipeline (Media Streams). */
export interface SpeechTurnTimings {
  /** Silence waited before the turn was taken (audio time). */
  endpointing_ms: number;
  /** The STT request, upload to transcript. */
  stt_ms: number;
  /** The reply's first TTS request to its first audio byte (null: the reply had no TTS audio). */
  tts_first_byte_ms: number | null;
  /** End of the caller's speech to the first agent audio frame sent to the carrier. */
  first_audio_ms: number;
}

/** What the leg tells the session. Called only after `attach`; never after `hangup`. */
export interface LegEvents {
  /** A final caller turn (a relay prompt, a softphone prompt, an STT transcript). */
  callerSaid(text: string): void;
  /** Barge-in: the caller spoke over the agent; `heard` is what of the reply reached the caller. */
  interrupted(heard: string): void;
  /** One DTMF key the caller pressed. */
  digit(digit: string): void;
  /** The carrier side is gone (socket closed, caller hung up). Sent once. */
  hangup(reason?: string): void;
  /**
   * The reply to the latest caller turn became audible (legs with their own speech pipeline
   * only; relay and softphone legs never call it). Sent after that turn's `callerSaid`.
   */
  speechTimings?(timings: SpeechTurnTimings): void;
  /**
   * The leg's own speech service failed (legs with their own speech pipeline only) and the caller
   * heard the pre-rendered fallback line instead. For TTS, `heard` is what of the reply being
   * spoken reached the caller before it; the rest of that reply is dropped. STT: `heard` is null.
   */
  speechFailed?(failure: { service: 'stt' | 'tts'; error: string; heard: string | null }): void;
}

export type LegKind = 'relay' | 'softphone' | 'stream' | 'realtime';

export interface CallLeg {
  readonly kind: LegKind;
  /**
   * The carrier speaks the first message itself (ConversationRelay's welcomeGreeting), so the
   * session must not `speak` it; it still records it in history and transcript.
   */
  readonly greetingSpokenByCarrier: boolean;
  /** startSession wires the events once, before any frame is handed to the leg. */
  attach(events: LegEvents): void;
  /** Streams one piece of the agent's reply to the caller, as soon as it exists. */
  speak(text: string): void;
  /** The agent's talk cycle is complete (what was spoken so far is the whole reply). */
  endTurn(): void;
  /** Stops playback now (DTMF barge-in, a gateway decision). Does not emit `interrupted`. */
  cancelSpeech(): void;
  /** Presses keys towards the other party (DTMF; `w` is a half-second pause). */
  sendDigits(digits: string): void;
  /**
   * Ends the call with this outcome once the last words were heard (what the carrier reports
   * where the protocol offers it, else a bounded estimate the leg documents). Resolves when the
   * end has been handed to the carrier. Idempotent: a second call resolves with the first.
   */
  end(outcome: CallOutcome): Promise<void>;
  /** The socket is gone: clear timers, send nothing more. Resolves any pending `end`. */
  dispose(): void;
}
