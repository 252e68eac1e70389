import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { percentile } from '../../src/bi/aggregate.js';
import { startFakeSpeech, type FakeSpeechServer } from '../fakes/fake-speech.js';
import { startFakeSseAgent, type FakeServer } from '../fakes/fake-sse-agent.js';
import { type Api, createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';
import { eventually } from '../helpers/voice.js';
import { talk } from './call-helpers.js';

// The README's example, "calls per day and p95 first_audio_ms per number, last 30 days", over
// real test-mode calls: two stream numbers, three calls, their turns timed by the speech
// pipeline; the answer checked against the calls' own transcripts (GET /v1/calls/{id}/transcript).

let h: Harness;
let api: Api;
let key: string;
let base: string;
let speech: FakeSpeechServer;
let agent: FakeServer;
const calls: Record<string, string[]> = {};
let numbers: string[] = [];

beforeAll(async () => {
  agent = await startFakeSseAgent();
  speech = await startFakeSpeech();
  h = await createHarness({ env: { AGENTLINE_SPEECH_BASE_URL: speech.url, AGENTLINE_SPEECH_API_KEY: 'sk-speech', PUBLIC_URL: 'https://gw.example.com' } });
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  key = await h.key({ workspace: 'acme' });
  api = h.api(key);
  await fund(api, 5000);
  for (const n of [0, 1]) {
    const num = expectOk(await api.post('/v1/numbers', { webhook_url: `${agent.url}/agent`, media_mode: 'stream', first_message: 'Hi, this is Acme.', endpointing_ms: 400 }), 201).data;
    numbers.push(num.id);
    calls[num.id] = [];
    for (let i = 0; i < 2 - n; i++) calls[num.id]!.push(await talk({ api, base, key, speech, agent, phone: num.phone_number }));
  }
  // Turns are written in the background: wait until every call has its three (greeting, caller, reply).
  for (const id of Object.values(calls).flat()) {
    await eventually(async () => expectOk(await api.get(`/v1/calls/${id}/transcript`)).data.turns.length >= 3, 10_000);
  }
}, 180_000);
afterAll(async () => {
  await h?.close();
  await agent?.close();
  await speech?.close();
});

/** What the transcripts say: each number's agent turns' first_audio_ms. */
async function expected() {
  const out: Record<string, { calls: number; p95: number | null }> = {};
  for (const [numberId, ids] of Object.entries(calls)) {
    const ms: number[] = [];
    for (const id of ids) {
      for (const t of expectOk(await api.get(`/v1/calls/${id}/transcript`)).data.turns) if (typeof t.timings.first_audio_ms === 'number') ms.push(t.timings.first_audio_ms);
    }
    out[numberId] = { calls: ids.length, p95: percentile(ms.sort((a, b) => a - b), 0.95) };
  }
  return out;
}

describe('calls per day and p95 first_audio_ms per number, last 30 days', () => {
  it('as a report of two saved metrics over two datasets', async () => {
    const perDay = expectOk(await api.post('/v1/bi/metrics', { name: 'Calls', key: 'calls', dataset: 'calls', measure: { agg: 'count' }, time: { bucket: 'day' } }), 201).data;
    const p95 = expectOk(await api.post('/v1/bi/metrics', { name: 'p95 first audio', key: 'p95_first_audio_ms', dataset: 'call_turns', measure: { agg: 'p95', field: 'first_audio_ms' }, time: { bucket: 'day' } }), 201).data;
    const report = expectOk(await api.post('/v1/bi/reports', { name: 'Voice latency by number', metric_ids: [perDay.id, p95.id], dimensions: ['number_id'], time: { bucket: 'day', last_days: 30 } }), 201).data;
    expect(report).toMatchObject({ metric_ids: [perDay.id, p95.id], dataset_id: null });

    const result = expectOk(await api.post('/v1/bi/queries/run', { report_id: report.id })).data;
    expect(result.columns).toEqual([{ key: 'bucket', type: 'timestamp' }, { key: 'number_id', type: 'string' }, { key: 'calls', type: 'number' }, { key: 'p95_first_audio_ms', type: 'number' }]);
    const today = new Date(h.clock.now().toISOString().slice(0, 10)).toISOString();
    const want = await expected();
    expect(result.rows).toEqual(numbers.map((n) => ({ bucket: today, number_id: n, calls: want[n]!.calls, p95_first_audio_ms: want[n]!.p95 })).sort((a, b) => (a.number_id < b.number_id ? -1 : 1)));
    // Real pipeline timings (a reply cut by the hangup may have none: nulls are left out, as in SQL).
    expect(Math.max(...numbers.map((n) => want[n]!.p95 ?? 0))).toBeGreaterThan(0);
    expect(Date.parse(result.time_range.to) - Date.parse(result.time_range.from)).toBe(30 * 86_400_000);
  });

  it('as one query over call_turns', async () => {
    const res = await api.post('/v1/bi/queries/run', {
      query: {
        dataset: 'call_turns',
        measures: [{ agg: 'count_distinct', field: 'call_id', as: 'calls' }, { agg: 'p95', field: 'first_audio_ms' }],
        dimensions: ['number_id'],
        time: { bucket: 'day', last_days: 30 },
      },
    });
    const data = expectOk(res).data;
    const want = await expected();
    expect(data.rows.map((r: any) => [r.number_id, r.calls, r.p95_first_audio_ms])).toEqual(
      [...numbers].sort().map((n) => [n, want[n]!.calls, want[n]!.p95]),
    );
    // Another workspace, or live mode, sees none of these calls.
    for (const other of [await h.key({ workspace: 'stranger' }), await h.key({ workspace: 'acme', mode: 'live' })]) {
      const theirs = expectOk(await h.api(other).post('/v1/bi/queries/run', { query: { dataset: 'calls', measures: [{ agg: 'count' }] } })).data;
      expect(theirs.rows).toEqual([{ count: 0 }]);
    }
  });

  it('exports the report as CSV: an async job, then a signed download', async () => {
    const report = expectOk(await api.get('/v1/bi/reports')).data[0];
    const created = await api.post('/v1/bi/exports', { name: 'Latency', format: 'csv', report_id: report.id });
    expect(created.status, created.text).toBe(202);
    expect(created.body.data).toMatchObject({ status: 'pending', format: 'csv', download_url: null });
    const done = await eventually(async () => {
      const e = expectOk(await api.get(`/v1/bi/exports/${created.body.data.id}`)).data;
      return e.status === 'succeeded' ? e : null;
    });
    expect(done.row_count).toBe(2);
    const u = new URL(done.download_url);
    const file = await h.app.inject({ method: 'GET', url: u.pathname + u.search });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('text/csv');
    const lines = file.body.trim().split('\r\n');
    expect(lines[0]).toBe('bucket,number_id,calls,p95_first_audio_ms');
    expect(lines).toHaveLength(3);
    const want = await expected();
    const first = [...numbers].sort()[0]!;
    expect(lines[1]).toBe(`${new Date(h.clock.now().toISOString().slice(0, 10)).toISOString()},${first},${want[first]!.calls},${want[first]!.p95 ?? ''}`);
    const events = expectOk(await api.get('/v1/events?type=bi.export.completed')).data;
    expect(events[0].data).toMatchObject({ id: done.id, row_count: 2, asset_id: done.asset_id });
    // The file is an asset too.
    expect(expectOk(await api.get(`/v1/assets/${done.asset_id}`)).data).toMatchObject({ source: 'bi_export', mime_type: 'text/csv', status: 'available' });
  });
});
