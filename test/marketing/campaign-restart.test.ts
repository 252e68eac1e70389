import { rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { SimCarrier } from '../../src/carriers/sim/sim-carrier.js';
import { buildApp } from '../../src/http/app.js';
import { findActiveByPhone } from '../../src/numbers/number-repository.js';
import { createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';
import { eventually } from '../helpers/voice.js';

// A gateway that stops in the middle of a campaign, and two gateways sending the same campaign
// at once: every contact is texted exactly once, and charged once.

let h: Harness;
const apps: FastifyInstance[] = [];
afterAll(async () => {
  for (const app of apps) await app.close();
  await h.opened.close();
  rmSync(h.dir, { recursive: true, force: true });
});

async function anotherGateway(): Promise<FastifyInstance> {
  const sim = new SimCarrier(async (phone) => (await findActiveByPhone(h.opened.db, 'test', phone)) !== undefined);
  const app = await buildApp({ config: h.config, db: h.opened.db, clock: h.clock, carriers: { test: sim, live: sim } });
  await app.ready();
  apps.push(app);
  return app;
}

const inject = async (app: FastifyInstance, key: string, method: 'GET' | 'POST', url: string) => {
  const res = await app.inject({ method, url, headers: { authorization: `Bearer ${key}` } });
  return { status: res.statusCode, body: JSON.parse(res.body), text: res.body };
};

describe('SMS campaign sending survives restarts and a second gateway', () => {
  it('texts each contact once across a restart mid-send and two concurrent senders', async () => {
    h = await createHarness();
    const key = await h.key({ workspace: 'restart' });
    const api = h.api(key);
    await fund(api, 1000);
    const num = expectOk(await api.post('/v1/numbers', { system_prompt: 'x', inbound_mode: 'off' }), 201).data;
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(expectOk(await api.post('/v1/contacts', { name: `C${i}`, phones: [`+1415555040${i}`] }), 201).data.id);
    const camp = expectOk(await api.post('/v1/marketing/campaigns', { key: 'restart', name: 'Restart', channel: 'sms', body_template: 'Hello {{name}}', from_number_id: num.id, audience: { contact_ids: ids }, messages_per_minute: 300 }), 201).data;
    // A retried send (two at once) queues each contact once.
    const sends = await Promise.all([api.post(`/v1/marketing/campaigns/${camp.id}/send`), api.post(`/v1/marketing/campaigns/${camp.id}/send`)]);
    expect(sends.map((s) => s.status).sort()).toContain(202);
    await eventually(async () => expectOk(await api.get('/v1/sms?direction=outbound')).data.length >= 2, 5000);

    // The first gateway stops mid-send; a new one (and a second beside it) take over.
    await h.app.close();
    const mid = await h.opened.db.selectFrom('marketing_recipients').select('status').where('campaign_id', '=', camp.id).execute();
    expect(mid.filter((r) => r.status === 'pending').length).toBeGreaterThan(0);
    const a = await anotherGateway();
    await anotherGateway();
    await eventually(async () => (await inject(a, key, 'GET', `/v1/marketing/campaigns/${camp.id}`)).body.data.status === 'completed', 10_000);

    const sms = await h.opened.db.selectFrom('sms_messages').selectAll().where('direction', '=', 'outbound').where('number_id', '=', num.id).execute();
    expect(sms).toHaveLength(6);
    expect(new Set(sms.map((m) => m.to_number)).size).toBe(6);
    const charges = await h.opened.db.selectFrom('ledger_entries').selectAll().where('kind', '=', 'sms').where('workspace_id', '=', sms[0]!.workspace_id).execute();
    expect(charges).toHaveLength(6);
    const rs = (await inject(a, key, 'GET', `/v1/marketing/campaigns/${camp.id}/recipients`)).body.data;
    expect(rs).toHaveLength(6);
    expect(new Set(rs.map((r: any) => r.sms_id)).size).toBe(6);
    // Sending once more, on the new gateway, sends nothing.
    expect((await inject(a, key, 'POST', `/v1/marketing/campaigns/${camp.id}/send`)).status).toBe(202);
    await new Promise((r) => setTimeout(r, 300));
    expect(await h.opened.db.selectFrom('sms_messages').select('id').where('direction', '=', 'outbound').where('number_id', '=', num.id).execute()).toHaveLength(6);
  });
});
