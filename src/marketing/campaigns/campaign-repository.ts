import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { MarketingCampaignsTable, MarketingRecipientsTable } from '../../db/schema-books.js';
import type { PageRequest } from '../../http/pagination.js';
import type { Scope } from '../../scope.js';

const scoped = (db: Executor, scope: Scope) =>
  db.selectFrom('marketing_campaigns').selectAll().where('workspace_id', '=', scope.workspaceId).where('mode', '=', scope.mode);

const likeOf = (query: string) => `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function insertCampaign(db: Executor, row: MarketingCampaignsTable): Promise<void> {
  await db.insertInto('marketing_campaigns').values(row).execute();
}

export async function findCampaign(db: Executor, scope: Scope, id: string): Promise<MarketingCampaignsTable | undefined> {
  return scoped(db, scope).where('id', '=', id).executeTakeFirst();
}

export async function findCampaignById(db: Executor, id: string): Promise<MarketingCampaignsTable | undefined> {
  return db.selectFrom('marketing_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function keyTaken(db: Executor, scope: Scope, key: string): Promise<boolean> {
  return (await scoped(db, scope).where('key', '=', key).executeTakeFirst()) !== undefined;
}

export async function listCampaigns(db: Executor, scope: Scope, page: PageRequest, f: { status?: string; channel?: string; query?: string }): Promise<MarketingCampaignsTable[]> {
  let q = scoped(db, scope);
  if (f.status) q = q.where('status', '=', f.status as MarketingCampaignsTable['status']);
  else q = q.where('status', '!=', 'archived');
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.query) {
    const like = likeOf(f.query);
    q = q.where((eb) => eb.or([eb(sql`lower(key)`, 'like', sql`${like} ESCAPE '\\'`), eb(sql`lower(name)`, 'like', sql`${like} ESCAPE '\\'`)]));
  }
  if (page.afterId) q = q.where('id', '<', page.afterId);
  return q.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

/** Applies `changes` while the campaign is in one of `from`; undefined when it no longer was. */
export async function updateCampaignIf(db: Executor, id: string, from: MarketingCampaignsTable['status'][], changes: Partial<MarketingCampaignsTable>): Promise<MarketingCampaignsTable | undefined> {
  return db.updateTable('marketing_campaigns').set(changes).where('id', '=', id).where('status', 'in', from).returningAll().executeTakeFirst();
}

/** Campaigns the sender owes a message now (their next pacing slot has come), oldest slot first. */
export async function dueCampaigns(db: Executor, now: string, limit: number): Promise<MarketingCampaignsTable[]> {
  return db.selectFrom('marketing_campaigns').selectAll().where('status', '=', 'sending').where('next_send_at', '<=', now).orderBy('next_send_at').limit(limit).execute();
}

/** The earliest slot of any sending campaign, or null when nothing is sending. */
export async function nextSlot(db: Executor): Promise<string | null> {
  const row = await db.selectFrom('marketing_campaigns').select('next_send_at').where('status', '=', 'sending').orderBy('next_send_at').limit(1).executeTakeFirst();
  return row?.next_send_at ?? null;
}

/** Takes the campaign's pacing slot (compare-and-set, so two senders never both take it). */
export async function takeSlot(db: Executor, c: MarketingCampaignsTable, next: string): Promise<boolean> {
  const res = await db
    .updateTable('marketing_campaigns')
    .set({ next_send_at: next })
    .where('id', '=', c.id)
    .where('status', '=', 'sending')
    .where('next_send_at', '=', c.next_send_at)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

// Recipients: one row per (campaign, contact), unique, so no send can text a contact twice.

export async function insertRecipients(db: Executor, rows: MarketingRecipientsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db.insertInto('marketing_recipients').values(rows.slice(i, i + 200)).onConflict((oc) => oc.columns(['campaign_id', 'contact_id']).doNothing()).execute();
  }
}

/** Drops the recipients not texted yet, so a resumed send rebuilds them from the current settings. */
export async function dropPending(db: Executor, campaignId: string): Promise<void> {
  await db.deleteFrom('marketing_recipients').where('campaign_id', '=', campaignId).where('status', '=', 'pending').execute();
}

export async function recipientKeys(db: Executor, campaignId: string): Promise<{ contact_id: string; to_number: string | null }[]> {
  return db.selectFrom('marketing_recipients').select(['contact_id', 'to_number']).where('campaign_id', '=', campaignId).execute();
}

export async function pendingCost(db: Executor, campaignId: string): Promise<{ count: number; cents: number }> {
  const row = await db
    .selectFrom('marketing_recipients')
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.coalesce(eb.fn.sum<number | string>('cost_cents'), eb.lit(0)).as('cents')])
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), cents: Number(row.cents) };
}

/** What the workspace's other campaigns still being sent have yet to spend. */
export async function otherSendingCost(db: Executor, scope: Scope, campaignId: string): Promise<number> {
  const row = await db
    .selectFrom('marketing_recipients as r')
    .innerJoin('marketing_campaigns as c', 'c.id', 'r.campaign_id')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('r.cost_cents'), eb.lit(0)).as('cents'))
    .where('c.workspace_id', '=', scope.workspaceId)
    .where('c.mode', '=', scope.mode)
    .where('c.status', '=', 'sending')
    .where('c.id', '!=', campaignId)
    .where('r.status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.cents);
}

export async function nextPending(db: Executor, campaignId: string): Promise<MarketingRecipientsTable | undefined> {
  return db.selectFrom('marketing_recipients').selectAll().where('campaign_id', '=', campaignId).where('status', '=', 'pending').orderBy('id').limit(1).executeTakeFirst();
}

/** pending → sent with its SMS, in the SMS's own transaction; false when another sender got there first. */
export async function claimRecipient(db: Executor, id: string, smsId: string, at: string): Promise<boolean> {
  const res = await db
    .updateTable('marketing_recipients')
    .set({ status: 'sent', sms_id: smsId, sent_at: at, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function settleRecipient(db: Executor, id: string, status: 'skipped' | 'failed', reason: string, at: string): Promise<void> {
  await db
    .updateTable('marketing_recipients')
    .set(status === 'skipped' ? { status, skip_reason: reason, cost_cents: 0, updated_at: at } : { status, error_code: reason, cost_cents: 0, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

export type RecipientRow = MarketingRecipientsTable & { sms_status: string | null; sms_cost: number | string | null; sms_refunded: number | null; sms_error: string | null };

const withSms = (db: Executor) =>
  db
    .selectFrom('marketing_recipients as r')
    .leftJoin('sms_messages as s', 's.id', 'r.sms_id')
    .selectAll('r')
    .select(['s.status as sms_status', 's.cost_cents as sms_cost', 's.refunded as sms_refunded', 's.error_code as sms_error']);

export async function listRecipients(db: Executor, scope: Scope, campaignId: string, page: PageRequest, status?: string): Promise<RecipientRow[]> {
  let q = withSms(db).where('r.workspace_id', '=', scope.workspaceId).where('r.mode', '=', scope.mode).where('r.campaign_id', '=', campaignId);
  if (status === 'pending' || status === 'skipped') q = q.where('r.status', '=', status);
  if (status === 'delivered') q = q.where('s.status', '=', 'delivered');
  if (status === 'sent') q = q.where('s.status', 'in', ['queued', 'sending', 'sent']);
  if (status === 'failed') q = q.where((eb) => eb.or([eb('r.status', '=', 'failed'), eb('s.status', 'in', ['failed', 'undelivered'])]));
  if (page.afterId) q = q.where('r.id', '<', page.afterId);
  return q.orderBy('r.id', 'desc').limit(page.limit + 1).execute() as Promise<RecipientRow[]>;
}

/** Recipient counts per campaign by (recipient status, SMS status), with replies and cost. */
export async function recipientStats(db: Executor, campaignIds: string[]) {
  if (campaignIds.length === 0) return [];
  return db
    .selectFrom('marketing_recipients as r')
    .leftJoin('sms_messages as s', 's.id', 'r.sms_id')
    .select((eb) => [
      'r.campaign_id as campaign_id',
      'r.status as status',
      's.status as sms_status',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.count<number | string>('r.replied_at').as('replied'),
      eb.fn.coalesce(eb.fn.sum<number | string>(sql`CASE WHEN s.refunded = 1 THEN 0 ELSE s.cost_cents END`), eb.lit(0)).as('cents'),
    ])
    .where('r.campaign_id', 'in', campaignIds)
    .groupBy(['r.campaign_id', 'r.status', 's.status'])
    .execute();
}
