import { SegmentedMessage } from 'sms-segments-calculator';
import { afterEach, describe, expect, it } from 'vitest';
import { keywordOf } from '../../src/sms/keywords.js';
import { countSegments } from '../../src/sms/segments.js';
import { startFakeSseAgent, type FakeServer } from '../fakes/fake-sse-agent.js';
import { createHarness, expectOk, fund, type Harness } from '../helpers/harness.js';

// We bill per segment, so our count must be the carrier's. The corpus holds the bodies where a
// plain 160/153, 70/67 count goes wrong; each is compared with Twilio's own calculator, and a
// handful are checked by hand below so a change in the library cannot pass unnoticed.

const a = (n: number) => 'a'.repeat(n);
const x = (n: number) => 'x'.repeat(n);
const EXTENSION = ['^', '{', '}', '\\', '[', '~', ']', '|', '€', '\f'];
const ZWJ_FAMILY = '👩‍👩‍👧‍👦'; // 11 UTF-16 units, one grapheme
const FLAG = '🇫🇷'; // two regional indicators, 4 units
const E_ACUTE = 'e\u0301'; // e + combining acute
const GSM_GREEK = 'ΔΦΓΛΩΠΨΣΘΞ';

function corpus(): [string, string][] {
  const bodies: [string, string][] = [
    ['empty', ''],
    ['one space', ' '],
    ['spaces 161', ' '.repeat(161)],
    ['newlines 161', '\n'.repeat(161)],
    ['CRLF lines', 'line one\r\nline two\r\n'],
    ['tab (not GSM)', 'a\tb'],
    ['no-break space (not GSM)', 'a\u00a0b'],
    ['smart quotes', '“Hello” ‘there’'],
    ['lone ESC', '\u001b'],
    ['ESC inside text', `hello\u001bworld`],
    ['ESC + 159', `\u001b${a(159)}`],
    ['ESC at 161', `${a(160)}\u001b`],
    ['form feed', '\f'],
    ['form feed ×80', '\f'.repeat(80)],
    ['form feed ×81', '\f'.repeat(81)],
    ['€ ×80', '€'.repeat(80)],
    ['€ ×81', '€'.repeat(81)],
    ['€ ×76 + a', `${'€'.repeat(76)}a`],
    ['€ ×77', '€'.repeat(77)],
    ['a + € ×80', `a${'€'.repeat(80)}`],
    ['GSM Greek capitals', GSM_GREEK.repeat(16)],
    ['GSM Greek capitals 161', GSM_GREEK.repeat(16) + 'Δ'],
    ['non-GSM Greek capitals', 'ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ'],
    ['Greek lower case', 'αβγδε'],
    ['é ×160', 'é'.repeat(160)],
    ['é ×161', 'é'.repeat(161)],
    ['ç ×70', 'ç'.repeat(70)],
    ['ç ×71', 'ç'.repeat(71)],
    ['Ç ×160 (GSM)', 'Ç'.repeat(160)],
    ['emoji only ×1', '😀'],
    ['emoji only ×35', '😀'.repeat(35)],
    ['emoji only ×36', '😀'.repeat(36)],
    ['emoji only ×67', '😀'.repeat(67)],
    ['emoji then text', `Hi 😀${x(130)}`],
    ['CJK ×70', '漢'.repeat(70)],
    ['CJK ×71', '漢'.repeat(71)],
    ['Arabic', 'مرحبا بالعالم'],
    ['@£$¥ basic set', '@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ'],
    ['all extension chars', EXTENSION.join('')],
  ];
  for (const n of [1, 159, 160, 161, 305, 306, 307, 458, 459, 460, 611, 612, 613]) bodies.push([`a ×${n}`, a(n)]);
  // An extension character takes two septets and is never split across GSM-7 segments.
  for (const c of EXTENSION) {
    bodies.push([`${JSON.stringify(c)} straddling 153`, `${a(152)}${c}${a(152)}`]);
    bodies.push([`${JSON.stringify(c)} at 153×2`, `${a(305)}${c}${a(152)}`]);
  }
  for (const n of [152, 153, 154]) bodies.push([`€ after ${n} + 1`, `${a(n)}€${a(1)}`]);
  // UCS-2: 70 units alone, 67 per segment, a grapheme never split.
  for (const n of [70, 71, 133, 134, 135, 200, 201, 202]) bodies.push([`ç ×${n}`, 'ç'.repeat(n)]);
  for (const n of [65, 66, 67]) {
    bodies.push([`emoji after ${n}`, `${x(n)}😀${x(66)}`]);
    bodies.push([`ZWJ family after ${n - 5}`, `${x(n - 5)}${ZWJ_FAMILY}${x(10)}`]);
    bodies.push([`flag after ${n}`, `${x(n)}${FLAG}${x(10)}`]);
    bodies.push([`combining mark after ${n}`, `${'ç'.repeat(n)}${E_ACUTE}${x(10)}`]);
  }
  bodies.push(['emoji at 67×2', `${x(133)}😀${x(3)}`]);
  bodies.push(['skin tone straddling', `${x(65)}👍🏽${x(3)}`]);
  bodies.push(['keycap straddling', `${x(66)}1️⃣${x(3)}`]);
  bodies.push(['two flags', `${FLAG}${FLAG}`]);
  bodies.push(['ZWJ only', ZWJ_FAMILY.repeat(7)]);
  bodies.push(['stacked combining marks', `${'ç'.repeat(65)}a\u0301\u0302\u0303${x(3)}`]);
  return bodies;
}

