import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_DIR } from '../../src/console/console-routes.js';
import { readWav, writeWav } from '../../src/media/wav.js';
import { startFakeSpeech, type FakeSpeechServer } from '../fakes/fake-speech.js';
import { startFakeSseAgent, type FakeServer } from '../fakes/fake-sse-agent.js';
import { AUDIO_DIR } from '../helpers/audio-fixtures.js';
import { type Api, createHarness, expectOk, type Harness } from '../helpers/harness.js';
import { eventually, sseReply } from '../helpers/voice.js';

// The operator console as a newcomer meets it, in real headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core; nothing downloaded) against a real listening
// gateway: sign in with the key, buy test credits, create a stream number, call it from the
// browser with a fake microphone playing a speech fixture (the gateway's real Silero VAD, the
// fake STT/TTS and agent servers), see the transcript, then the call record, balance and
// ledger; every page is screenshotted into test-artifacts/console/ (CI keeps them).

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = resolve('test-artifacts/console');
const haveChromium = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true';
/**
 * The fake microphone (Chromium loops the file): 2.5 s of silence while the greeting plays, the
 * 8 kHz 16-bit PCM "hello" fixture, then 6 s of silence for the agent to answer; written as a
 * 16-bit PCM WAV, the only kind Chromium's fake capture reads.
 */
function writeMicWav(dir: string): string {
  const hello = readWav(readFileSync(join(AUDIO_DIR, 'hello.wav')));
  const rate = hello.sampleRate;
  const samples = new Int16Array(Math.round(rate * 2.5) + hello.samples.length + rate * 6);
  samples.set(hello.samples, Math.round(rate * 2.5));
  const path = join(dir, 'mic.wav');
  writeFileSync(path, writeWav({ sampleRate: rate, samples }));
  return path;
}

let h: Harness;
let agent: FakeServer;
let speech: FakeSpeechServer;
let receiver: Server;
let receiverUrl: string;
let browser: BrowserContext;
let profile: string;
let page: Page;
let base: string;
let key: string;
let readOnlyKey: string;
let api: Api;
const failed: string[] = [];
const pageErrors: string[] = [];

async function shot(name: string) {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.mouse.move(1, 1); // no stray hover tooltip in the picture
  await page.screenshot({ path, fullPage: true });
  console.log(`screenshot: ${path}`);
}

async function signIn(k: string) {
  await page.goto(`${base}/console/`);
  await page.getByLabel('API key').fill(k);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const nav = (label: string) => page.getByRole('navigation').getByRole('link', { name: label, exact: true }).or(page.locator('nav a', { hasText: label })).first();

beforeAll(async () => {
  if (!haveChromium) return;
  if (!existsSync(join(CONSOLE_DIR, 'index.html'))) throw new Error(`The console is not built (${CONSOLE_DIR}): run npm run build first (npm test's pretest does).`);
  agent = await startFakeSseAgent();
  speech = await startFakeSpeech();
  receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(req.url === '/fail' ? 500 : 204).end());
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  // The gateway's PUBLIC_URL is where the browser reaches it (recording links are built from it).
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  h = await createHarness({ env: { AGENTLINE_SPEECH_BASE_URL: speech.url, AGENTLINE_SPEECH_API_KEY: 'sk-speech', PUBLIC_URL: base } });
  await h.app.listen({ port, host: '127.0.0.1' });
  key = await h.key({ workspace: 'acme' });
  readOnlyKey = await h.key({ workspace: 'acme', readOnly: true });
  api = h.api(key);

  profile = mkdtempSync(join(tmpdir(), 'agentline-console-'));
  const micWav = writeMicWav(profile);
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1360, height: 900 },
    timeout: 60_000,
    permissions: ['microphone'],
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${micWav}`,
    ],
  });
  page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(20_000);
  page.on('requestfailed', (r) => failed.push(`${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('pageerror', (err) => pageErrors.push(String(err)));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  await h?.close();
  await agent?.close();
  await speech?.close();
  await new Promise<void>((r) => (receiver ? receiver.close(() => r()) : r()));
});

