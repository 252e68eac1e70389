import { describe, expect, it } from 'vitest';
import { AgentError, type AgentChunk, type AgentClient, type AgentTurnRequest, type ToolCall } from '../../src/agents/agent.js';
import { runAgentTurn } from '../../src/calls/agent-turn.js';
import { CALL_TOOLS } from '../../src/calls/tools.js';

// The one agent turn loop (calls, SMS, chat), against a scripted agent: one reply per request,
// each a list of chunks; every request the loop made is kept to check what it sent.

function scripted(...replies: AgentChunk[][]): AgentClient & { requests: AgentTurnRequest[] } {
  const requests: AgentTurnRequest[] = [];
  return {
    requests,
    async *streamReply(request, signal) {
      requests.push(structuredClone(request));
      const reply = replies[requests.length - 1];
      if (!reply) throw new AgentError('malformed', 'no more scripted replies');
      for (const chunk of reply) {
        if (signal.aborted) throw new AgentError('aborted', 'aborted');
        yield chunk;
      }
    },
  };
}

const text = (t: string): AgentChunk => ({ type: 'text', text: t });
const tool = (id: string, name: string, args: object): AgentChunk => ({ type: 'tool_call', call: { id, type: 'function', function: { name, arguments: JSON.stringify(args) } } });
const base = { messages: [{ role: 'user' as const, content: 'hi' }], tools: CALL_TOOLS, metadata: { channel: 'test' } };


describe('runAgentTurn', () => {
  it('streams text deltas as they arrive and ends with the whole reply', async () => {
    const agent = scripted([text('Hello, '), text('there.')]);
    const heard: string[] = [];
    const result = await runAgentTurn({ ...base, agent, signal: new AbortController().signal }, { text: (t) => heard.push(t) });
    expect(heard).toEqual(['Hello, ', 'there.']);
    expect(result).toMatchObject({ text: 'Hello, there.', lastText: 'Hello, there.', toolCalls: [], exchange: [], ending: null, closingLine: null });
    expect(agent.requests).toHaveLength(1);
  });

  it('runs the tools the gateway runs, hands their results back and continues the same turn', async () => {
    const agent = scripted([text('Let me look. '), tool('t1', 'lookup_contact', { phone: '+14155550123' })], [text('You are Ada.')]);
    const ran: ToolCall[] = [];
    const result = await runAgentTurn({ ...base, agent, signal: new AbortController().signal, runTool: async (c) => (ran.push(c), '{"name":"Ada"}') });
    expect(ran.map((c) => c.function.name)).toEqual(['lookup_contact']);
    expect(result.text).toBe('Let me look. You are Ada.');
    expect(result.lastText).toBe('You are Ada.');
    // The second request carries the first round's tool call and its result.
    expect(agent.requests[1]!.messages.slice(-2)).toEqual([
      { role: 'assistant', content: 'Let me look. ', tool_calls: [ran[0]] },
      { role: 'tool', tool_call_id: 't1', content: '{"name":"Ada"}' },
    ]);
    expect(result.exchange).toHaveLength(2);
  });

  it('stops after three requests, and does not run a tool asked for in the last one', async () => {
    const agent = scripted(
      [tool('a', 'log_note', { note: '1' })],
      [tool('b', 'log_note', { note: '2' })],
      [tool('c', 'log_note', { note: '3' })],
      [text('never asked for')],
    );
    const ran: string[] = [];
    const result = await runAgentTurn({ ...base, agent, signal: new AbortController().signal, runTool: async (c) => (ran.push(c.id), 'ok') });
    expect(agent.requests).toHaveLength(3);
    expect(ran).toEqual(['a', 'b']);
    expect(result.toolCalls.map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });

  it('a failing tool reports its error to the agent instead of ending the turn', async () => {
    const agent = scripted([tool('x', 'create_ticket', {})], [text('Sorry, I could not open a ticket.')]);
    const result = await runAgentTurn({ ...base, agent, signal: new AbortController().signal, runTool: async () => Promise.reject(new Error('database is locked')) });
    expect(agent.requests[1]!.messages.at(-1)).toEqual({ role: 'tool', tool_call_id: 'x', content: 'error: database is locked' });
    expect(result.text).toBe('Sorry, I could not open a ticket.');
  });

  it('interprets call control: digits and the first end or transfer, whose line is spoken when due', async () => {
    const phones = { defaultRegion: 'US' as const };
    const transfer = await runAgentTurn({
      ...base, phones, signal: new AbortController().signal,
      agent: scripted([text('One moment.'), tool('d', 'send_digits', { digits: '12#' }), tool('t', 'transfer_call', { to: '(415) 555-0123' }), tool('e', 'end_call', {})]),
    });
    expect(transfer.actions.map((a) => a.kind)).toEqual(['digits', 'transfer', 'end']);
    expect(transfer.ending).toEqual({ kind: 'transfer', to: '+14155550123', say: 'Transferring you now.' });
    expect(transfer.closingLine).toBe('Transferring you now.');
    // A goodbye is said only when the agent said nothing itself.
    const silentEnd = await runAgentTurn({ ...base, signal: new AbortController().signal, agent: scripted([tool('e', 'end_call', { goodbye: 'Bye now.' })]) });
    expect(silentEnd.closingLine).toBe('Bye now.');
    const spokenEnd = await runAgentTurn({ ...base, signal: new AbortController().signal, agent: scripted([text('Thanks, bye.'), tool('e', 'end_call', { goodbye: 'Bye now.' })]) });
    expect(spokenEnd.ending?.kind).toBe('end');
    expect(spokenEnd.closingLine).toBeNull();
  });

  it('call-control tools are never run as tools, even with a runner', async () => {
    const agent = scripted([tool('e', 'end_call', {})]);
    const ran: string[] = [];
    const result = await runAgentTurn({ ...base, agent, signal: new AbortController().signal, runTool: async (c) => (ran.push(c.id), 'ok') });
    expect(ran).toEqual([]);
    expect(agent.requests).toHaveLength(1);
    expect(result.ending?.kind).toBe('end');
  });

  it('a channel that stops listening aborts: the loop stops, no further request is made', async () => {
    const agent = scripted([text('first '), tool('a', 'log_note', {})], [text('second')]);
    const controller = new AbortController();
    const texts: string[] = [];
    const turn = runAgentTurn({ ...base, agent, signal: controller.signal, runTool: async () => 'ok' }, {
      text: (t) => {
        texts.push(t);
        controller.abort(); // a barge-in superseded the turn
      },
    });
    await expect(turn).rejects.toThrow(AgentError);
    expect(texts).toEqual(['first ']);
    expect(agent.requests).toHaveLength(1);
  });

  it('an aborted turn fails with the agent error, not a result', async () => {
    const controller = new AbortController();
    const agent = scripted([text('a'), text('b')]);
    const heard: string[] = [];
    const turn = runAgentTurn({ ...base, agent, signal: controller.signal }, { text: (t) => (heard.push(t), controller.abort()) });
    await expect(turn).rejects.toThrow(AgentError);
    expect(heard).toEqual(['a']);
  });
});
