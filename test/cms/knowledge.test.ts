import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAIClient } from '../../src/agents/managed-agent.js';
import { SoftphoneClient } from '../../src/softphone/softphone-client.js';
import { startFakeOpenAI } from '../fakes/fake-openai.js';
import { type FakeServer, startFakeSseAgent } from '../fakes/fake-sse-agent.js';
import { type Api, createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';
import { eventually, sseReply } from '../helpers/voice.js';

// A number's knowledge base: `knowledge.collection_id` on the number gives its managed model a
// search_knowledge tool over that CMS collection, on test-mode calls (the softphone) and SMS.
// The fake OpenAI-compatible model calls the tool, gets the entry's text and answers with it.

let h: Harness;
let api: Api;
let openai: FakeServer;
let agent: FakeServer | undefined;
let base: string;
afterEach(async () => {
  await h?.close();
  await openai?.close();
  await agent?.close();
  agent = undefined;
});

async function setup() {
  openai = await startFakeOpenAI();
  h = await createHarness({ env: { AGENTLINE_SIM_RING_MS: '200' }, openai: createOpenAIClient({ apiKey: 'sk-test', baseURL: openai.url, timeoutMs: 10_000 }) });
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  const key = await h.key({ workspace: 'clinic' });
  api = h.api(key);
  await fund(api, 2000);
  const col = expectOk(await api.post('/v1/cms/collections', {
    name: 'Clinic FAQ',
    key: 'faq',
    schema: { fields: [{ key: 'answer', type: 'markdown', required: true }] },
  }), 201).data;
  const entry = async (title: string, answer: string, status = 'published') =>
    expectOk(await api.post('/v1/cms/entries', { collection_id: col.id, title, status, fields: { answer } }), 201).data;
  const hours = await entry('Opening hours', 'Open Monday to Friday 8am-6pm, Saturdays 9am-1pm. Closed Sundays.');
  await entry('Parking', 'Free parking behind the building.');
  await entry('Old opening hours', 'Open every day until 9pm.', 'archived');
  return { key, col, hours };
}

/** The model calls search_knowledge first, then answers from the tool's result (it reads it back). */
function scriptKnowledgeLookup(query: string) {
  openai.script((req, n) => {
    if (n === 0) {
      return { steps: [{ role: true }, { toolCall: { index: 0, id: 'kb1', name: 'search_knowledge', arguments: JSON.stringify({ query }) } }, { finish: 'tool_calls' }, { done: true }] };
    }
    const tool = req.body.messages.at(-1);
    const top = JSON.parse(tool.content).results[0];
    return sseReply(`${top.text.replace(/^answer: /, '')}`);
  });
}

const toolNames = (body: { tools?: { function: { name: string } }[] }) => (body.tools ?? []).map((t) => t.function.name);

describe('knowledge base', () => {
  it('a managed test-mode call answers from the number\'s collection through search_knowledge', async () => {
    const { key, col, hours } = await setup();
    const num = expectOk(await api.post('/v1/numbers', { system_prompt: 'You are the clinic receptionist.', knowledge: { collection_id: col.id } }), 201).data;
    expect(num.knowledge).toEqual({ collection_id: col.id });
    scriptKnowledgeLookup('opening hours saturday');

    const phone = await SoftphoneClient.connect(base, key);
    const connected = new Promise<{ call_id: string }>((r) => phone.once('connected', r));
    phone.dial(num.phone_number);
    const { call_id } = await connected;
    const reply = new Promise<string>((r) => phone.once('turnEnd', r));
    phone.say('Are you open on Saturday?');
    expect(await reply).toBe('Open Monday to Friday 8am-6pm, Saturdays 9am-1pm. Closed Sundays.');

    const first = openai.requests[0]!.body;
    expect(toolNames(first)).toContain('search_knowledge');
    expect(first.messages[0].content).toContain('Knowledge base "Clinic FAQ"');
    const result = JSON.parse(openai.requests[1]!.body.messages.at(-1).content);
    expect(result.results[0]).toMatchObject({ id: hours.id, title: 'Opening hours' });
    // Archived entries are not the business's answers any more.
    expect(result.results.map((r: { title: string }) => r.title)).not.toContain('Old opening hours');
    phone.hangup();

    const transcript = await eventually(async () => {
      const t = expectOk(await api.get(`/v1/calls/${call_id}/transcript`)).data.turns;
      return t.length >= 2 ? t : null;
    });
    expect(transcript.at(-1)).toMatchObject({ speaker: 'agent', text: expect.stringContaining('Saturdays 9am-1pm') });
  });

  it('a managed SMS reply uses it too; nothing found is said plainly', async () => {
    const { col } = await setup();
    const num = expectOk(await api.post('/v1/numbers', { system_prompt: 'Clinic, by text.', knowledge: { collection_id: col.id } }), 201).data;
    scriptKnowledgeLookup('parking');
    expectOk(await api.post('/v1/sms/test-inbound', { to: num.id, from: '+16283334444', body: 'Where can I park?' }), 201);
    const sent = await eventually(async () => expectOk(await api.get('/v1/sms?direction=outbound')).data[0]);
    expect(sent).toMatchObject({ body: 'Free parking behind the building.', to: '+16283334444', agent_reply: true });
    expect(toolNames(openai.requests[0]!.body)).toContain('search_knowledge');
    // Each use is kept, like the CRM tools', as an agent_action activity on the message.
    const actions = expectOk(await api.get('/v1/activities?type=agent_action')).data;
    expect(actions).toEqual([expect.objectContaining({ summary: 'Agent used search_knowledge', related_resource_type: 'sms', metadata: expect.objectContaining({ tool: 'search_knowledge', collection_id: col.id }) })]);

    openai.script((req, n) =>
      n === 0
        ? { steps: [{ role: true }, { toolCall: { index: 0, id: 'kb2', name: 'search_knowledge', arguments: '{"query":"xylophone lessons"}' } }, { finish: 'tool_calls' }, { done: true }] }
        : sseReply(JSON.parse(req.body.messages.at(-1).content).note),
    );
    openai.requests.length = 0;
    expectOk(await api.post('/v1/sms/test-inbound', { to: num.id, from: '+16283335555', body: 'Do you teach xylophone?' }), 201);
    const second = await eventually(async () => expectOk(await api.get('/v1/sms?direction=outbound&to=%2B16283335555')).data.find((m: { to: string }) => m.to === '+16283335555'));
    expect(second.body).toContain('Nothing in the knowledge base matches');
  });

  it('a reusable agent\'s knowledge collection serves every number on it; its knowledge switch off removes the tool', async () => {
    const { col } = await setup();
    const agentRow = expectOk(await api.post('/v1/agents', { name: 'Front Desk', config: { system_prompt: 'Clinic, by text.', knowledge: { collection_id: col.id } } }), 201).data;
    const num = expectOk(await api.post('/v1/numbers', { agent_id: agentRow.id }), 201).data;
    scriptKnowledgeLookup('parking');
    expectOk(await api.post('/v1/sms/test-inbound', { to: num.id, from: '+16283338888', body: 'Where can I park?' }), 201);
    const sent = await eventually(async () => expectOk(await api.get('/v1/sms?direction=outbound')).data[0]);
    expect(sent).toMatchObject({ body: 'Free parking behind the building.', to: '+16283338888' });

    expectOk(await api.patch(`/v1/agents/${agentRow.id}`, { config: { system_prompt: 'Clinic, by text.', knowledge: { collection_id: col.id }, tools: { knowledge: { enabled: false } } } }));
    openai.requests.length = 0;
    openai.script(sseReply('Hello.'));
    expectOk(await api.post('/v1/sms/test-inbound', { to: num.id, from: '+16283339999', body: 'Hi' }), 201);
    await eventually(async () => openai.requests.length > 0);
    expect(toolNames(openai.requests[0]!.body)).not.toContain('search_knowledge');
  });

  it('the number setting: validated in the workspace, shown, detached with null; numbers without it and webhook agents get no tool', async () => {
    const { col } = await setup();
    const missing = await api.post('/v1/numbers', { system_prompt: 'x', knowledge: { collection_id: 'col_00000000000000000000000000' } });
    expect(missing.status, missing.text).toBe(404);
    expect(missing.body.error.details[0]).toMatchObject({ field: 'knowledge.collection_id' });
    const balance = expectOk(await api.get('/v1/credits/balance')).data;
    expect(balance.balance_cents).toBe(2000); // nothing bought

    const plain = expectOk(await api.post('/v1/numbers', { system_prompt: 'Plain.' }), 201).data;
    expect(plain.knowledge).toBeNull();
    const other = h.api(await h.key({ workspace: 'other' }));
    await fund(other, 1000);
    const foreign = await other.post('/v1/numbers', { system_prompt: 'x', knowledge: { collection_id: col.id } });
    expect(foreign.status).toBe(404);
    const otherNum = expectOk(await other.post('/v1/numbers', { system_prompt: 'x' }), 201).data;
    expect((await other.patch(`/v1/numbers/${otherNum.id}`, { knowledge: { collection_id: col.id } })).status).toBe(404);

    expect(expectOk(await api.patch(`/v1/numbers/${plain.id}`, { knowledge: { collection_id: col.id } })).data.knowledge).toEqual({ collection_id: col.id });
    expect(expectOk(await api.get(`/v1/numbers/${plain.id}`)).data.knowledge).toEqual({ collection_id: col.id });
    expect(expectOk(await api.patch(`/v1/numbers/${plain.id}`, { knowledge: null })).data.knowledge).toBeNull();

    openai.script(sseReply('Hello.'));
    expectOk(await api.post('/v1/sms/test-inbound', { to: plain.id, from: '+16283336666', body: 'Hi' }), 201);
    await eventually(async () => openai.requests.length > 0);
    expect(toolNames(openai.requests[0]!.body)).not.toContain('search_knowledge');

    agent = await startFakeSseAgent();
    agent.script(sseReply('Hi from the webhook.'));
    const hooked = expectOk(await api.post('/v1/numbers', { webhook_url: `${agent.url}/agent`, knowledge: { collection_id: col.id } }), 201).data;
    expectOk(await api.post('/v1/sms/test-inbound', { to: hooked.id, from: '+16283337777', body: 'Hi' }), 201);
    await eventually(async () => agent!.requests.length > 0);
    expect(toolNames(agent.requests[0]!.body)).not.toContain('search_knowledge');
  });
});
