import type { Executor } from '../../db/database.js';
import type { MarketingCampaignsTable } from '../../db/schema-books.js';
import { ApiError, notFound } from '../../errors.js';
import type { IdempotencyHandle } from '../../http/plugins/idempotency.js';
import type { PageRequest } from '../../http/pagination.js';
import { newId } from '../../ids.js';
import type { Scope } from '../../scope.js';
import type { CrmDeps } from '../../crm/crm-deps.js';
import { mergeCustomFields } from '../../crm/custom-fields.js';
import { conflict, isUniqueViolation } from '../../crm/sales/sales-shared.js';
import { findNumber } from '../../numbers/number-repository.js';
import { checkAudienceContacts, checkAudienceShape } from './audience.js';
import { campaignDtos, recipientDto } from './campaign-dto.js';
import * as repo from './campaign-repository.js';
import type { CampaignDto, CreateCampaignInput, RecipientDto, UpdateCampaignInput } from './campaign-schemas.js';
import { checkTemplate } from './template.js';

type Deps = Pick<CrmDeps, 'db' | 'clock'>;

const SMS_FIELDS = ['body_template', 'from_number_id', 'audience', 'messages_per_minute'] as const;

const duplicateKey = (key: string) => conflict(`Campaign key "${key}" is already used in this workspace.`, 'key', 'already_exists', { received: key });

/** SMS settings only on SMS campaigns, each checked: the template's variables, the number, the contacts. */
async function checkSmsFields(db: Executor, scope: Scope, channel: string, input: Pick<CreateCampaignInput, (typeof SMS_FIELDS)[number]>): Promise<void> {
  const given = SMS_FIELDS.filter((f) => input[f] !== undefined);
  if (channel !== 'sms') {
    if (given.length > 0) throw new ApiError('validation_error', `${given[0]} applies to SMS campaigns (channel "sms") only.`, [{ field: given[0]!, error: 'sms_only' }]);
    return;
  }
  if (input.body_template !== undefined) checkTemplate(input.body_template);
  if (input.from_number_id !== undefined) {
    const number = await findNumber(db, scope, input.from_number_id);
    if (!number) throw new ApiError('not_found', 'No such number.', [{ field: 'from_number_id', error: 'not_found', received: input.from_number_id }]);
  }
  if (input.audience !== undefined) {
    checkAudienceShape(input.audience);
    await checkAudienceContacts(db, scope, input.audience);
  }
}

const one = async (db: Executor, row: MarketingCampaignsTable) => (await campaignDtos(db, [row]))[0]!;

export async function createCampaign(deps: Deps, scope: Scope, input: CreateCampaignInput, idempotency: IdempotencyHandle | null): Promise<CampaignDto> {
  const now = deps.clock.now().toISOString();
  if (input.channel === 'sms' && input.status === 'active') {
    throw new ApiError('validation_error', 'SMS campaigns start as drafts; send one with POST /v1/marketing/campaigns/{id}/send.', [{ field: 'status', error: 'send_to_start' }]);
  }
  try {
    return await deps.db.transaction().execute(async (trx) => {
      await checkSmsFields(trx, scope, input.channel, input);
      if (await repo.keyTaken(trx, scope, input.key)) throw duplicateKey(input.key);
      const row: MarketingCampaignsTable = {
        id: newId('camp'),
        workspace_id: scope.workspaceId,
        mode: scope.mode,
        key: input.key,
        name: input.name,
        channel: input.channel,
        status: input.status ?? 'draft',
        description: input.description ?? null,
        starts_at: input.starts_at ?? null,
        ends_at: input.ends_at ?? null,
        budget_cents: input.budget_cents ?? null,
        custom_fields: JSON.stringify(input.custom_fields ?? {}),
        body_template: input.body_template ?? null,
        from_number_id: input.from_number_id ?? null,
        audience: input.audience ? JSON.stringify(input.audience) : null,
        messages_per_minute: input.messages_per_minute ?? 60,
        paused_reason: null,
        next_send_at: null,
        send_started_at: null,
        completed_at: null,
        created_at: now,
        updated_at: now,
      };
      await repo.insertCampaign(trx, row);
      const dto = await one(trx, row);
      await idempotency?.saveInTx(trx, 201, dto);
      return dto;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateKey(input.key);
    throw err;
  }
}

export async function getCampaign(deps: Pick<CrmDeps, 'db'>, scope: Scope, id: string): Promise<CampaignDto> {
  const row = await repo.findCampaign(deps.db, scope, id);
  if (!row) throw notFound('campaign');
  return one(deps.db, row);
}

export async function listCampaigns(deps: Pick<CrmDeps, 'db'>, scope: Scope, page: PageRequest, filter: { status?: string; channel?: string; query?: string }): Promise<CampaignDto[]> {
  return campaignDtos(deps.db, await repo.listCampaigns(deps.db, scope, page, filter));
}

/**
 * Edits a campaign. While an SMS campaign is sending, only `status: "paused"` (stop the sender;
 * POST …/send resumes), its name, description and custom fields change; its text, number and
 * audience wait (409). SMS campaigns move to `sending` only through POST …/send.
 */
export async function updateCampaign(deps: Deps, scope: Scope, id: string, input: UpdateCampaignInput, idempotency: IdempotencyHandle | null): Promise<CampaignDto> {
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const existing = await repo.findCampaign(trx, scope, id);
    if (!existing) throw notFound('campaign');
    const sms = existing.channel === 'sms';
    await checkSmsFields(trx, scope, existing.channel, input);
    const changes: Partial<MarketingCampaignsTable> = { updated_at: now };
    for (const f of ['name', 'description', 'starts_at', 'ends_at', 'budget_cents', 'body_template', 'from_number_id', 'messages_per_minute'] as const) {
      if (input[f] !== undefined) (changes as Record<string, unknown>)[f] = input[f];
    }
    if (input.audience !== undefined) changes.audience = JSON.stringify(input.audience);
    if (input.custom_fields !== undefined) changes.custom_fields = mergeCustomFields(existing.custom_fields, input.custom_fields);
    if (existing.status === 'sending') {
      const blocked = ([...SMS_FIELDS] as string[]).find((f) => (input as Record<string, unknown>)[f] !== undefined) ?? (input.status !== undefined && input.status !== 'paused' ? 'status' : undefined);
      if (blocked) throw conflict('This campaign is sending; pause it first (PATCH status: "paused").', blocked, 'campaign_sending');
    }
    if (input.status !== undefined && input.status !== existing.status) {
      if (sms && input.status === 'active') throw new ApiError('validation_error', 'An SMS campaign starts with POST /v1/marketing/campaigns/{id}/send.', [{ field: 'status', error: 'send_to_start' }]);
      changes.status = input.status;
      if (input.status === 'paused') changes.paused_reason = 'requested';
      if (input.status === 'completed') changes.completed_at = now;
    }
    const updated = await repo.updateCampaignIf(trx, id, [existing.status], changes);
    if (!updated) throw conflict('The campaign changed while this request ran; fetch it and retry.', 'id', 'concurrent_change');
    const dto = await one(trx, updated);
    await idempotency?.saveInTx(trx, 200, dto);
    return dto;
  });
}

export async function listRecipients(deps: Pick<CrmDeps, 'db'>, scope: Scope, campaignId: string, page: PageRequest, status?: string): Promise<RecipientDto[]> {
  if (!(await repo.findCampaign(deps.db, scope, campaignId))) throw notFound('campaign');
  return (await repo.listRecipients(deps.db, scope, campaignId, page, status)).map(recipientDto);
}
