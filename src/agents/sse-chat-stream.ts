import { createParser, type EventSourceParser } from 'eventsource-parser';
import { AgentError, type AgentChunk, type ToolCall } from './agent.js';

// OpenAI chat-completions streaming, as webhook agents send it and as the SDK hands it over:
// `data: {choices:[{delta:{content, tool_calls}, finish_reason}]}` events ending with
// `data: [DONE]`. Text is passed on the moment it is parsed; tool calls arrive in fragments keyed
// by `index` and are only useful whole, so they are held until finish_reason or the end.

interface PendingToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** Turns chat.completion.chunk objects into AgentChunks. Input is untrusted, so checked. */
export class ChatDeltaAccumulator {
  private readonly pending = new Map<number, PendingToolCall>();

  accept(chunk: unknown): AgentChunk[] {
    if (!isObject(chunk)) throw malformed('chunk is not an object');
    if (isObject(chunk.error)) throw malformed(`agent sent an error: ${describe(chunk.error.message)}`);
    const out: AgentChunk[] = [];
    if (chunk.choices === undefined) return out; // e.g. a trailing usage-only chunk
    if (!Array.isArray(chunk.choices)) throw malformed('choices is not an array');
    // Only the first choice is spoken; n > 1 is never requested.
    const choice: unknown = chunk.choices[0];
    if (!isObject(choice)) return out;
    const delta = choice.delta;
    if (isObject(delta)) {
      if (typeof delta.content === 'string' && delta.content !== '') out.push({ type: 'text', text: delta.content });
      if (delta.tool_calls !== undefined && delta.tool_calls !== null) this.addToolDeltas(delta.tool_calls);
    }
    if (typeof choice.finish_reason === 'string' && choice.finish_reason !== '') out.push(...this.finish());
    return out;
  }

  /** Emits accumulated tool calls in index order and forgets them. */
  finish(): AgentChunk[] {
    const calls = [...this.pending.entries()].sort(([a], [b]) => a - b);
    this.pending.clear();
    return calls.map(([index, call]): AgentChunk => {
      if (call.name === '') throw malformed(`tool call ${index} has no function name`);
      const toolCall: ToolCall = {
        id: call.id || `call_${index}`,
        type: 'function',
        // Parameterless functions may stream no arguments at all; '{}' is what they mean.
        function: { name: call.name, arguments: call.arguments === '' ? '{}' : call.arguments },
      };
      return { type: 'tool_call', call: toolCall };
    });
  }

  private addToolDeltas(deltas: unknown): void {
    if (!Array.isArray(deltas)) throw malformed('tool_calls is not an array');
    deltas.forEach((d: unknown, position) => {
      if (!isObject(d)) throw malformed('tool call delta is not an object');
      const index = typeof d.index === 'number' ? d.index : position;
      const call = this.pending.get(index) ?? { id: '', name: '', arguments: '' };
      this.pending.set(index, call);
      if (typeof d.id === 'string' && d.id !== '') call.id = d.id;
      const fn = d.function;
      if (isObject(fn)) {
        if (typeof fn.name === 'string') call.name += fn.name;
        if (typeof fn.arguments === 'string') call.arguments += fn.arguments;
      }
    });
  }
}

/** Incremental parser for an SSE byte stream; feed it network chunks as they arrive. */
export class ChatStreamParser {
  private readonly decoder = new TextDecoder('utf-8');
  private readonly deltas = new ChatDeltaAccumulator();
  private readonly sse: EventSourceParser;
  private out: AgentChunk[] = [];
  private error: AgentError | undefined;
  private sawData = false;
  private sawDone = false;

  constructor() {
    this.sse = createParser({
      onEvent: (event) => {
        // Throwing inside the callback would leave the parser mid-line; stop at the first error.
        if (this.error || this.sawDone) return;
        try {
          this.onData(event.data);
        } catch (err) {
          this.error = err instanceof AgentError ? err : malformed(String(err));
        }
      },
      onComment: () => {}, // keep-alives such as `: ping`
    });
  }

  /** True once `data: [DONE]` arrived; anything after it is ignored. */
  get done(): boolean {
    return this.sawDone;
  }

  push(bytes: Uint8Array): AgentChunk[] {
    if (this.sawDone) return [];
    return this.feed(this.decoder.decode(bytes, { stream: true }));
  }

  /** Call once the body has ended; returns what was still held back. */
  end(): AgentChunk[] {
    if (this.sawDone) return [];
    // The trailing blank line tolerates a final event that lacks its terminating newlines.
    const out = this.feed(this.decoder.decode() + '\n\n');
    if (!this.sawData) throw malformed('stream ended without any data');
    return [...out, ...this.deltas.finish()];
  }

  private feed(text: string): AgentChunk[] {
    this.sse.feed(text);
    if (this.error) throw this.error;
    const out = this.out;
    this.out = [];
    return out;
  }

  private onData(data: string): void {
    this.sawData = true;
    if (data.trim() === '[DONE]') {
      this.sawDone = true;
      this.out.push(...this.deltas.finish());
      return;
    }
    let chunk: unknown;
    try {
      chunk = JSON.parse(data);
    } catch {
      throw malformed(`invalid JSON in data line: ${data.slice(0, 100)}`);
    }
    this.out.push(...this.deltas.accept(chunk));
  }
}

/** Parses a whole SSE body, yielding each chunk as soon as its bytes are parsed. */
export async function* parseChatStream(body: AsyncIterable<Uint8Array>): AsyncGenerator<AgentChunk> {
  const parser = new ChatStreamParser();
  for await (const bytes of body) {
    yield* parser.push(bytes);
    if (parser.done) return;
  }
  yield* parser.end();
}

/** A non-streamed chat completion (`{choices:[{message:{content, tool_calls}}]}`) as chunks. */
export function completionToChunks(completion: unknown): AgentChunk[] {
  if (!isObject(completion)) throw malformed('completion is not an object');
  if (isObject(completion.error)) throw malformed(`agent sent an error: ${describe(completion.error.message)}`);
  if (!Array.isArray(completion.choices) || !isObject(completion.choices[0])) {
    throw malformed('completion has no choices');
  }
  const message: unknown = completion.choices[0].message;
  if (!isObject(message)) throw malformed('completion choice has no message');
  // Same shape as one big delta, so the same checks and tool-call rules apply.
  const deltas = new ChatDeltaAccumulator();
  const toolCalls = Array.isArray(message.tool_calls)
    ? message.tool_calls.map((c: unknown, i) => (isObject(c) && c.index === undefined ? { ...c, index: i } : c))
    : message.tool_calls;
  return [
    ...deltas.accept({ choices: [{ delta: { content: message.content, tool_calls: toolCalls } }] }),
    ...deltas.finish(),
  ];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  return typeof v === 'string' ? v.slice(0, 200) : 'no message';
}

function malformed(message: string): AgentError {
  return new AgentError('malformed', message);
}
