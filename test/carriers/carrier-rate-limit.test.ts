import { afterEach, describe, expect, it } from 'vitest';
import { type VoiceHarness, startVoiceHarness } from '../helpers/voice.js';

// Twilio's requests count against the per-IP bucket like any other, but a signed one is never
// refused for the rate: Twilio does not resend a webhook we answer 429 (README "Connecting Twilio").

let v: VoiceHarness;
afterEach(async () => v?.close());

describe('carrier routes and the per-IP rate limit', () => {
  it('a signed carrier webhook over the limit is still served; the API from that address is limited', async () => {
    // The harness itself spends two requests: funding and buying the number.
    v = await startVoiceHarness({ env: { AGENTLINE_RATE_LIMIT_PER_IP: '2' } });
    const num = await v.number();
    const res = await v.h.request({ method: 'GET', url: '/healthz' });
    expect(res.status).toBe(429);
    const sms = await v.twilio('/carrier/twilio/sms', { MessageSid: `SM${'7'.repeat(32)}`, AccountSid: 'AC', From: '+15550001111', To: num.phone_number, Body: 'hello', NumSegments: '1' });
    expect(sms.status).toBe(200);
    const stored = await v.h.opened.db.selectFrom('sms_messages').selectAll().where('carrier_sid', '=', `SM${'7'.repeat(32)}`).execute();
    expect(stored).toHaveLength(1);
    expect((await v.api.get('/v1/sms')).status).toBe(429);
  });
});
