import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  publicUrlFor,
  signTwilioRequest,
  signTwilioWebSocket,
  validateTwilioHttp,
  validateTwilioWebSocket,
} from '../../src/carriers/twilio/signature.js';

const TOKEN = '12345';
const URL_ = 'https://gw.example.com/carrier/twilio/voice?ref=a%20b&x=1';
const PARAMS = { CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' };

describe('validateTwilioHttp', () => {
  const signature = signTwilioRequest(TOKEN, URL_, PARAMS);

  it('matches the algorithm of doc §3.1 (url + sorted name+value, HMAC-SHA1, base64)', () => {
    const data = URL_ + Object.keys(PARAMS).sort().map((k) => k + PARAMS[k as keyof typeof PARAMS]).join('');
    expect(signature).toBe(createHmac('sha1', TOKEN).update(data).digest('base64'));
  });

  it('accepts a valid signature', () => {
    expect(validateTwilioHttp({ authToken: TOKEN, signature, url: URL_, params: PARAMS })).toBe(true);
  });

  it('rejects a tampered param, an added param, a changed query, a wrong token, a missing header', () => {
    expect(validateTwilioHttp({ authToken: TOKEN, signature, url: URL_, params: { ...PARAMS, From: '+10000000000' } })).toBe(false);
    expect(validateTwilioHttp({ authToken: TOKEN, signature, url: URL_, params: { ...PARAMS, Extra: '1' } })).toBe(false);
    expect(validateTwilioHttp({ authToken: TOKEN, signature, url: URL_.replace('x=1', 'x=2'), params: PARAMS })).toBe(false);
    expect(validateTwilioHttp({ authToken: 'other', signature, url: URL_, params: PARAMS })).toBe(false);
    expect(validateTwilioHttp({ authToken: TOKEN, signature: undefined, url: URL_, params: PARAMS })).toBe(false);
    expect(validateTwilioHttp({ authToken: TOKEN, signature: '', url: URL_, params: PARAMS })).toBe(false);
    expect(validateTwilioHttp({ authToken: TOKEN, signature: 'garbage', url: 'not a url', params: {} })).toBe(false);
  });

  it('accepts signatures made with or without the default port', () => {
    const withPort = 'https://gw.example.com:443/carrier/twilio/voice';
    const withoutPort = 'https://gw.example.com/carrier/twilio/voice';
    expect(validateTwilioHttp({ authToken: TOKEN, signature: signTwilioRequest(TOKEN, withPort, PARAMS), url: withoutPort, params: PARAMS })).toBe(true);
    expect(validateTwilioHttp({ authToken: TOKEN, signature: signTwilioRequest(TOKEN, withoutPort, PARAMS), url: withPort, params: PARAMS })).toBe(true);
  });

  it('signs repeated params as sorted distinct values', () => {
    const params = { StatusCallbackEvent: ['ringing', 'answered'], CallSid: 'CA1' };
    const sig = signTwilioRequest(TOKEN, URL_, params);
    const data = `${URL_}CallSidCA1StatusCallbackEventansweredStatusCallbackEventringing`;
    expect(sig).toBe(createHmac('sha1', TOKEN).update(data).digest('base64'));
    expect(validateTwilioHttp({ authToken: TOKEN, signature: sig, url: URL_, params: { ...params, StatusCallbackEvent: ['answered', 'ringing'] } })).toBe(true);
  });
});

describe('validateTwilioWebSocket', () => {
  const WSS = 'wss://gw.example.com/carrier/twilio/relay';

  it('accepts a signature over the wss URL with no params', () => {
    const signature = signTwilioRequest(TOKEN, WSS, {});
    expect(signTwilioWebSocket(TOKEN, WSS)).toBe(signature);
    expect(validateTwilioWebSocket({ authToken: TOKEN, signature, url: WSS })).toBe(true);
  });

  it('rejects a signature computed over the https URL, a wrong token, a missing header', () => {
    const httpsSig = signTwilioRequest(TOKEN, 'https://gw.example.com/carrier/twilio/relay', {});
    expect(validateTwilioWebSocket({ authToken: TOKEN, signature: httpsSig, url: WSS })).toBe(false);
    expect(validateTwilioWebSocket({ authToken: 'other', signature: signTwilioWebSocket(TOKEN, WSS), url: WSS })).toBe(false);
    expect(validateTwilioWebSocket({ authToken: TOKEN, signature: undefined, url: WSS })).toBe(false);
    // an http(s) URL is never a WebSocket URL
    const s = signTwilioRequest(TOKEN, 'https://gw.example.com/x', {});
    expect(validateTwilioWebSocket({ authToken: TOKEN, signature: s, url: 'https://gw.example.com/x' })).toBe(false);
  });

  it('accepts ws:// for plain-http deployments', () => {
    const ws = 'ws://127.0.0.1:3000/carrier/twilio/relay';
    expect(validateTwilioWebSocket({ authToken: TOKEN, signature: signTwilioWebSocket(TOKEN, ws), url: ws })).toBe(true);
  });

  it('accepts :443 / no-port variants of wss (the SDK helper would try :80)', () => {
    const withPort = 'wss://gw.example.com:443/carrier/twilio/relay';
    expect(validateTwilioWebSocket({ authToken: TOKEN, signature: signTwilioWebSocket(TOKEN, withPort), url: WSS })).toBe(true);
    expect(validateTwilioWebSocket({ authToken: TOKEN, signature: signTwilioWebSocket(TOKEN, WSS), url: withPort })).toBe(true);
    const port80 = signTwilioRequest(TOKEN, 'wss://gw.example.com:80/carrier/twilio/relay', {});
    expect(validateTwilioWebSocket({ authToken: TOKEN, signature: port80, url: WSS })).toBe(false);
  });

  it('query strings: TAC style (query pairs as params) and full-URL style both validate; tampering does not', () => {
    const url = `${WSS}?callId=call_1&lang=en-US`;
    const tac = signTwilioRequest(TOKEN, WSS, { callId: 'call_1', lang: 'en-US' });
    expect(signTwilioWebSocket(TOKEN, url)).toBe(tac);
    expect(validateTwilioWebSocket({ authToken: TOKEN, signature: tac, url })).toBe(true);
    expect(validateTwilioWebSocket({ authToken: TOKEN, signature: signTwilioRequest(TOKEN, url, {}), url })).toBe(true);
    expect(validateTwilioWebSocket({ authToken: TOKEN, signature: tac, url: `${WSS}?callId=call_2&lang=en-US` })).toBe(false);
    expect(validateTwilioWebSocket({ authToken: TOKEN, signature: tac, url: WSS })).toBe(false);
  });
});

describe('publicUrlFor', () => {
  it('joins PUBLIC_URL (with or without a prefix) and the request path, keeping the query verbatim', () => {
    expect(publicUrlFor('https://gw.example.com', '/carrier/twilio/voice')).toBe('https://gw.example.com/carrier/twilio/voice');
    expect(publicUrlFor('https://gw.example.com/agentline/', '/carrier/twilio/voice?a=%27b%27')).toBe(
      'https://gw.example.com/agentline/carrier/twilio/voice?a=%27b%27',
    );
  });

  it('maps https→wss and http→ws for WebSockets', () => {
    expect(publicUrlFor('https://gw.example.com', '/carrier/twilio/relay', true)).toBe('wss://gw.example.com/carrier/twilio/relay');
    expect(publicUrlFor('http://localhost:3000', '/carrier/twilio/relay', true)).toBe('ws://localhost:3000/carrier/twilio/relay');
    expect(publicUrlFor('HTTPS://gw.example.com', '/r', true)).toBe('wss://gw.example.com/r');
  });

  it('round-trips with validation', () => {
    const url = publicUrlFor('https://gw.example.com/p', '/carrier/twilio/relay', true);
    expect(validateTwilioWebSocket({ authToken: TOKEN, signature: signTwilioWebSocket(TOKEN, 'wss://gw.example.com/p/carrier/twilio/relay'), url })).toBe(true);
  });
});
