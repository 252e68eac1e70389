import { afterEach, describe, expect, it } from 'vitest';
import { findLoneSurrogate } from '../../src/http/plugins/text-safety.js';
import { startFakeSseAgent, type FakeServer } from '../fakes/fake-sse-agent.js';
import { createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';

// A JSON body may spell an unpaired UTF-16 surrogate ("\ud800"). It is not text, and stored it
// silently becomes U+FFFD, so every body holding one is refused with 422 naming the field.

describe('findLoneSurrogate', () => {
  it.each([
    ['plain text', { a: 'hello', b: ['x', 1, true, null] }, null],
    ['a surrogate pair (emoji)', { a: 'hi 😀', b: ['🇫🇷', '👩‍👩‍👧'] }, null],
    ['U+FFFD itself is text', { a: '\ufffd' }, null],
    ['a lone high surrogate at the end', { body: 'Hi \ud83d' }, 'body'],
    ['a lone low surrogate', { body: '\ude00 there' }, 'body'],
    ['a pair in the wrong order', { body: '\ude00\ud83d' }, 'body'],
    ['nested in an array', { emails: ['ok@example.com', 'bad\ud800@example.com'] }, 'emails.1'],
    ['deep in objects', { a: { b: { c: ['x', { d: '\udfff' }] } } }, 'a.b.c.1.d'],
    ['in a key', { metadata: { 'k\ud800': 'v' } }, 'metadata.k\ud800'],
    ['the body itself a string', '\ud800', '(body)'],
  ] as const)('%s', (_label, body, field) => {
    expect(findLoneSurrogate(body)).toBe(field);
  });

  it('walks any nesting without recursion', () => {
    let deep: unknown = '\ud800';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findLoneSurrogate(deep)).toBe(Array(100_000).fill('0').join('.'));
  });
});

describe('bodies with a lone surrogate, through the API', () => {
  let h: Harness;
  let agent: FakeServer;
  afterEach(async () => {
    await h?.close();
    await agent?.close();
  });

  it('POST /v1/sms refuses it with 422 invalid_unicode on `body`, and sends and charges nothing', async () => {
    agent = await startFakeSseAgent();
    h = await createHarness();
    const key = await h.key();
    const api = h.api(key);
    await fund(api, 1000);
    const num = expectOk(await api.post('/v1/numbers', { webhook_url: `${agent.url}/agent` }), 201).data;
    const balance = expectOk(await api.get('/v1/credits/balance')).data.balance_cents;

    // Spelled as a JSON escape, exactly as a client sends it.
    const raw = `{"from":"${num.id}","to":"+16283334444","body":"Your code \\ud83d is 1234"}`;
    const res = await h.request({ method: 'POST', url: '/v1/sms', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, payload: raw });
    expect(res.status, res.text).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'validation_error', details: [{ field: 'body', error: 'invalid_unicode' }] });

    // The same with an Idempotency-Key: refused, not remembered, so a corrected retry goes through.
    const withKey = await api.post('/v1/sms', { from: num.id, to: '+16283334444', body: 'bad \udc00' }, { 'idempotency-key': 'k-1' });
    expect(withKey.status).toBe(422);
    expect(expectOk(await api.get('/v1/sms')).data).toEqual([]);
    expect(expectOk(await api.get('/v1/credits/balance')).data.balance_cents).toBe(balance);

    const good = expectOk(await api.post('/v1/sms', { from: num.id, to: '+16283334444', body: 'Your code 😀 is 1234' }), 201).data;
    expect(good.body).toBe('Your code 😀 is 1234');
  });

  it('a CRM route refuses it too, naming the nested field', async () => {
    h = await createHarness();
    const api = h.api(await h.key());
    const res = await api.post('/v1/contacts', { name: 'Jane Doe', emails: ['jane@example.com', 'j\ud800@example.com'] });
    expect(res.status, res.text).toBe(422);
    expect(res.body.error.details).toEqual([{ field: 'emails.1', error: 'invalid_unicode' }]);
    const notes = await api.post('/v1/contacts', { name: 'Jane Doe', notes: 'Met \udead at the fair' });
    expect(notes.body.error.details).toEqual([{ field: 'notes', error: 'invalid_unicode' }]);
    expect(expectOk(await api.get('/v1/contacts')).data).toEqual([]);
    expectOk(await api.post('/v1/contacts', { name: 'Zoë 👋', notes: 'fine' }), 201);
  });
});
