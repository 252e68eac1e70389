import { afterEach, describe, expect, it } from 'vitest';
import { interpretToolCall } from '../../src/calls/tools.js';
import type { FakeReply } from '../fakes/fake-sse-agent.js';
import { expectOk } from '../helpers/harness.js';
import { type VoiceHarness, eventually, startVoiceHarness } from '../helpers/voice.js';

// Agents say transfer targets the way people write them; the gateway reads them as the
// workspace reads numbers and dials E.164.

let v: VoiceHarness;
afterEach(async () => v?.close());

const transferTo = (to: string): FakeReply => ({ steps: [{ role: true }, { toolCall: { index: 0, id: 't1', name: 'transfer_call', arguments: JSON.stringify({ to }) } }, { finish: 'tool_calls' }, { done: true }] });

describe('transfer_call targets', () => {
  it('reads them in the workspace region, refuses what is not a valid number', () => {
    expect(interpretToolCall('transfer_call', '{"to":"415.555.2671"}')).toMatchObject({ kind: 'transfer', to: '+14155552671' });
    expect(interpretToolCall('transfer_call', '{"to":"(415) 555-2671"}', { defaultRegion: 'US' })).toMatchObject({ kind: 'transfer', to: '+14155552671' });
    expect(interpretToolCall('transfer_call', '{"to":"020 7946 0958"}', { defaultRegion: 'GB' })).toMatchObject({ kind: 'transfer', to: '+442079460958' });
    expect(interpretToolCall('transfer_call', '{"to":"＋１ ４１５ ５５５ ２６７１"}')).toMatchObject({ kind: 'transfer', to: '+14155552671' });
    expect(interpretToolCall('transfer_call', '{"to":"+1 555 555 5555"}')).toMatchObject({ kind: 'invalid', error: expect.stringContaining('555 is not an area code in use') });
    expect(interpretToolCall('transfer_call', '{"to":"+1 555 555 0199"}')).toMatchObject({ kind: 'invalid' });
    expect(interpretToolCall('transfer_call', '{"to":"+1 555 555 0199"}', { defaultRegion: 'US', allowFictional: true })).toMatchObject({ kind: 'transfer', to: '+15555550199' });
    expect(interpretToolCall('transfer_call', '{"to":"415 555 2671 x12"}')).toMatchObject({ kind: 'invalid', error: expect.stringContaining('extension') });
    expect(interpretToolCall('transfer_call', '{"to":12}')).toMatchObject({ kind: 'invalid' });
  });

  it('an agent transferring to 415.555.2671 dials +14155552671', async () => {
    v = await startVoiceHarness();
    const num = await v.number();
    v.agent.script(transferTo('415.555.2671'));
    const { caller, callId, callSid } = await v.call(num.phone_number);
    caller.prompt('Can I talk to a person?');
    const end = await caller.waitFor((f) => f.type === 'end', 5000);
    expect(JSON.parse(end.handoffData)).toEqual({ reason: 'transferred', transferTo: '+14155552671' });
    const action = await v.twilio('/carrier/twilio/relay-action', { CallSid: callSid, CallStatus: 'in-progress', SessionStatus: 'ended', HandoffData: end.handoffData });
    expect(action.text).toMatch(/<Dial callerId="\+1\d+">\+14155552671<\/Dial>/);
    await caller.hangup();
    await eventually(async () => expectOk(await v.api.get(`/v1/calls/${callId}`)).data.transfer_to === '+14155552671');
  });

  it('in a GB workspace, 020 7946 0958 is +442079460958; +1 555 555 5555 is not transferred', async () => {
    v = await startVoiceHarness();
    expectOk(await v.api.patch('/v1/workspace', { default_region: 'GB' }));
    const num = await v.number();
    v.agent.script((_req, n) => (n === 0 ? transferTo('+1 555 555 5555') : transferTo('020 7946 0958')));
    const { caller, callId } = await v.call(num.phone_number);
    caller.prompt('Put me through to the office.');
    await eventually(async () => v.agent.requests.length === 1);
    await v.agent.requests[0]!.closed;
    caller.prompt('Please, the London office.');
    const end = await caller.waitFor((f) => f.type === 'end', 5000);
    expect(JSON.parse(end.handoffData)).toEqual({ reason: 'transferred', transferTo: '+442079460958' });
    await caller.hangup();
    // The refused target is on the transcript, as the agent's error for that turn.
    await eventually(async () => (expectOk(await v.api.get(`/v1/calls/${callId}/transcript`)).data.turns as { error: string | null }[]).some((t) => t.error?.includes('555 is not an area code')));
  });
});
