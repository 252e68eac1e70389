import { describe, expect, it } from 'vitest';
import { loadConfig, realtimeUrlFrom } from '../../src/config.js';
import { PlaybackPosition } from '../../src/realtime/playback-position.js';
import { heardText } from '../../src/realtime/realtime-leg.js';
import { TurnOrder } from '../../src/realtime/turn-order.js';

// The small parts of a realtime call on a hand-moved clock: where the caller is in the agent's
// audio, which words that means, the order turns are recorded in, and where the socket goes.

describe('the play head', () => {
  it('moves with the clock between marks, never past a mark not yet echoed, and stops where clear cut it', () => {
    let now = 0;
    const p = new PlaybackPosition(() => now);
    p.advance(100);
    p.marked('a');
    p.advance(100);
    p.marked('b');
    now = 60;
    expect(p.headMs()).toBe(60);
    now = 150;
    expect(p.headMs()).toBe(100); // mark a has not come back: the phone may be behind
    now = 170;
    p.echoed('a');
    now = 190;
    expect(p.headMs()).toBe(120);
    expect(p.bufferedMs).toBe(80);
    expect(p.cleared()).toBe(120);
    expect(p.idle).toBe(true);
    // New audio after the clear plays from where the caller is now.
    p.advance(40);
    now = 210;
    expect(p.headMs()).toBe(140);
  });

  it('after a gap with nothing to play, new audio starts playing when it is sent', () => {
    let now = 0;
    const p = new PlaybackPosition(() => now);
    p.advance(20);
    p.marked('a');
    now = 20;
    p.echoed('a');
    now = 1000;
    expect(p.headMs()).toBe(20);
    p.advance(20);
    now = 1010;
    expect(p.headMs()).toBe(30);
    expect(p.echoed('unknown')).toBe(false);
  });
});

describe('the heard words', () => {
  const item = { transcript: 'one two three four', receivedMs: 800, responseDone: true };
  it('are the share of the transcript whose audio played, in whole words (half a word counts)', () => {
    expect(heardText(item, 0)).toBe('');
    expect(heardText(item, 200)).toBe('one');
    expect(heardText(item, 420)).toBe('one two');
    expect(heardText(item, 800)).toBe('one two three four');
    expect(heardText({ ...item, responseDone: false }, 800)).toBe('one two three four');
  });
});

describe('turn order', () => {
  it('holds the agent turns behind a caller turn until its transcript comes, and skips one that never does', async () => {
    const out: string[] = [];
    const order = new TurnOrder<string>((t) => out.push(t.kind === 'caller' ? `caller: ${t.text}` : `agent: ${t.turn}`), 20);
    order.callerSpoke('u1');
    order.agentSaid('Sure.');
    expect(out).toEqual([]);
    order.transcribed('u1', 'Hello.');
    expect(out).toEqual(['caller: Hello.', 'agent: Sure.']);
    order.callerSpoke('u2');
    order.agentSaid('Anything else?');
    await new Promise((r) => setTimeout(r, 60));
    expect(out.at(-1)).toBe('agent: Anything else?');
    order.transcribed('u3', 'No thanks.'); // never seen committed: it is the latest thing said
    expect(out.at(-1)).toBe('caller: No thanks.');
    order.close();
  });
});

describe('the Realtime URL', () => {
  it('comes from OPENAI_BASE_URL (http→ws, https→wss, + /realtime) unless AGENTLINE_REALTIME_URL is set', () => {
    expect(realtimeUrlFrom('https://api.openai.com/v1')).toBe('wss://api.openai.com/v1/realtime');
    expect(realtimeUrlFrom('http://127.0.0.1:8000/v1/')).toBe('ws://127.0.0.1:8000/v1/realtime');
    expect(loadConfig({}).realtime).toMatchObject({ url: 'wss://api.openai.com/v1/realtime', model: 'gpt-realtime' });
    expect(loadConfig({ OPENAI_BASE_URL: 'http://local:9/v1' }).realtime.url).toBe('ws://local:9/v1/realtime');
    expect(loadConfig({ AGENTLINE_REALTIME_URL: 'ws://rt.internal/v1/realtime', AGENTLINE_REALTIME_MODEL: 'gpt-realtime-mini' }).realtime).toMatchObject({ url: 'ws://rt.internal/v1/realtime', model: 'gpt-realtime-mini' });
    expect(() => loadConfig({ AGENTLINE_REALTIME_URL: 'http://rt.internal' })).toThrow(/AGENTLINE_REALTIME_URL: must use ws: or wss:/);
  });
});
