import { describe, expect, it } from 'vitest';
import { AgentError, type AgentChunk } from '../../src/agents/agent.js';
import { ChatStreamParser, completionToChunks, parseChatStream } from '../../src/agents/sse-chat-stream.js';

const enc = new TextEncoder();

function data(delta: Record<string, unknown>, finish: string | null = null): string {
  return `data: ${JSON.stringify({ choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
}

/** Feeds `pieces` one by one, returning everything emitted including the end-of-stream flush. */
function run(pieces: Uint8Array[]): AgentChunk[] {
  const parser = new ChatStreamParser();
  const out: AgentChunk[] = [];
  for (const p of pieces) out.push(...parser.push(p));
  out.push(...parser.end());
  return out;
}

const whole = (s: string): Uint8Array[] => [enc.encode(s)];
const byteByByte = (s: string): Uint8Array[] => Array.from(enc.encode(s), (b) => Uint8Array.of(b));

function kindOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof AgentError ? err.kind : `not an AgentError: ${String(err)}`;
  }
  return undefined;
}

const texts = (chunks: AgentChunk[]): string[] => chunks.flatMap((c) => (c.type === 'text' ? [c.text] : []));

const typical =
  data({ role: 'assistant', content: '' }) +
  ': ping\n\n' +
  data({ content: 'Hello' }) +
  data({}) +
  data({ content: '' }) +
  data({ content: ', world' }) +
  data({}, 'stop') +
  'data: [DONE]\n\n';

describe('ChatStreamParser', () => {
  it('skips role-only chunks, empty deltas and comments, and yields only non-empty text', () => {
    expect(run(whole(typical))).toEqual([
      { type: 'text', text: 'Hello' },
      { type: 'text', text: ', world' },
    ]);
  });

  it('gives the same text when split at every byte', () => {
    expect(texts(run(byteByByte(typical))).join('')).toBe('Hello, world');
  });

  it('keeps multi-byte characters whole when split inside them', () => {
    const stream = data({ content: 'héllo 👋 ' }) + data({ content: '日本' }, 'stop') + 'data: [DONE]\n\n';
    const bytes = enc.encode(stream);
    const emoji = enc.encode('👋');
    const at = bytes.findIndex((_, i) => bytes[i] === emoji[0] && bytes[i + 1] === emoji[1]);
    const split = [bytes.slice(0, at + 2), bytes.slice(at + 2, at + 3), bytes.slice(at + 3)];
    expect(texts(run(split)).join('')).toBe('héllo 👋 日本');
    expect(texts(run(byteByByte(stream))).join('')).toBe('héllo 👋 日本');
  });

  it('accepts CRLF line endings', () => {
    expect(texts(run(whole(typical.replaceAll('\n', '\r\n'))))).toEqual(['Hello', ', world']);
  });

  it('emits text as soon as its event is complete', () => {
    const parser = new ChatStreamParser();
    expect(parser.push(enc.encode(data({ content: 'Hi' }).slice(0, -1)))).toEqual([]);
    expect(parser.push(enc.encode('\n'))).toEqual([{ type: 'text', text: 'Hi' }]);
  });

  it('accumulates tool calls streamed in pieces by index and emits them whole at finish_reason', () => {
    const stream =
      data({ role: 'assistant', content: null, tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'look', arguments: '' } }] }) +
      data({ tool_calls: [{ index: 0, function: { arguments: '{"q":' } }] }) +
      data({ tool_calls: [{ index: 1, id: 'call_b', type: 'function', function: { name: 'transfer_', arguments: '{"to"' } }] }) +
      data({ tool_calls: [{ index: 1, function: { name: 'call', arguments: ':"+15550100"}' } }] }) +
      data({ tool_calls: [{ index: 0, function: { arguments: '"x"}' } }] });
    const parser = new ChatStreamParser();
    expect(parser.push(enc.encode(stream))).toEqual([]); // nothing until the calls are complete
    const done = parser.push(enc.encode(data({}, 'tool_calls') + 'data: [DONE]\n\n'));
    expect(done).toEqual([
      { type: 'tool_call', call: { id: 'call_a', type: 'function', function: { name: 'look', arguments: '{"q":"x"}' } } },
      { type: 'tool_call', call: { id: 'call_b', type: 'function', function: { name: 'transfer_call', arguments: '{"to":"+15550100"}' } } },
    ]);
    expect(parser.end()).toEqual([]);
  });

  it('emits pending tool calls when the stream ends without finish_reason or [DONE]', () => {
    const stream = data({ tool_calls: [{ index: 0, id: 'call_1', function: { name: 'hang_up' } }] });
    expect(run(byteByByte(stream))).toEqual([
      { type: 'tool_call', call: { id: 'call_1', type: 'function', function: { name: 'hang_up', arguments: '{}' } } },
    ]);
  });

  it('is fine with finish_reason and no [DONE]', () => {
    expect(run(whole(data({ content: 'ok' }, 'stop')))).toEqual([{ type: 'text', text: 'ok' }]);
  });

  it('accepts a final event missing its blank line', () => {
    expect(run(whole(data({ content: 'ok' }) + 'data: [DONE]'))).toEqual([{ type: 'text', text: 'ok' }]);
  });

  it('ignores anything after [DONE]', () => {
    const parser = new ChatStreamParser();
    expect(parser.push(enc.encode('data: [DONE]\n\n' + data({ content: 'late' }) + 'data: {oops\n\n'))).toEqual([]);
    expect(parser.done).toBe(true);
    expect(parser.end()).toEqual([]);
  });

  it('rejects invalid JSON in a data line as malformed', () => {
    expect(kindOf(() => run(whole(data({ content: 'a' }) + 'data: {"choices": [\n\n')))).toBe('malformed');
  });

  it('rejects a stream with no data at all as malformed', () => {
    expect(kindOf(() => run([]))).toBe('malformed');
    expect(kindOf(() => run(whole(': ping\n\n: ping\n\n')))).toBe('malformed');
    expect(kindOf(() => run(whole('<html>oops</html>')))).toBe('malformed');
  });

  it('rejects an in-stream error object and a tool call without a name', () => {
    expect(kindOf(() => run(whole('data: {"error":{"message":"overloaded"}}\n\n')))).toBe('malformed');
    expect(kindOf(() => run(whole(data({ tool_calls: [{ index: 0, id: 'c' }] }, 'tool_calls'))))).toBe('malformed');
  });
});

describe('parseChatStream', () => {
  it('yields each chunk before the body has ended', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    async function* body(): AsyncGenerator<Uint8Array> {
      yield enc.encode(data({ content: 'first' }));
      await gate;
      yield enc.encode(data({ content: 'second' }, 'stop') + 'data: [DONE]\n\n');
    }
    const it = parseChatStream(body());
    expect(await it.next()).toEqual({ done: false, value: { type: 'text', text: 'first' } });
    release();
    expect(await it.next()).toEqual({ done: false, value: { type: 'text', text: 'second' } });
    expect((await it.next()).done).toBe(true);
  });
});

describe('completionToChunks', () => {
  it('converts content and tool calls', () => {
    const completion = {
      choices: [
        {
          message: {
            role: 'assistant',
            content: 'One moment.',
            tool_calls: [{ id: 'call_9', type: 'function', function: { name: 'lookup', arguments: '{"id":1}' } }],
          },
          finish_reason: 'tool_calls',
        },
      ],
    };
    expect(completionToChunks(completion)).toEqual([
      { type: 'text', text: 'One moment.' },
      { type: 'tool_call', call: { id: 'call_9', type: 'function', function: { name: 'lookup', arguments: '{"id":1}' } } },
    ]);
  });

  it('returns nothing for null content and rejects shapes that are not completions', () => {
    expect(completionToChunks({ choices: [{ message: { content: null } }] })).toEqual([]);
    expect(kindOf(() => completionToChunks({}))).toBe('malformed');
    expect(kindOf(() => completionToChunks({ choices: [{}] }))).toBe('malformed');
    expect(kindOf(() => completionToChunks('hello'))).toBe('malformed');
  });
});
