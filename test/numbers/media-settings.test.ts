import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';

// A number chooses how its calls carry audio (media_mode) and tunes the gateway's own speech
// pipeline (endpointing_ms, barge_in_ms). Shown on the number, settable on create and PATCH,
// bad values refused with 422 and nothing changed.

let h: Harness;
afterEach(async () => h?.close());

async function setup() {
  h = await createHarness();
  const api = h.api(await h.key());
  await fund(api, 5000);
  return api;
}

describe('media settings on a number', () => {
  it('defaults to ConversationRelay with the pipeline defaults', async () => {
    const api = await setup();
    const num = expectOk(await api.post('/v1/numbers', { system_prompt: 'x' }), 201).data;
    expect(num).toMatchObject({ media_mode: 'relay', endpointing_ms: 500, barge_in_ms: 250, voice_id: null, language: 'en-US' });
    expect(expectOk(await api.get(`/v1/numbers/${num.id}`)).data).toEqual(num);
  });

  it('sets stream mode and the speech settings on create and keeps them', async () => {
    const api = await setup();
    const num = expectOk(
      await api.post('/v1/numbers', { system_prompt: 'x', media_mode: 'stream', endpointing_ms: 800, barge_in_ms: 0, voice_id: 'alloy', language: 'de-DE' }),
      201,
    ).data;
    expect(num).toMatchObject({ media_mode: 'stream', endpointing_ms: 800, barge_in_ms: 0, voice_id: 'alloy', language: 'de-DE' });
    const listed = expectOk(await api.get('/v1/numbers')).data;
    expect(listed[0]).toMatchObject({ media_mode: 'stream', endpointing_ms: 800, barge_in_ms: 0 });
    const events = expectOk(await api.get('/v1/events?type=number.provisioned')).data;
    expect(events[0].data).toMatchObject({ media_mode: 'stream', endpointing_ms: 800, barge_in_ms: 0 });
  });

  it('PATCH changes each setting alone and leaves the others as they were', async () => {
    const api = await setup();
    const num = expectOk(await api.post('/v1/numbers', { system_prompt: 'x' }), 201).data;
    expect(expectOk(await api.patch(`/v1/numbers/${num.id}`, { media_mode: 'stream' })).data).toMatchObject({ media_mode: 'stream', endpointing_ms: 500, barge_in_ms: 250 });
    expect(expectOk(await api.patch(`/v1/numbers/${num.id}`, { endpointing_ms: 100 })).data).toMatchObject({ media_mode: 'stream', endpointing_ms: 100, barge_in_ms: 250 });
    expect(expectOk(await api.patch(`/v1/numbers/${num.id}`, { barge_in_ms: 3000 })).data).toMatchObject({ media_mode: 'stream', endpointing_ms: 100, barge_in_ms: 3000 });
    const back = expectOk(await api.patch(`/v1/numbers/${num.id}`, { media_mode: 'relay' })).data;
    expect(back).toMatchObject({ media_mode: 'relay', endpointing_ms: 100, barge_in_ms: 3000 });
    expect(expectOk(await api.get(`/v1/numbers/${num.id}`)).data).toEqual(back);
  });

  it('takes realtime on a managed number (webhook numbers are refused: test/realtime/number-rules.test.ts)', async () => {
    const api = await setup();
    const num = expectOk(await api.post('/v1/numbers', { system_prompt: 'x', media_mode: 'realtime', voice_id: 'marin' }), 201).data;
    expect(num).toMatchObject({ media_mode: 'realtime', voice_id: 'marin' });
    expect(expectOk(await api.patch(`/v1/numbers/${num.id}`, { media_mode: 'stream' })).data).toMatchObject({ media_mode: 'stream' });
  });

  it('refuses out-of-range and mistyped values with the field named', async () => {
    const api = await setup();
    const num = expectOk(await api.post('/v1/numbers', { system_prompt: 'x' }), 201).data;
    const cases: [Record<string, unknown>, string][] = [
      [{ media_mode: 'video' }, 'media_mode'],
      [{ media_mode: null }, 'media_mode'],
      [{ endpointing_ms: 99 }, 'endpointing_ms'],
      [{ endpointing_ms: 3001 }, 'endpointing_ms'],
      [{ endpointing_ms: 500.5 }, 'endpointing_ms'],
      [{ endpointing_ms: '500' }, 'endpointing_ms'],
      [{ endpointing_ms: null }, 'endpointing_ms'],
      [{ barge_in_ms: -1 }, 'barge_in_ms'],
      [{ barge_in_ms: 3001 }, 'barge_in_ms'],
      [{ barge_in_ms: true }, 'barge_in_ms'],
    ];
    for (const [body, field] of cases) {
      for (const res of [await api.post('/v1/numbers', { system_prompt: 'x', ...body }), await api.patch(`/v1/numbers/${num.id}`, body)]) {
        expect(res.status, JSON.stringify(body)).toBe(422);
        expect(res.body.error.details.map((d: { field: string }) => d.field).join(','), JSON.stringify(body)).toContain(field);
      }
    }
    expect(expectOk(await api.get('/v1/numbers')).data).toHaveLength(1);
    expect(expectOk(await api.get(`/v1/numbers/${num.id}`)).data).toEqual(num);
  });

  it('the OpenAPI document describes the media mode and the speech settings', async () => {
    await setup();
    const res = await h.request({ method: 'GET', url: '/v1/openapi.json' });
    const doc = res.body as { components: { schemas: Record<string, { properties: Record<string, { enum?: string[]; anyOf?: Array<{ const?: string; enum?: string[] }>; minimum?: number; maximum?: number }>; required?: string[] }> } };
    const number = doc.components.schemas.Number!;
    expect(number.required).toEqual(expect.arrayContaining(['media_mode', 'endpointing_ms', 'barge_in_ms']));
    const modes = JSON.stringify(number.properties.media_mode);
    for (const m of ['relay', 'stream', 'realtime']) expect(modes).toContain(`"${m}"`);
    expect(number.properties.endpointing_ms).toMatchObject({ minimum: 100, maximum: 3000 });
    expect(number.properties.barge_in_ms).toMatchObject({ minimum: 0, maximum: 3000 });
  });
});
