import type { ManualClock } from '../../src/clock.js';
import { newId } from '../../src/ids.js';
import type { Scope } from '../../src/scope.js';
import { type Api, createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';

// Shared setup for the support and task tests: a harness, a key and its scope, and rows of the
// other CRM groups (contacts, companies ...) written straight to the database, so these tests
// do not depend on those groups' routes.

export interface Ctx {
  h: Harness;
  api: Api;
  scope: Scope;
}

export async function setup(opts: { clock?: ManualClock; workspace?: string } = {}): Promise<Ctx> {
  const h = await createHarness(opts.clock ? { clock: opts.clock } : {});
  const { key, workspaceId } = await h.keyWithId({ workspace: opts.workspace ?? 'support' });
  return { h, api: h.api(key), scope: { workspaceId, mode: 'test' } };
}

const stamps = () => {
  const at = new Date().toISOString();
  return { created_at: at, updated_at: at };
};

export async function insertContact(h: Harness, scope: Scope, name = 'Jane Doe'): Promise<string> {
  const id = newId('con');
  await h.opened.db.insertInto('contacts').values({
    id, workspace_id: scope.workspaceId, mode: scope.mode, name, email: null, emails: '[]', phones: '[]', company_id: null,
    company_name: null, title: null, notes: null, custom_fields: '{}', archived_at: null, ...stamps(),
  }).execute();
  return id;
}

export async function insertCompany(h: Harness, scope: Scope, name = 'Acme'): Promise<string> {
  const id = newId('com');
  await h.opened.db.insertInto('companies').values({
    id, workspace_id: scope.workspaceId, mode: scope.mode, name, domain: null, website: null, notes: null, custom_fields: '{}', archived_at: null, ...stamps(),
  }).execute();
  return id;
}

export async function insertLead(h: Harness, scope: Scope): Promise<string> {
  const id = newId('lead');
  await h.opened.db.insertInto('leads').values({
    id, workspace_id: scope.workspaceId, mode: scope.mode, name: 'Lee', email: null, phone: null, company_name: null, status: 'new', source: 'api',
    notes: null, custom_fields: '{}', converted_at: null, converted_contact_id: null, converted_company_id: null, converted_deal_id: null, ...stamps(),
  }).execute();
  return id;
}

export async function insertDeal(h: Harness, scope: Scope): Promise<string> {
  const id = newId('deal');
  await h.opened.db.insertInto('deals').values({
    id, workspace_id: scope.workspaceId, mode: scope.mode, name: 'Big deal', stage: 'new', company_id: null, contact_id: null, lead_id: null,
    amount_cents: 100_00, currency: 'USD', expected_close_date: null, custom_fields: '{}', archived_at: null, ...stamps(),
  }).execute();
  return id;
}

export async function insertInvoice(h: Harness, scope: Scope): Promise<string> {
  const id = newId('inv');
  await h.opened.db.insertInto('invoices').values({
    id, workspace_id: scope.workspaceId, mode: scope.mode, invoice_number: `INV-${id.slice(-8)}`, status: 'draft', company_id: null, contact_id: null,
    deal_id: null, currency: 'USD', subtotal_cents: 1000, total_cents: 1000, amount_paid_cents: 0, due_date: null, notes: null, sent_at: null,
    paid_at: null, voided_at: null, ...stamps(),
  }).execute();
  return id;
}

/** A real (simulated) call, through the API: funds the workspace and provisions a number. */
export async function makeCall(api: Api): Promise<string> {
  await fund(api, 2000);
  const number = expectOk(await api.post('/v1/numbers', { system_prompt: 'You help.' }), 201).data.id;
  return expectOk(await api.post('/v1/calls', { from: number, to: '+16289234567' }), 201).data.id;
}

export const ids = (body: { data: { id: string }[] }) => body.data.map((r) => r.id);

/** Every page of a list, following next_cursor. */
export async function allPages(api: Api, url: string, limit = 100): Promise<{ id: string }[]> {
  const out: { id: string }[] = [];
  let cursor: string | null = null;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const res = expectOk(await api.get(`${url}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`));
    out.push(...res.data);
    cursor = res.next_cursor;
  } while (cursor);
  return out;
}

export async function eventsOf(api: Api, type: string): Promise<{ type: string; data: Record<string, any> }[]> {
  return expectOk(await api.get(`/v1/events?type=${type}&limit=100`)).data;
}
