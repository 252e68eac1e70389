import type { SmsMessagesTable } from '../db/schema.js';
import type { SmsSender } from './sms-sender.js';

// Test-mode SMS are logged, not dispatched (seed 000): the simulator accepts each message,
// reports it sent and then delivered, and hands it to a softphone registered as the recipient.

export class SimSmsSender implements SmsSender {
  readonly carrier = 'sim' as const;

  constructor(
    private readonly report: (smsId: string, status: 'sent' | 'delivered') => Promise<void>,
    private readonly toSoftphone: (message: SmsMessagesTable) => void,
    private readonly onError: (err: unknown) => void,
  ) {}

  async send(m: SmsMessagesTable): Promise<string> {
    setImmediate(() => {
      this.toSoftphone(m);
      this.report(m.id, 'sent')
        .then(() => this.report(m.id, 'delivered'))
        .catch(this.onError);
    });
    return `SIM${m.id.slice(4)}`;
  }
}
