import { AgentError, type AgentClient, type ChatMessage, type ToolCall, type ToolDefinition } from '../agents/agent.js';
import type { PhoneContext } from '../phones/phone-number.js';
import { END_CALL, SEND_DIGITS, TRANSFER_CALL, type ToolAction, interpretToolCall } from './tools.js';

// The one agent turn loop, for calls, SMS replies and chat: stream the agent's reply, collect
// its tool calls, run the tools the gateway runs for it (CRM tools, not call control), hand the
// results back and let it continue the same turn, for at most MAX_TOOL_ROUNDS requests; then
// interpret the call-control tools it called. What each channel does with the text (speak it,
// text it, stream it as SSE) and with the ending stays with the channel.
//
// The text reaches the channel the moment it exists, through the listener; a channel that stops
// listening (a barge-in supersedes the turn) aborts the signal, which stops the loop and closes
// the agent's request. Push, not an async generator: a generator between the agent's stream and
// the channel allocated a request, a promise and a result object per token on every call.

export const MAX_TOOL_ROUNDS = 3;

export const isCallControl = (name: string) => name === END_CALL || name === TRANSFER_CALL || name === SEND_DIGITS;

export interface AgentTurnInput {
  agent: AgentClient;
  /** System prompt and history; the turn's own tool exchanges are appended per round. */
  messages: ChatMessage[];
  tools: ToolDefinition[];
  metadata: Record<string, string>;
  signal: AbortSignal;
  /** Runs a tool that is not call control; absent: no tool is run and the turn is one request. */
  runTool?: (call: ToolCall) => Promise<string>;
  /** How transfer targets are read (the workspace's default region). */
  phones?: PhoneContext;
  maxRounds?: number;
}

export interface AgentTurnResult {
  /** Everything the agent said, over all rounds. */
  text: string;
  /** What it said in the last round, and the tools it called there (the history's last assistant message). */
  lastText: string;
  lastCalls: ToolCall[];
  /** Every tool call of the turn. */
  toolCalls: ToolCall[];
  /** The tool exchanges of the rounds before the last (assistant tool_calls + tool results). */
  exchange: ChatMessage[];
  /** The call-control tools called, interpreted, in order (digits, end, transfer, invalid). */
  actions: ToolAction[];
  /** The first end or transfer: it wins. */
  ending: Extract<ToolAction, { kind: 'end' | 'transfer' }> | null;
  /** The line the ending speaks: a transfer's message; a goodbye only if the agent said nothing. */
  closingLine: string | null;
}

/** Hears a turn as it happens; both optional. */
export interface AgentTurnListener {
  /** A text delta (never empty), the moment it arrives. */
  text?(text: string): void;
  /** A complete tool call, the moment it is whole. */
  toolCall?(call: ToolCall): void;
}

/**
 * Runs a whole turn: every round's request, the tools the gateway runs, and the interpretation of
 * the call-control tools. Fails with the agent's error (AgentError 'aborted' once `signal` is).
 */
export async function runAgentTurn(input: AgentTurnInput, on: AgentTurnListener = {}): Promise<AgentTurnResult> {
  const maxRounds = input.maxRounds ?? MAX_TOOL_ROUNDS;
  const toolCalls: ToolCall[] = [];
  const exchange: ChatMessage[] = [];
  let text = '';
  let lastText = '';
  let lastCalls: ToolCall[] = [];
  for (let round = 0; ; round++) {
    const calls: ToolCall[] = [];
    let roundText = '';
    const messages = exchange.length ? [...input.messages, ...exchange] : input.messages;
    for await (const chunk of input.agent.streamReply({ messages, tools: input.tools, metadata: input.metadata }, input.signal)) {
      if (chunk.type === 'text') {
        text += chunk.text;
        roundText += chunk.text;
        on.text?.(chunk.text);
      } else {
        calls.push(chunk.call);
        on.toolCall?.(chunk.call);
      }
    }
    toolCalls.push(...calls);
    lastText = roundText;
    lastCalls = calls;
    const runTool = input.runTool;
    const runnable = runTool ? calls.filter((c) => !isCallControl(c.function.name)) : [];
    // A tool asked for in the last round is not run: its result could reach nobody.
    if (runnable.length === 0 || round + 1 >= maxRounds || input.signal.aborted) break;
    exchange.push({ role: 'assistant', content: roundText || null, tool_calls: calls });
    for (const c of calls) {
      const result = runnable.includes(c) ? await runTool!(c).catch((err: unknown) => `error: ${describeError(err)}`) : 'not run';
      exchange.push({ role: 'tool', tool_call_id: c.id, content: result });
    }
    input.signal.throwIfAborted();
  }
  const actions = toolCalls.filter((c) => isCallControl(c.function.name)).map((c) => interpretToolCall(c.function.name, c.function.arguments, input.phones));
  const ending = actions.find((a): a is Extract<ToolAction, { kind: 'end' | 'transfer' }> => a.kind === 'end' || a.kind === 'transfer') ?? null;
  const closingLine = ending?.kind === 'end' ? (text ? null : ending.say) : (ending?.say ?? null);
  return { text, lastText, lastCalls, toolCalls, exchange, actions, ending, closingLine };
}

export function describeError(err: unknown): string {
  if (err instanceof AgentError) return `${err.kind}: ${err.message}`.slice(0, 500);
  return (err instanceof Error ? err.message : String(err)).slice(0, 500);
}
