import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSpeech, type FakeSpeechServer } from '../fakes/fake-speech.js';
import { startFakeSseAgent, type FakeServer } from '../fakes/fake-sse-agent.js';
import { type Api, createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';
import { eventually } from '../helpers/voice.js';
import { talk } from '../bi/call-helpers.js';

// A recorded test-mode call (a stream number with `recording: true`, the media caller talking
// through the real pipeline) appears as an asset linked to the caller's contact, downloadable
// through the recording's signed link; deleting the recording archives the asset.

let h: Harness;
let api: Api;
let key: string;
let base: string;
let speech: FakeSpeechServer;
let agent: FakeServer;

beforeAll(async () => {
  agent = await startFakeSseAgent();
  speech = await startFakeSpeech();
  h = await createHarness({ env: { AGENTLINE_SPEECH_BASE_URL: speech.url, AGENTLINE_SPEECH_API_KEY: 'sk-speech', PUBLIC_URL: 'https://gw.example.com' } });
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  key = await h.key({ workspace: 'acme' });
  api = h.api(key);
  await fund(api, 2000);
});
afterAll(async () => {
  await h?.close();
  await agent?.close();
  await speech?.close();
});

describe('call recordings as assets', () => {
  it('lists the recording of a call as an asset of its contact, served by its signed link', async () => {
    const contact = expectOk(await api.post('/v1/contacts', { name: 'Jane Doe', phones: ['+14155550123'] }), 201).data;
    const num = expectOk(await api.post('/v1/numbers', { webhook_url: `${agent.url}/agent`, media_mode: 'stream', first_message: 'Hi, this is Acme.', endpointing_ms: 400, recording: true }), 201).data;
    const callId = await talk({ api, base, key, speech, agent, phone: num.phone_number, from: '+14155550123' });
    expect(expectOk(await api.get(`/v1/calls/${callId}`)).data.contact_id).toBe(contact.id);
    const recording = await eventually(async () => {
      const r = await api.get(`/v1/calls/${callId}/recording`);
      return r.status === 200 ? r.body.data : null;
    }, 15_000);

    const listed = expectOk(await api.get(`/v1/assets?related_resource_type=contact&related_resource_id=${contact.id}`)).data;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      source: 'call_recording', status: 'available', asset_type: 'attachment', mime_type: 'audio/wav', file_name: `${callId}.wav`,
      call_id: callId, related_resource_type: 'contact', related_resource_id: contact.id, byte_size: recording.size_bytes,
    });
    expect(expectOk(await api.get(`/v1/assets?call_id=${callId}`)).data.map((a: any) => a.id)).toEqual([listed[0].id]);
    // Listed again: the same asset, not a second one.
    expect(expectOk(await api.get('/v1/assets')).data.filter((a: any) => a.call_id === callId)).toHaveLength(1);

    const asset = expectOk(await api.get(`/v1/assets/${listed[0].id}`)).data;
    expect(asset.download_url).toMatch(/^https:\/\/gw\.example\.com\/v1\/recordings\/rec_[0-9A-Z]{26}\/audio\?expires=\d+&signature=[\w-]{43}$/);
    const u = new URL(asset.download_url);
    const file = await h.app.inject({ method: 'GET', url: u.pathname + u.search });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('audio/wav');
    expect(file.rawPayload.subarray(0, 4).toString()).toBe('RIFF');
    expect(file.rawPayload.length).toBe(recording.size_bytes);

    // The recording deleted: its asset is archived, no longer served.
    expectOk(await api.delete(`/v1/calls/${callId}/recording`));
    const after = expectOk(await api.get(`/v1/assets/${listed[0].id}`)).data;
    expect(after).toMatchObject({ status: 'archived', download_url: null });
    // Another workspace does not see it.
    const stranger = h.api(await h.key({ workspace: 'stranger' }));
    expect((await stranger.get(`/v1/assets/${listed[0].id}`)).status).toBe(404);
  }, 90_000);
});
