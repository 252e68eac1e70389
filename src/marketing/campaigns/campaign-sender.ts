import { ApiError } from '../../errors.js';
import type { MarketingCampaignsTable, MarketingRecipientsTable } from '../../db/schema-books.js';
import { scopeOf } from '../../scope.js';
import { type SmsDeps, sendSms } from '../../sms/sms-service.js';
import * as repo from './campaign-repository.js';

// The background sender of SMS campaigns: one message per campaign per pacing slot
// (60 000 / messages_per_minute ms), each through the SMS code (opt-out check, per-segment
// charge, carrier intent), never in the request that started the send.
//
// Exactly once per recipient: the recipient row moves pending → sent inside the transaction
// that records and charges its SMS (sendSms `inTx`). Two senders (two nodes, or a restart in the
// middle) can both try; only one commits, the other rolls back its SMS and its charge. A crash
// after that commit leaves an SMS intent that the intent reconciler settles; the recipient is
// never texted again. Pacing slots are taken compare-and-set, so two nodes do not double the rate.

class AlreadyClaimed extends Error {}

const IDLE_POLL_MS = 5_000;
const MIN_DELAY_MS = 5;
const BATCH = 20;

export class CampaignSender {
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  constructor(private readonly deps: SmsDeps) {}

  /** Resumes whatever a previous run left sending, then follows the slots. */
  start(): void {
    this.stopped = false;
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** A send was requested: look now. */
  wake(): void {
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    const due = Date.now() + ms;
    if (this.timer && this.timerAt <= due) return; // an earlier look is already booked
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = due;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Infinity;
      if (this.running) {
        this.again = true; // looked for while a pass runs: one more pass right after it
        return;
      }
      this.running = this.loop().finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.schedule(0);
        }
      });
    }, ms);
    this.timer.unref();
  }

  private async loop(): Promise<void> {
    let next: number;
    try {
      await this.runOnce();
      const slot = await repo.nextSlot(this.deps.db);
      next = slot === null ? IDLE_POLL_MS : Math.min(IDLE_POLL_MS, Math.max(MIN_DELAY_MS, new Date(slot).getTime() - this.deps.clock.now().getTime()));
    } catch (err) {
      this.deps.log.error({ err }, 'campaign sender pass failed');
      next = IDLE_POLL_MS;
    }
    this.schedule(next);
  }

  /** One pass: every campaign whose slot has come sends its next message (or completes). */
  async runOnce(): Promise<number> {
    const now = this.deps.clock.now();
    let sent = 0;
    for (const c of await repo.dueCampaigns(this.deps.db, now.toISOString(), BATCH)) {
      if (this.stopped) break;
      const interval = Math.ceil(60_000 / Math.max(1, c.messages_per_minute));
      if (!(await repo.takeSlot(this.deps.db, c, new Date(now.getTime() + interval).toISOString()))) continue;
      const r = await repo.nextPending(this.deps.db, c.id);
      if (!r) {
        await this.complete(c);
        continue;
      }
      if (await this.sendOne(c, r)) sent++;
      await this.complete(c); // done as soon as the last one is out, not a slot later
    }
    return sent;
  }

  private async complete(c: MarketingCampaignsTable): Promise<void> {
    const at = this.deps.clock.now().toISOString();
    if ((await repo.pendingCost(this.deps.db, c.id)).count > 0) return;
    await repo.updateCampaignIf(this.deps.db, c.id, ['sending'], { status: 'completed', completed_at: at, next_send_at: null, updated_at: at });
  }

  private async pause(c: MarketingCampaignsTable, reason: string): Promise<void> {
    const at = this.deps.clock.now().toISOString();
    await repo.updateCampaignIf(this.deps.db, c.id, ['sending'], { status: 'paused', paused_reason: reason, next_send_at: null, updated_at: at });
    this.deps.log.warn({ campaign_id: c.id, reason }, 'SMS campaign paused');
  }

  private async sendOne(c: MarketingCampaignsTable, r: MarketingRecipientsTable): Promise<boolean> {
    const at = () => this.deps.clock.now().toISOString();
    try {
      await sendSms(
        this.deps,
        scopeOf(r),
        { from: r.number_id, to: r.to_number!, body: r.body!, metadata: { campaign_id: c.id, campaign_recipient_id: r.id } },
        {
          contactId: r.contact_id,
          inTx: async (trx, sms) => {
            if (!(await repo.claimRecipient(trx, r.id, sms.id, at()))) throw new AlreadyClaimed();
          },
        },
      );
      return true;
    } catch (err) {
      if (err instanceof AlreadyClaimed) return false;
      if (err instanceof ApiError) {
        switch (err.code) {
          case 'recipient_opted_out': // replied STOP after the send was requested
            await repo.settleRecipient(this.deps.db, r.id, 'skipped', 'opted_out', at());
            return false;
          case 'insufficient_credits': // the balance was spent elsewhere meanwhile; nothing was charged
            await this.pause(c, 'insufficient_credits');
            return false;
          case 'not_found':
          case 'conflict': // the number was released
            await this.pause(c, 'number_inactive');
            return false;
          case 'carrier_error':
          case 'unavailable': // claimed with its SMS, which the SMS code failed (and refunded) or will reconcile
            return true;
          default:
            break;
        }
      }
      this.deps.log.error({ err, campaign_id: c.id, recipient_id: r.id }, 'campaign message not sent; retried at the next slot');
      return false;
    }
  }
}
