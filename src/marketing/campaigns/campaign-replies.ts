import type { Executor } from '../../db/database.js';
import type { Mode } from '../../db/schema.js';

// An inbound SMS from someone a campaign texted, to the number it was sent from, is their reply
// to the latest such campaign message not yet replied to. The SMS code files the inbound message
// under that recipient's contact (so it is threaded in the contact's timeline right after the
// campaign text, even when two contacts share the phone) and marks the recipient row.

export interface CampaignReplyTarget {
  recipientId: string;
  contactId: string;
}

export async function campaignReplyTarget(db: Executor, n: { id: string; workspace_id: string; mode: Mode }, from: string): Promise<CampaignReplyTarget | null> {
  const row = await db
    .selectFrom('marketing_recipients')
    .select(['id', 'contact_id'])
    .where('number_id', '=', n.id)
    .where('to_number', '=', from)
    .where('workspace_id', '=', n.workspace_id)
    .where('mode', '=', n.mode)
    .where('status', '=', 'sent')
    .where('replied_at', 'is', null)
    .orderBy('sent_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { recipientId: row.id, contactId: row.contact_id } : null;
}

export async function recordCampaignReply(db: Executor, target: CampaignReplyTarget, inbound: { id: string; created_at: string }): Promise<void> {
  await db
    .updateTable('marketing_recipients')
    .set({ reply_sms_id: inbound.id, replied_at: inbound.created_at, updated_at: inbound.created_at })
    .where('id', '=', target.recipientId)
    .where('replied_at', 'is', null)
    .execute();
}
