import type { Executor } from '../../db/database.js';
import type { MarketingCampaignsTable } from '../../db/schema-books.js';
import type { AudienceInput, CampaignDto, RecipientDto } from './campaign-schemas.js';
import { type RecipientRow, recipientStats } from './campaign-repository.js';

type Stats = NonNullable<CampaignDto['stats']>;
const emptyStats = (): Stats => ({ recipients: 0, pending: 0, sent: 0, delivered: 0, failed: 0, skipped: 0, replied: 0, cost_cents: 0 });

/** Campaign DTOs; SMS campaigns carry their recipients' counts. */
export async function campaignDtos(db: Executor, rows: MarketingCampaignsTable[]): Promise<CampaignDto[]> {
  const sms = rows.filter((r) => r.channel === 'sms').map((r) => r.id);
  const stats = new Map<string, Stats>(sms.map((id) => [id, emptyStats()]));
  for (const s of await recipientStats(db, sms)) {
    const t = stats.get(s.campaign_id)!;
    const n = Number(s.n);
    t.recipients += n;
    t.replied += Number(s.replied);
    t.cost_cents += Number(s.cents);
    if (s.status === 'pending') t.pending += n;
    else if (s.status === 'skipped') t.skipped += n;
    else if (s.status === 'failed' || s.sms_status === 'failed' || s.sms_status === 'undelivered') t.failed += n;
    else if (s.sms_status === 'delivered') t.delivered += n;
    else t.sent += n;
  }
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    name: r.name,
    channel: r.channel,
    status: r.status,
    description: r.description,
    starts_at: r.starts_at,
    ends_at: r.ends_at,
    budget_cents: r.budget_cents === null ? null : Number(r.budget_cents),
    custom_fields: JSON.parse(r.custom_fields) as Record<string, string>,
    body_template: r.body_template,
    from_number_id: r.from_number_id,
    audience: r.audience ? (JSON.parse(r.audience) as AudienceInput) : null,
    messages_per_minute: r.channel === 'sms' ? r.messages_per_minute : null,
    paused_reason: r.paused_reason,
    stats: stats.get(r.id) ?? null,
    send_started_at: r.send_started_at,
    completed_at: r.completed_at,
    livemode: r.mode === 'live',
    created_at: r.created_at,
    updated_at: r.updated_at,
  }));
}

export function recipientDto(r: RecipientRow): RecipientDto {
  const status: RecipientDto['status'] =
    r.status === 'pending' || r.status === 'skipped' || r.status === 'failed'
      ? r.status
      : r.sms_status === 'delivered'
        ? 'delivered'
        : r.sms_status === 'failed' || r.sms_status === 'undelivered'
          ? 'failed'
          : 'sent';
  const cost = r.sms_id ? (r.sms_refunded === 1 ? 0 : Number(r.sms_cost ?? 0)) : Number(r.cost_cents);
  return {
    id: r.id,
    campaign_id: r.campaign_id,
    contact_id: r.contact_id,
    to: r.to_number,
    body: r.body,
    segments: r.segments,
    cost_cents: cost,
    status,
    skip_reason: r.skip_reason,
    error_code: r.error_code ?? r.sms_error,
    sms_id: r.sms_id,
    sent_at: r.sent_at,
    replied_at: r.replied_at,
    reply_sms_id: r.reply_sms_id,
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
}
