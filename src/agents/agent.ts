// The agent seam. A call's turn loop asks an AgentClient for the reply to the conversation so
// far and forwards each text delta to the carrier the moment it arrives. Two implementations:
// webhook-agent.ts (the developer's URL, OpenAI chat-completions SSE) and managed-agent.ts (the
// `openai` SDK against OPENAI_BASE_URL). Neither knows anything of calls or carriers.

export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: ToolCall[] }
  | { role: 'tool'; content: string; tool_call_id: string };

/** OpenAI function-tool definition, offered to the model / webhook in `tools`. */
export interface ToolDefinition {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

export type AgentChunk =
  | { type: 'text'; text: string }
  /** A complete tool call (arguments fully accumulated, a JSON string). */
  | { type: 'tool_call'; call: ToolCall };

export interface AgentTurnRequest {
  /** System message first, then the history, ending with the caller's turn. */
  messages: ChatMessage[];
  tools: ToolDefinition[];
  /** Sent to webhooks as `metadata` (call_id, number_id, from, to, direction, channel ...). */
  metadata: Record<string, string>;
}

export interface AgentClient {
  /**
   * Streams the reply. Yields text deltas as they arrive (never empty strings) and complete
   * tool calls. Aborting `signal` closes the upstream connection at once and ends the iterator
   * with an AgentError of kind 'aborted'. Failures throw AgentError.
   */
  streamReply(request: AgentTurnRequest, signal: AbortSignal): AsyncIterable<AgentChunk>;
}

export type AgentErrorKind = 'http_status' | 'connection' | 'timeout' | 'malformed' | 'aborted' | 'refused_url';

export class AgentError extends Error {
  constructor(
    readonly kind: AgentErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'AgentError';
  }
}
