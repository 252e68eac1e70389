import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import type { ContactsTable } from '../../db/schema-crm.js';
import type { MarketingRecipientsTable } from '../../db/schema-books.js';
import { ApiError, type ErrorDetail, notFound } from '../../errors.js';
import { formatUsd } from '../../credits/ledger.js';
import { readBalance } from '../../credits/ledger-repository.js';
import type { IdempotencyHandle } from '../../http/plugins/idempotency.js';
import { newId } from '../../ids.js';
import { findNumber } from '../../numbers/number-repository.js';
import type { Scope } from '../../scope.js';
import { countSegments } from '../../sms/segments.js';
import { isOptedOut } from '../../sms/sms-repository.js';
import { checkAudienceShape, resolveAudience } from './audience.js';
import { campaignDtos } from './campaign-dto.js';
import * as repo from './campaign-repository.js';
import type { AudienceInput, CampaignDto } from './campaign-schemas.js';
import { renderTemplate } from './template.js';

// POST /v1/marketing/campaigns/{id}/send: one transaction that resolves the audience into
// recipient rows (one per contact, ever: a contact the campaign already has is left alone),
// prices every message that will go out, refuses the whole send (402, nothing written) when the
// balance cannot cover it, and hands the campaign to the background sender. Nothing is texted
// or charged here: the sender charges each message through the SMS code as it sends it.

export interface SendDeps {
  db: Db;
  clock: Clock;
  config: Config;
}

const SENDABLE = ['draft', 'paused', 'completed', 'sending'] as const;

function skipReason(contact: ContactsTable, phone: string | undefined, seen: Set<string>, body: string): string | null {
  if (contact.archived_at) return 'contact_archived';
  if (!phone) return 'no_phone';
  if (seen.has(phone)) return 'duplicate_phone';
  if (!body) return 'empty_body';
  if (body.length > 1600) return 'body_too_long';
  return null;
}

export async function sendCampaign(deps: SendDeps, scope: Scope, id: string, idempotency: IdempotencyHandle | null): Promise<CampaignDto> {
  const at = deps.clock.now().toISOString();
  const price = deps.config.prices.smsSegmentCents;
  return deps.db.transaction().execute(async (trx) => {
    const c = await repo.findCampaign(trx, scope, id);
    if (!c) throw notFound('campaign');
    if (c.channel !== 'sms') throw new ApiError('validation_error', `Only SMS campaigns are sent by the gateway; this one's channel is "${c.channel}".`, [{ field: 'channel', error: 'not_sendable', received: c.channel }]);
    if (!(SENDABLE as readonly string[]).includes(c.status)) throw new ApiError('conflict', `A ${c.status} campaign cannot be sent.`, [{ field: 'status', error: 'campaign_not_sendable', status: c.status }]);
    const missing: ErrorDetail[] = (['body_template', 'from_number_id', 'audience'] as const).filter((f) => c[f] === null).map((f) => ({ field: f, error: 'required' }));
    if (missing.length > 0) throw new ApiError('validation_error', `Set ${missing.map((m) => m.field).join(', ')} before sending.`, missing);
    const number = await findNumber(trx, scope, c.from_number_id!);
    if (!number || number.status !== 'active') throw new ApiError('validation_error', 'The sending number is released or gone; set another from_number_id.', [{ field: 'from_number_id', error: 'number_inactive', received: c.from_number_id }]);
    const audience = JSON.parse(c.audience!) as AudienceInput;
    checkAudienceShape(audience);

    // Resuming a paused send: those not texted yet are rebuilt from the current text, number and
    // audience (all editable while paused). Never while the sender runs: nothing changed then.
    if (c.status !== 'sending') await repo.dropPending(trx, c.id);
    const { contacts, missing: gone } = await resolveAudience(trx, scope, audience);
    const existing = await repo.recipientKeys(trx, c.id);
    const known = new Set(existing.map((r) => r.contact_id));
    const seen = new Set(existing.map((r) => r.to_number).filter((p): p is string => p !== null));
    const rows: MarketingRecipientsTable[] = [];
    const base = { workspace_id: scope.workspaceId, mode: scope.mode, campaign_id: c.id, number_id: number.id, error_code: null, sms_id: null, reply_sms_id: null, replied_at: null, sent_at: null, created_at: at, updated_at: at };
    for (const contactId of gone) {
      if (known.has(contactId)) continue;
      rows.push({ ...base, id: newId('rcpt'), contact_id: contactId, to_number: null, body: null, segments: 0, cost_cents: 0, status: 'skipped', skip_reason: 'contact_not_found' });
    }
    for (const contact of contacts) {
      if (known.has(contact.id)) continue;
      const phone = (JSON.parse(contact.phones) as string[])[0];
      const body = renderTemplate(c.body_template!, contact);
      let reason = skipReason(contact, phone, seen, body);
      // Opted out (STOP to this number): recorded as skipped, never texted, never charged.
      if (!reason && (await isOptedOut(trx, number.id, phone!))) reason = 'opted_out';
      if (phone) seen.add(phone);
      const segments = reason ? 0 : countSegments(body).segments;
      rows.push({ ...base, id: newId('rcpt'), contact_id: contact.id, to_number: phone ?? null, body: reason === 'no_phone' ? null : body, segments, cost_cents: segments * price, status: reason ? 'skipped' : 'pending', skip_reason: reason });
    }
    await repo.insertRecipients(trx, rows);

    // The whole send must be affordable now: every message still to go, this send's and any left
    // pending by a pause. The sender charges each one as it goes (a balance spent meanwhile
    // pauses the campaign with paused_reason `insufficient_credits`).
    const owed = await repo.pendingCost(trx, c.id);
    const committed = await repo.otherSendingCost(trx, scope, c.id); // other campaigns still sending
    const balance = await readBalance(trx, scope);
    if (owed.cents + committed > balance) {
      const other = committed > 0 ? ` (${formatUsd(committed)} of it is owed by other campaigns still sending)` : '';
      throw new ApiError('insufficient_credits', `Sending to ${owed.count} recipient(s) costs ${formatUsd(owed.cents)} and the balance is ${formatUsd(balance)}${other}. Buy credits with POST /v1/credits/purchase; nothing was sent.`, [
        { error: 'insufficient_credits', required_cents: owed.cents + committed, balance_cents: balance, recipients: owed.count },
      ]);
    }
    const updated = await repo.updateCampaignIf(trx, c.id, [c.status], {
      status: owed.count > 0 ? 'sending' : 'completed',
      paused_reason: null,
      next_send_at: c.status === 'sending' ? c.next_send_at : at,
      send_started_at: c.send_started_at ?? at,
      completed_at: owed.count > 0 ? null : (c.completed_at ?? at),
      updated_at: at,
    });
    if (!updated) throw new ApiError('conflict', 'The campaign changed while this request ran; fetch it and retry.', [{ field: 'id', error: 'concurrent_change' }]);
    const dto = (await campaignDtos(trx, [updated]))[0]!;
    await idempotency?.saveInTx(trx, 202, dto);
    return dto;
  });
}
