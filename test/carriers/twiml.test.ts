import { describe, expect, it } from 'vitest';
import { connectConversationRelay, connectMediaStream, dialTransfer, empty, hangup, messageReply, sayAndHangup } from '../../src/carriers/twilio/twiml.js';

const XML = '<?xml version="1.0" encoding="UTF-8"?>';

const base = {
  relayUrl: 'wss://gw.example.com/carrier/twilio/relay',
  actionUrl: 'https://gw.example.com/carrier/twilio/relay-action?callId=call_1&x=2',
  language: 'en-US',
  parameters: { callId: 'call_1', agentId: 'agt_2' },
};

describe('connectConversationRelay', () => {
  it('serializes Connect/ConversationRelay/Parameter with Twilio attribute names', () => {
    const xml = connectConversationRelay({ ...base, welcomeGreeting: 'Hi there.' });
    expect(xml).toBe(
      XML +
        '<Response><Connect action="https://gw.example.com/carrier/twilio/relay-action?callId=call_1&amp;x=2" method="POST">' +
        '<ConversationRelay url="wss://gw.example.com/carrier/twilio/relay" welcomeGreeting="Hi there." language="en-US" ' +
        'ttsProvider="Google" dtmfDetection="true" interruptible="any" welcomeGreetingInterruptible="any" events="speaker-events tokens-played">' +
        '<Parameter name="callId" value="call_1"/><Parameter name="agentId" value="agt_2"/>' +
        '</ConversationRelay></Connect></Response>',
    );
  });

  it('uses ElevenLabs when a voice is given without a provider, and honours an explicit provider', () => {
    const eleven = connectConversationRelay({ ...base, voice: 'UgBBYS2sOqTuMpoF3BR0' });
    expect(eleven).toContain('ttsProvider="ElevenLabs" voice="UgBBYS2sOqTuMpoF3BR0"');
    const amazon = connectConversationRelay({ ...base, voice: 'Joanna-Neural', ttsProvider: 'Amazon' });
    expect(amazon).toContain('ttsProvider="Amazon" voice="Joanna-Neural"');
    const google = connectConversationRelay({ ...base, voice: null, ttsProvider: 'Google' });
    expect(google).toContain('ttsProvider="Google"');
    expect(google).not.toContain('voice=');
  });

  it('omits welcomeGreeting when null or empty', () => {
    expect(connectConversationRelay({ ...base, welcomeGreeting: null })).not.toContain('welcomeGreeting=');
    expect(connectConversationRelay({ ...base, welcomeGreeting: '' })).not.toContain('welcomeGreeting=');
    expect(connectConversationRelay(base)).toContain('welcomeGreetingInterruptible="any"');
  });

  it('escapes & < " in attributes (> is legal unescaped there) and strips XML-invalid characters', () => {
    const xml = connectConversationRelay({
      ...base,
      welcomeGreeting: 'Tom & "Jerry" <say> it\'s\u0001 ok',
      parameters: { note: 'a&b"c<d' },
    });
    expect(xml).toContain('welcomeGreeting="Tom &amp; &quot;Jerry&quot; &lt;say> it\'s ok"');
    expect(xml).toContain('<Parameter name="note" value="a&amp;b&quot;c&lt;d"/>');
    expect(xml).not.toContain('\u0001');
  });
});

describe('connectMediaStream', () => {
  it('serializes Connect/Stream/Parameter: wss URL without a query, the call id as a parameter', () => {
    const xml = connectMediaStream({ streamUrl: 'wss://gw.example.com/carrier/twilio/media', parameters: { callId: 'call_1' } });
    expect(xml).toBe(
      XML + '<Response><Connect><Stream url="wss://gw.example.com/carrier/twilio/media"><Parameter name="callId" value="call_1"/></Stream></Connect></Response>',
    );
  });

  it('adds the status callback when given and escapes parameter values', () => {
    const xml = connectMediaStream({
      streamUrl: 'wss://gw.example.com/carrier/twilio/media',
      statusCallbackUrl: 'https://gw.example.com/carrier/twilio/stream-status?a=1&b=2',
      parameters: { callId: 'call_1', note: 'a&b"c<d\u0001' },
    });
    expect(xml).toContain('<Stream url="wss://gw.example.com/carrier/twilio/media" statusCallback="https://gw.example.com/carrier/twilio/stream-status?a=1&amp;b=2" statusCallbackMethod="POST">');
    expect(xml).toContain('<Parameter name="note" value="a&amp;b&quot;c&lt;d"/>');
    expect(xml).not.toContain('\u0001');
  });
});

describe('other TwiML', () => {
  it('sayAndHangup', () => {
    expect(sayAndHangup('Goodbye & <thanks> "all"', 'en-GB')).toBe(
      `${XML}<Response><Say language="en-GB">Goodbye &amp; &lt;thanks&gt; "all"</Say><Hangup/></Response>`,
    );
    // The SDK throws on control characters in element text; we strip them.
    expect(sayAndHangup('bye\u0007', 'en-US')).toContain('<Say language="en-US">bye</Say>');
  });

  it('dialTransfer with and without callerId', () => {
    expect(dialTransfer('+14155550123')).toBe(`${XML}<Response><Dial>+14155550123</Dial></Response>`);
    expect(dialTransfer('+14155550123', '+14155550100')).toBe(
      `${XML}<Response><Dial callerId="+14155550100">+14155550123</Dial></Response>`,
    );
  });

  it('hangup, empty, messageReply', () => {
    expect(hangup()).toBe(`${XML}<Response><Hangup/></Response>`);
    expect(empty()).toBe(`${XML}<Response/>`);
    expect(messageReply('Got it & thanks <3')).toBe(`${XML}<Response><Message>Got it &amp; thanks &lt;3</Message></Response>`);
  });
});
