import type { FastifyBaseLogger } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { CALL_DURATION, NUM_SEGMENTS, SEQUENCE_NUMBER, readCarrierInt, readErrorCode, readErrorMessage } from '../../src/carriers/twilio/carrier-values.js';
import { expectOk } from '../helpers/harness.js';
import { type VoiceHarness, eventually, sseReply, startVoiceHarness } from '../helpers/voice.js';

function recordingLog() {
  const warnings: Array<Record<string, unknown>> = [];
  const log = { warn: (obj: Record<string, unknown>) => warnings.push(obj) } as unknown as FastifyBaseLogger;
  return { log, warnings };
}

describe('carrier values', () => {
  it('reads whole numbers within bounds; refuses and logs anything else, with the ids and the raw value', () => {
    const { log, warnings } = recordingLog();
    const ctx = { log, ids: { call_id: 'call_1', call_sid: 'CA1' } };
    expect(readCarrierInt({ CallDuration: '75' }, CALL_DURATION, ctx)).toEqual({ state: 'ok', value: 75 });
    expect(readCarrierInt({ CallDuration: '0' }, CALL_DURATION, ctx)).toEqual({ state: 'ok', value: 0 });
    expect(readCarrierInt({ CallDuration: '86400' }, CALL_DURATION, ctx)).toEqual({ state: 'ok', value: 86_400 });
    expect(readCarrierInt({}, CALL_DURATION, ctx)).toEqual({ state: 'absent' });
    expect(readCarrierInt({ CallDuration: '' }, CALL_DURATION, ctx)).toEqual({ state: 'absent' });
    expect(warnings).toHaveLength(0);
    const bad = ['-6000', '86401', '1e9', '12.5', ' 30', '30 ', 'NaN', 'Infinity', '0x10', '999999999999', '+5'];
    for (const raw of bad) expect(readCarrierInt({ CallDuration: raw }, CALL_DURATION, ctx), raw).toEqual({ state: 'refused', raw });
    expect(warnings).toHaveLength(bad.length);
    expect(warnings[0]).toMatchObject({ call_id: 'call_1', call_sid: 'CA1', field: 'CallDuration', raw: '-6000' });
    expect(readCarrierInt({ SequenceNumber: '-1' }, SEQUENCE_NUMBER, ctx).state).toBe('refused');
    expect(readCarrierInt({ NumSegments: '0' }, NUM_SEGMENTS, ctx).state).toBe('refused');
    expect(readCarrierInt({ NumSegments: '3' }, NUM_SEGMENTS, ctx)).toEqual({ state: 'ok', value: 3 });
  });

  it('keeps Twilio-shaped error codes and bounded, printable error messages', () => {
    const { log, warnings } = recordingLog();
    const ctx = { log, ids: { sms_id: 'sms_1' } };
    expect(readErrorCode({ ErrorCode: '30007' }, ctx)).toBe('30007');
    expect(readErrorCode({}, ctx)).toBeNull();
    for (const raw of ['abc', '-30007', '3000', '300070', '<b>1</b>']) expect(readErrorCode({ ErrorCode: raw }, ctx), raw).toBeNull();
    expect(warnings.map((w) => w.raw)).toEqual(['abc', '-30007', '3000', '300070', '<b>1</b>']);
    expect(warnings[0]).toMatchObject({ sms_id: 'sms_1', field: 'ErrorCode' });
    expect(readErrorMessage({ ErrorMessage: 'bad\u0000\nthing' })).toBe('bad  thing');
    expect(readErrorMessage({ ErrorMessage: 'x'.repeat(2000) })).toHaveLength(500);
  });
});

describe('carrier values through signed callbacks', () => {
  let v: VoiceHarness;
  afterEach(async () => v?.close());

  const balance = async () => expectOk(await v.api.get('/v1/credits/balance')).data.balance_cents as number;
  const unbilled = async (id: string) => (await v.h.opened.db.selectFrom('calls').select('unbilled_cents').where('id', '=', id).executeTakeFirstOrThrow()).unbilled_cents;
  const ledgerSum = async (id: string) =>
    expectOk(await v.api.get(`/v1/credits/ledger?related_id=${id}`)).data.reduce((s: number, e: { amount_cents: number }) => s + e.amount_cents, 0) as number;

  it('a negative or absurd CallDuration mints and charges nothing; the gateway\'s duration stands and a later sane one still reconciles', async () => {
    v = await startVoiceHarness({ env: { AGENTLINE_BILLING_MINUTE_MS: '300' } });
    const num = await v.number();
    const beforeCall = await balance();
    v.agent.script(sseReply('Hi.'));
    const { caller, callId, callSid } = await v.call(num.phone_number);
    caller.prompt('Hello');
    await caller.nextText();
    await eventually(async () => expectOk(await v.api.get(`/v1/calls/${callId}`)).data.billed_minutes >= 2);
    await caller.hangup();

    expect((await v.twilio('/carrier/twilio/status', { CallSid: callSid, CallStatus: 'completed', CallDuration: '-6000', SequenceNumber: '4' })).status).toBe(204);
    const measured = expectOk(await v.api.get(`/v1/calls/${callId}`)).data;
    // Billed from the gateway's own clock (answered until the report): a talking call costs at
    // least a minute, and no credit is minted.
    expect(measured).toMatchObject({ status: 'completed' });
    expect(await unbilled(callId)).toBe(0);
    expect(measured.duration_seconds).toBeGreaterThan(0);
    expect(measured.billed_minutes).toBeGreaterThanOrEqual(1);
    expect(await ledgerSum(callId)).toBe(-measured.cost_cents);
    expect(await balance()).toBe(beforeCall - measured.cost_cents);

    const settled = await balance();
    expect((await v.twilio('/carrier/twilio/status', { CallSid: callSid, CallStatus: 'completed', CallDuration: '999999999', SequenceNumber: '5' })).status).toBe(204);
    expect(await balance()).toBe(settled);
    expect(expectOk(await v.api.get(`/v1/calls/${callId}`)).data).toMatchObject({ duration_seconds: measured.duration_seconds, billed_minutes: measured.billed_minutes });
    expect(await unbilled(callId)).toBe(0);

    // The carrier's own sane duration is still authoritative: 0 s refunds every minute.
    await v.twilio('/carrier/twilio/status', { CallSid: callSid, CallStatus: 'completed', CallDuration: '0', SequenceNumber: '6' });
    expect(expectOk(await v.api.get(`/v1/calls/${callId}`)).data).toMatchObject({ status: 'completed', billed_minutes: 0, cost_cents: 0 });
    expect(await ledgerSum(callId)).toBe(0);
  });

  it('a malformed ErrorCode on an SMS failure is dropped, the failure still refunded', async () => {
    v = await startVoiceHarness();
    const num = await v.number();
    const sms = expectOk(await v.api.post('/v1/sms', { from: num.id, to: '+16287654321', body: 'hello' }), 201).data;
    const sid = [...v.twilioRest.messages.values()][0]!.sid;
    const res = await v.twilio('/carrier/twilio/sms-status', { MessageSid: sid, MessageStatus: 'failed', ErrorCode: 'DROP TABLE', ErrorMessage: 'Unknown\u0000error', NumSegments: '-4' }, { query: `sms_id=${sms.id}` });
    expect(res.status).toBe(204);
    expect(expectOk(await v.api.get(`/v1/sms/${sms.id}`)).data).toMatchObject({ status: 'failed', error_code: null, error_message: 'Unknown error' });
    expect(await ledgerSum(sms.id)).toBe(0);
  });
});
