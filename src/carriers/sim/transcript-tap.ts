import type { WebSocket } from 'ws';
import type { CallLeg, CallOutcome, LegEvents } from '../../calls/call-leg.js';

// The media softphone's transcript, as it happens: the stored transcript holds a caller's turn
// back until the next one (a barge-in may still trim the agent's reply), so `agentline call
// --audio` hears the turns on its own socket instead. This wraps the call's leg, unchanged, and
// sends one frame of ours per turn, {event:"sim.transcript", speaker, text, interrupted}, next
// to the Media Streams frames (a Twilio client ignores events it does not know).

export class TranscriptTap implements CallLeg {
  readonly kind: CallLeg['kind'];
  readonly greetingSpokenByCarrier: boolean;
  private reply = '';

  constructor(
    private readonly leg: CallLeg,
    private readonly socket: WebSocket,
  ) {
    this.kind = leg.kind;
    this.greetingSpokenByCarrier = leg.greetingSpokenByCarrier;
  }

  attach(events: LegEvents): void {
    this.leg.attach({
      ...events,
      callerSaid: (text) => {
        this.line('caller', text);
        events.callerSaid(text);
      },
      interrupted: (heard) => {
        this.line('agent', heard, true);
        events.interrupted(heard);
      },
    });
  }

  speak(text: string): void {
    this.reply += text;
    this.leg.speak(text);
  }

  endTurn(): void {
    if (this.reply.trim() !== '') this.line('agent', this.reply.trim());
    this.reply = '';
    this.leg.endTurn();
  }

  cancelSpeech(): void {
    this.leg.cancelSpeech();
  }

  sendDigits(digits: string): void {
    this.leg.sendDigits(digits);
  }

  end(outcome: CallOutcome): Promise<void> {
    return this.leg.end(outcome);
  }

  dispose(): void {
    this.leg.dispose();
  }

  private line(speaker: 'caller' | 'agent', text: string, interrupted = false): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify({ event: 'sim.transcript', speaker, text, interrupted }));
  }
}