describe.skipIf(!haveChromium && !inCi)('the console in a browser', { timeout: 90_000 }, () => {
  it('Chromium is there', () => {
    if (!haveChromium) throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" (.ci/run does), or set CHROMIUM_PATH.`);
  });

  it('refuses a wrong key with the API\'s message, and keeps the key out of URLs and cookies', async () => {
    await page.goto(`${base}/console/`);
    await shot('01-sign-in');
    await page.getByLabel('API key').fill('al_test_notarealkey0000000000000000000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('api-error').innerText()).toBe('This API key is unknown, revoked or malformed.');
    await shot('02-sign-in-wrong-key');

    await signIn(key);
    await expect.poll(() => page.getByTestId('workspace-name').innerText()).toBe('acme');
    expect(await page.getByTestId('mode-badge').innerText()).toMatch(/test/i);
    expect(page.url()).not.toContain(key);
    expect(await browser.cookies()).toEqual([]);
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.getItem('agentline.apiKey'))).toBe(key);
    expect(await page.evaluate(() => (globalThis as any).localStorage.length)).toBe(0);
  });

  it('shows an empty workspace with what to do next, then buys test credits', async () => {
    await expect.poll(() => page.getByTestId('stat-balance').innerText()).toBe('$0.00');
    await page.getByTestId('low-balance').waitFor();
    await shot('03-overview-empty');

    await nav('Numbers').click();
    await page.getByTestId('empty-state').waitFor();
    expect(await page.getByTestId('empty-state').innerText()).toContain('Create a number');
    await shot('04-numbers-empty');

    await nav('Credits').click();
    await page.getByLabel('Amount in dollars').fill('20');
    await page.getByRole('button', { name: 'Add $20.00' }).click();
    await expect.poll(() => page.getByTestId('credits-balance').innerText()).toBe('$20.00');
    await page.getByTestId('ledger-table').getByText('purchase', { exact: true }).waitFor();
    expect(expectOk(await api.get('/v1/credits/balance')).data.balance_cents).toBe(2000);
  });

  it('creates a stream number and lists it', async () => {
    await nav('Numbers').click();
    await page.getByRole('button', { name: 'New number' }).first().click();
    const dialog = page.getByRole('dialog');
    // A bad URL: the form shows exactly what the API says, and nothing is created.
    await dialog.getByLabel('Webhook URL').fill('ftp://agent.example.com/agent');
    await dialog.getByRole('button', { name: 'Create number' }).click();
    const refusal = expectOk(await api.post('/v1/numbers', { media_mode: 'relay', inbound_mode: 'autopilot', webhook_url: 'ftp://agent.example.com/agent' }), 422);
    await expect.poll(() => dialog.getByTestId('api-error').innerText()).toBe(refusal.error.message);
    expect(expectOk(await api.get('/v1/numbers')).data).toHaveLength(0);
    await dialog.getByLabel('Webhook URL').fill(new URL('agent', agent.url).href);
    await dialog.getByText('Stream (audio)').click();
    await dialog.getByLabel('First message').fill('Hi, this is Acme.');
    await dialog.getByLabel('Endpointing (ms)').fill('400');
    await dialog.getByLabel('Record calls').check();
    await shot('05-numbers-create');
    await dialog.getByRole('button', { name: 'Create number' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const numbers = expectOk(await api.get('/v1/numbers')).data;
    expect(numbers).toHaveLength(1);
    expect(numbers[0]).toMatchObject({ media_mode: 'stream', recording: true, first_message: 'Hi, this is Acme.', endpointing_ms: 400, webhook_url: new URL('agent', agent.url).href });
    const row = page.getByTestId('numbers-table').getByRole('row').nth(1);
    expect(await row.innerText()).toContain('stream');
    await shot('06-numbers-list');
  });

  it('calls the stream number from the browser with the microphone and shows the transcript live', async () => {
    speech.scriptStt({ text: 'I need an appointment.' });
    agent.script(sseReply('Sure, ', 'Tuesday at ten works.'));
    const number = expectOk(await api.get('/v1/numbers')).data[0];

    await page.getByTestId('numbers-table').getByRole('row').nth(1).click();
    await page.getByRole('button', { name: 'Call' }).click();
    const phone = page.getByTestId('softphone');
    await expect.poll(() => phone.getByTestId('softphone-status').innerText(), { timeout: 15_000 }).toBe('On the call');
    // The greeting, then what the fake microphone said (as the fake STT heard it), then the agent.
    await phone.getByText('Hi, this is Acme.').waitFor();
    await phone.getByText('I need an appointment.').first().waitFor({ timeout: 45_000 });
    await phone.getByText('Sure, Tuesday at ten works.').first().waitFor({ timeout: 30_000 });
    // The greeting and the reply (TTS tones, 50 ms a character) play out in the browser.
    await expect.poll(async () => Number(await phone.getAttribute('data-played-ms')), { timeout: 20_000 }).toBeGreaterThan(2000);
    await shot('07-softphone-call');
    // The agent was asked with the caller's words, and the STT got audio the browser sent.
    expect(agent.requests[0]!.body.messages.at(-1)).toEqual({ role: 'user', content: 'I need an appointment.' });
    expect(speech.transcriptions[0]!.file.length).toBeGreaterThan(1000);

    // DTMF from the keypad reaches the call.
    await phone.getByRole('button', { name: 'Keypad' }).click();
    await page.getByRole('button', { name: 'Key 5' }).click();
    await phone.getByText('pressed 5').waitFor();
    await phone.getByRole('button', { name: 'Keypad' }).click();

    await phone.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => phone.getByTestId('softphone-status').innerText()).toBe('Call ended');

    const calls = expectOk(await api.get(`/v1/calls?number_id=${number.id}`)).data;
    expect(calls).toHaveLength(1);
    const call = await eventually(async () => {
      const c = expectOk(await api.get(`/v1/calls/${calls[0].id}`)).data;
      return c.status === 'completed' ? c : null;
    }, 15_000);
    expect(call).toMatchObject({ livemode: false, direction: 'inbound', billed_minutes: 1, cost_cents: 3, end_reason: 'caller_hangup' });

    // The call record: the conversation, with a timing bar per agent turn, cost and ledger.
    await phone.getByRole('link', { name: 'Open the call record' }).click();
    await page.getByTestId('conversation').waitFor();
    const transcript = expectOk(await api.get(`/v1/calls/${call.id}/transcript`)).data;
    console.log(JSON.stringify(transcript.turns.map((t: any) => [t.speaker, t.text, t.interrupted, t.timings])));
    expect(transcript.turns.map((t: any) => t.text)).toContain('I need an appointment.');
    const shown = await page.getByTestId('conversation').innerText();
    for (const t of transcript.turns) if (t.text) expect(shown).toContain(t.text);
    expect(await page.getByTestId('timing-bar').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('−$0.03').count()).toBeGreaterThan(0);
    // The call was recorded: the player plays the gateway's two-channel WAV through its signed link.
    const player = page.getByTestId('recording-player');
    await player.waitFor({ timeout: 15_000 });
    const src = (await player.getAttribute('src'))!;
    expect(src.startsWith(`${base}/v1/recordings/`)).toBe(true);
    const res = await fetch(src); // no API key: the signed link is its own authorization
    const bytes = Buffer.from(await res.arrayBuffer());
    const wav = { status: res.status, riff: bytes.subarray(0, 4).toString('latin1'), channels: bytes.readUInt16LE(22), size: bytes.length };
    expect(wav).toMatchObject({ status: 200, riff: 'RIFF', channels: 2 });
    // …and the browser itself can load and decode it (the console's CSP lets it).
    const seconds = await player.evaluate(
      (el: any) =>
        new Promise<number>((resolve) => {
          el.addEventListener('loadedmetadata', () => resolve(el.duration), { once: true });
          el.addEventListener('error', () => resolve(-1), { once: true });
          el.preload = 'auto';
          el.load();
        }),
    );
    expect(seconds).toBeGreaterThan(1);
    expect(wav.size).toBeGreaterThan(8000 * 2 * 2); // more than a second of stereo 16-bit audio
    await shot('08-call-page');
  });

  it('shows the balance and ledger after the call', async () => {
    await nav('Credits').click();
    await expect.poll(() => page.getByTestId('credits-balance').innerText()).toBe('$14.97');
    const ledger = page.getByTestId('ledger-table');
    await ledger.getByText('call minutes').waitFor();
    expect(await ledger.getByRole('row').nth(1).innerText()).toContain('$14.97');
    await shot('09-credits');
    await nav('Calls').click();
    await page.getByTestId('calls-table').getByText('completed').waitFor();
    await shot('10-calls');
    await nav('Overview').click();
    await expect.poll(() => page.getByTestId('stat-calls-today').innerText()).toBe('1');
    await page.getByTestId('spend-chart').waitFor();
    await shot('11-overview');
  });

  it('talks to a relay number as a text chat, with the streamed reply, and the calls list shows it live', async () => {
    agent.script(sseReply('We open ', 'at nine.'));
    const relay = expectOk(await api.post('/v1/numbers', { webhook_url: new URL('agent', agent.url).href, first_message: 'Acme front desk.' }), 201).data;
    await page.goto(`${base}/console/numbers/${relay.id}`);
    await page.getByRole('button', { name: 'Call' }).click();
    const phone = page.getByTestId('softphone');
    await expect.poll(() => phone.getByTestId('softphone-status').innerText()).toBe('On the call');
    await phone.getByText('Acme front desk.').waitFor();
    await phone.getByLabel('Message').fill('When do you open?');
    await phone.getByRole('button', { name: 'Send' }).click();
    await phone.getByText('We open at nine.').waitFor();
    await shot('07b-softphone-text-call');

    // While the call is up, another tab's Calls page shows it live, without a reload.
    // (The key lives in one tab's session storage: the new tab signs in too.)
    const other = await browser.newPage();
    await other.goto(`${base}/console/calls`);
    await other.getByLabel('API key').fill(key);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.getByTestId('calls-table').getByText('live').first().waitFor();
    // The agent says goodbye and ends the call with its end_call tool.
    agent.script({
      steps: [
        { role: true },
        { delta: 'Thanks for calling!' },
        { toolCall: { index: 0, id: 'tc1', name: 'end_call', arguments: '{"goodbye":"Bye now."}' } },
        { finish: 'tool_calls' },
        { done: true },
      ],
    });
    await phone.getByLabel('Message').fill('Great, bye');
    await phone.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => phone.getByTestId('softphone-status').innerText(), { timeout: 15_000 }).toBe('Call ended');
    await other.getByTestId('calls-table').getByRole('row').nth(1).getByText('completed').waitFor({ timeout: 15_000 });
    await other.close();

    await phone.getByRole('link', { name: 'Open the call record' }).click();
    const toolCall = page.getByTestId('tool-call').first();
    await toolCall.waitFor();
    expect(await toolCall.innerText()).toContain('end_call');
    await shot('08b-call-page-tool-call');
  });

  it('SMS threads with opt-out state, webhooks with deliveries and retry, contacts with a timeline', async () => {
    const number = expectOk(await api.get('/v1/numbers')).data.find((n: any) => n.media_mode === 'stream');
    const contact = expectOk(await api.post('/v1/contacts', { name: 'Dana Whitfield', phones: ['+14155550142'], email: 'dana@example.com', notes: 'Prefers afternoons.' }), 201).data;
    expectOk(await api.post('/v1/sms/test-inbound', { to: number.id, from: '+14155550142', body: 'Do you have anything on Friday?' }), 201);
    expectOk(await api.post('/v1/sms', { from: number.id, to: '+14155550142', body: 'Friday at 3 pm is open. Shall I book it?' }), 201);
    expectOk(await api.post('/v1/sms/test-inbound', { to: number.id, from: '+16289234567', body: 'STOP' }), 201);
    await nav('SMS').click();
    await page.getByText('+1 415 555 0142').first().click();
    await page.getByText('Friday at 3 pm is open. Shall I book it?').first().waitFor();
    await shot('12-sms');
    await page.getByText('+1 628 923 4567').first().click();
    await page.getByTestId('opted-out').waitFor();
    await shot('13-sms-opted-out');

    const ok = expectOk(await api.post('/v1/webhooks', { url: `${receiverUrl}/ok`, event_types: ['*'], name: 'CRM sync' }), 201).data;
    const bad = expectOk(await api.post('/v1/webhooks', { url: `${receiverUrl}/fail`, event_types: ['webhook.test'] }), 201).data;
    await nav('Webhooks').click();
    await page.getByText('CRM sync').waitFor();
    await shot('14-webhooks');
    await page.goto(`${base}/console/webhooks/${bad.id}`);
    await page.getByRole('button', { name: 'Send test event' }).click();
    await page.getByTestId('deliveries-table').getByText('webhook.test').waitFor();
    await h.app.webhooks.runOnce();
    await h.app.webhooks.runOnce();
    void ok;
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByTestId('deliveries-table').getByText('500').first().waitFor();
    // Retry now: the worker tries again at once, and the second attempt shows with its code.
    await page.getByRole('button', { name: 'Retry now' }).click();
    await expect.poll(async () => expectOk(await api.get(`/v1/webhooks/${bad.id}/deliveries`)).data[0].next_attempt_at <= new Date().toISOString()).toBe(true);
    await h.app.webhooks.runOnce();
    await page.getByRole('button', { name: 'Refresh' }).click();
    const deliveries = page.getByTestId('deliveries-table');
    await expect.poll(() => deliveries.getByRole('row').nth(1).getByRole('cell').nth(3).innerText()).toBe('2');
    await deliveries.getByText('webhook.test').click();
    await deliveries.getByText('#2 ·').waitFor();
    await shot('15-webhook-deliveries');

    expectOk(await api.post('/v1/activities', { type: 'note', summary: 'Asked about Friday availability', body: 'Wants an afternoon slot.', related_resource_type: 'contact', related_resource_id: contact.id }), 201);
    // Long lists page with the API's cursor: 25 at a time, then "Load more".
    for (let i = 1; i <= 27; i++) expectOk(await api.post('/v1/contacts', { name: `Lead ${String(i).padStart(2, '0')} Example` }), 201);
    await nav('Contacts').click();
    const rows = page.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBe(25);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => rows.count()).toBe(28);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    await page.getByLabel('Search contacts').fill('dana');
    await page.getByText('Dana Whitfield').first().click();
    await page.getByText('Prefers afternoons.').waitFor();
    await shot('16-contact-timeline');
  });

  it('a read-only key sees everything and can change nothing', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(readOnlyKey);
    await page.getByTestId('read-only-badge').waitFor();
    await nav('Numbers').click();
    const create = page.getByRole('button', { name: 'New number' }).first();
    await create.waitFor();
    expect(await create.isDisabled()).toBe(true);
    await page.getByTestId('numbers-table').getByRole('row').nth(1).click();
    expect(await page.getByRole('button', { name: 'Call' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Edit' }).isDisabled()).toBe(true);
    await shot('17-read-only-number');
    // What the API says if a write is tried anyway with this key (the console shows it as is).
    const res: any = await page.evaluate(async (k) => {
      const r = await fetch('/v1/numbers', { method: 'POST', headers: { authorization: `Bearer ${k}`, 'content-type': 'application/json' }, body: '{}' });
      return r.json();
    }, readOnlyKey);
    expect(res.error).toMatchObject({ code: 'token_read_only', message: 'This key is read-only; use a key with write access.' });
    expect(expectOk(await api.get('/v1/numbers')).data).toHaveLength(2); // nothing was created
  });

  it('works at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const calls = expectOk(await api.get('/v1/calls')).data;
    await page.goto(`${base}/console/calls/${calls.at(-1).id}`); // the browser call with the microphone
    await page.getByTestId('conversation').waitFor();
    await shot('18-phone-call-page');
    await page.goto(`${base}/console/`);
    await page.getByTestId('spend-chart').waitFor();
    await shot('19-phone-overview');
    await page.getByRole('button', { name: 'Menu' }).click();
    await shot('20-phone-menu');
    await page.setViewportSize({ width: 1360, height: 900 });
    expect(failed.filter((f) => !f.includes('ERR_ABORTED'))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
  it('edits a number and releases it, from its page', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(key);
    await page.getByTestId('workspace-name').waitFor();
    const n = expectOk(await api.post('/v1/numbers', { webhook_url: new URL('agent', agent.url).href, first_message: 'Old greeting.' }), 201).data;
    await page.goto(`${base}/console/numbers/${n.id}`);
    await page.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('First message').fill('Welcome to Acme, how can I help?');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Welcome to Acme, how can I help?').waitFor();
    expect(expectOk(await api.get(`/v1/numbers/${n.id}`)).data.first_message).toBe('Welcome to Acme, how can I help?');

    await page.getByRole('button', { name: 'Release' }).click();
    await page.getByRole('button', { name: 'Release number' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.getByTestId('released-notice').waitFor();
    expect(expectOk(await api.get(`/v1/numbers/${n.id}`)).data.status).toBe('released');
    await shot('21-number-released');
    expect(pageErrors).toEqual([]);
  });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  const { port } = probe.address() as AddressInfo;
  await new Promise((ok) => probe.close(ok));
  return port;
}