describe('SMS segments, counted as Twilio counts them', () => {
  const bodies = corpus();

  it('the corpus is large enough to mean something', () => {
    expect(bodies.length).toBeGreaterThanOrEqual(90);
  });

  it.each(bodies)('%s', (_label, body) => {
    const carrier = new SegmentedMessage(body, 'auto', false);
    const { encoding, segments } = countSegments(body);
    expect({ encoding, segments }).toEqual({ encoding: carrier.encodingName, segments: carrier.segmentsCount });
  });

  // Worked out by hand from GSM 03.38 / 3GPP 23.040 and Twilio's rules.
  it.each([
    ['', 'GSM-7', 1],
    [a(160), 'GSM-7', 1],
    [a(161), 'GSM-7', 2],
    ['€'.repeat(80), 'GSM-7', 1], // 160 septets
    ['€'.repeat(81), 'GSM-7', 2],
    // 152 + € does not fit in 153 septets: € opens segment 2 (2 + 151), one a is left for a third.
    [`${a(152)}€${a(152)}`, 'GSM-7', 3],
    ['ç'.repeat(70), 'UCS-2', 1],
    ['ç'.repeat(71), 'UCS-2', 2],
    // 66 + an emoji (2 units) does not fit in 67: the emoji opens segment 2 (2 + 65), one x is left.
    [`${x(66)}😀${x(66)}`, 'UCS-2', 3],
    [`${x(66)}${FLAG}x`, 'UCS-2', 2], // 71 units: over 70, and the flag is not split
    ['\u001b', 'UCS-2', 1], // a lone ESC is not GSM-7 text
    ['😀'.repeat(35), 'UCS-2', 1],
    ['😀'.repeat(36), 'UCS-2', 2],
  ] as const)('hand-checked %#', (body, encoding, segments) => {
    expect(countSegments(body)).toMatchObject({ encoding, segments });
  });

  it('recognises opt-out keywords and nothing else', () => {
    for (const w of ['STOP', 'stop', ' Stop. ', 'UNSUBSCRIBE', 'cancel', 'End', 'quit']) expect(keywordOf(w)).toBe('stop');
    for (const w of ['START', 'unstop']) expect(keywordOf(w)).toBe('start');
    expect(keywordOf('help')).toBe('help');
    for (const w of ['please stop calling', 'stopping', 'the end']) expect(keywordOf(w)).toBeNull();
  });
});

describe('SMS segments on the API', () => {
  let h: Harness;
  let agent: FakeServer;
  afterEach(async () => {
    await h?.close();
    await agent?.close();
  });

  it('every message reports its encoding and segments, and is charged per segment', async () => {
    agent = await startFakeSseAgent();
    h = await createHarness();
    const api = h.api(await h.key());
    await fund(api, 1000);
    const num = expectOk(await api.post('/v1/numbers', { webhook_url: `${agent.url}/agent` }), 201).data;
    const before = expectOk(await api.get('/v1/credits/balance')).data.balance_cents;
    const straddling = `${a(152)}€${a(152)}`;
    const sms = expectOk(await api.post('/v1/sms', { from: num.id, to: '+16283334444', body: straddling }), 201).data;
    expect(sms).toMatchObject({ encoding: 'GSM-7', segments: 3, cost_cents: 3 });
    expect(expectOk(await api.get('/v1/credits/balance')).data.balance_cents).toBe(before - 3);
    const emoji = expectOk(await api.post('/v1/sms', { from: num.id, to: '+16283334444', body: `${x(66)}😀${x(66)}` }), 201).data;
    expect(emoji).toMatchObject({ encoding: 'UCS-2', segments: 3 });
    const listed = expectOk(await api.get('/v1/sms')).data as { id: string; encoding: string; segments: number }[];
    expect(listed.map((m) => [m.id, m.encoding, m.segments])).toEqual([
      [emoji.id, 'UCS-2', 3],
      [sms.id, 'GSM-7', 3],
    ]);
  });
});
