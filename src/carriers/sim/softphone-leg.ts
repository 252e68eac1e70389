import type { CallOutcome } from '../../calls/call-leg.js';
import { TextLeg } from '../text-leg.js';

// The CallLeg of a test-mode softphone call (`agentline call`). The softphone shows text the
// moment it arrives, so the last words are "heard" as soon as they are sent; the greeting is
// the gateway's to send; after `end` the gateway closes the socket (Twilio would close its own).

export class SoftphoneLeg extends TextLeg {
  readonly kind = 'softphone' as const;
  readonly greetingSpokenByCarrier = false;

  protected lastWordsHeard(): Promise<void> {
    return Promise.resolve();
  }

  protected override afterEnd(outcome: CallOutcome): void {
    this.socket.close(1000, outcome.reason.slice(0, 100));
  }
}
