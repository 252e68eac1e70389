import { sql } from 'kysely';
import type { Trx } from '../../../db/database.js';
import { notFound } from '../../../errors.js';
import { emitEvent } from '../../../events/event-writer.js';
import type { IdempotencyHandle } from '../../../http/plugins/idempotency.js';
import type { Scope } from '../../../scope.js';
import type { CrmDeps } from '../../crm-deps.js';
import { createCompanyInTx } from '../../people/companies/company-service.js';
import { createContactInTx } from '../../people/contacts/contact-service.js';
import { createDealInternal } from '../deals/deal-service.js';
import { type LeadDto, leadDto } from './lead-dto.js';
import * as repo from './lead-repository.js';

// POST /v1/leads/{id}/convert: the lead becomes a contact (with its phone in contact_phones, so
// calls from that number find it), filed under a company (an existing one with the same name, or
// a new one) and optionally given a deal, all in one transaction. The conditional UPDATE that
// marks the lead converted runs first: of racing conversions exactly one proceeds, the others
// (and every later call) answer the same converted lead, so there is never a second contact.

export interface ConvertLeadInput {
  create_deal?: boolean;
  deal_name?: string;
  deal_stage?: string;
  amount_cents?: number;
  currency?: string;
}

type Deps = Pick<CrmDeps, 'db' | 'clock'>;

/** The same company name (case-insensitive) in this workspace and mode, else a new company. */
async function findOrCreateCompany(trx: Trx, scope: Scope, name: string, at: Date): Promise<string> {
  const existing = await trx
    .selectFrom('companies')
    .select('id')
    .where('workspace_id', '=', scope.workspaceId)
    .where('mode', '=', scope.mode)
    .where('archived_at', 'is', null)
    .where(sql<boolean>`lower(trim(name)) = lower(trim(${name}))`)
    .orderBy('id', 'asc')
    .limit(1)
    .executeTakeFirst();
  if (existing) return existing.id;
  return (await createCompanyInTx(trx, scope, { name: name.trim() }, at)).id;
}

/**
 * Converts a lead (see above). Idempotent: converting a converted lead answers it unchanged,
 * whatever the body. Emits `contact.created` and `lead.converted`.
 */
export async function convertLead(deps: Deps, scope: Scope, id: string, input: ConvertLeadInput | undefined, idempotency: IdempotencyHandle | null): Promise<LeadDto> {
  const body = input ?? {};
  const at = deps.clock.now();
  const now = at.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const lead = await repo.claimForConversion(trx, scope, id, now);
    if (!lead) {
      const existing = await repo.findLead(trx, scope, id);
      if (!existing) throw notFound('lead');
      const dto = leadDto(existing);
      await idempotency?.saveInTx(trx, 200, dto);
      return dto;
    }

    const companyId = lead.company_name ? await findOrCreateCompany(trx, scope, lead.company_name, at) : null;
    // The people feature's contact creation: row, contact_phones, search document, contact.created.
    const contact = await createContactInTx(
      trx,
      scope,
      {
        name: lead.name,
        email: lead.email ?? undefined,
        // RFC 3966's `;ext=` carries the lead's extension over; the number is already ours.
        phones: lead.phone ? [lead.phone_extension ? `${lead.phone};ext=${lead.phone_extension}` : lead.phone] : [],
        phonesAreOurs: true,
        company_id: companyId ?? undefined,
        notes: lead.notes ?? undefined,
        custom_fields: JSON.parse(lead.custom_fields) as Record<string, string>,
      },
      at,
    );
    const wantsDeal = body.create_deal ?? (body.deal_name !== undefined || body.deal_stage !== undefined || body.amount_cents !== undefined);
    const deal = wantsDeal
      ? await createDealInternal(
          trx,
          scope,
          {
            name: body.deal_name ?? lead.company_name ?? lead.name,
            stage: body.deal_stage,
            company_id: companyId,
            contact_id: contact.id,
            lead_id: lead.id,
            amount_cents: body.amount_cents ?? null,
            currency: body.currency,
          },
          at,
          'deal_stage',
        )
      : null;

    const changes = { converted_contact_id: contact.id, converted_company_id: companyId, converted_deal_id: deal?.id ?? null };
    await repo.updateLead(trx, scope, id, changes);
    const dto = leadDto({ ...lead, ...changes });
    await emitEvent(trx, scope, 'lead.converted', { ...dto }, at);
    await idempotency?.saveInTx(trx, 200, dto);
    return dto;
  });
}
