import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { AgentError, type AgentChunk, type AgentClient, type AgentTurnRequest } from './agent.js';
import { ChatDeltaAccumulator } from './sse-chat-stream.js';

// The agent Agentline runs itself: a model behind OPENAI_BASE_URL, reached with the official
// SDK. Retries are off because a retried turn would speak late; the turn loop decides what to do.

export interface ManagedAgentOptions {
  client: OpenAI;
  model: string;
  /** Until response headers; the SDK does not time the streamed body. */
  timeoutMs: number;
  /** The model's usage figures for each request, from the stream's final usage chunk. */
  onUsage?: (usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number; model: string }) => void;
}

export function createOpenAIClient(opts: { apiKey?: string | null; baseURL?: string | null; timeoutMs: number }): OpenAI {
  // The SDK refuses to construct without a key; local OpenAI-compatible servers need none.
  return new OpenAI({ apiKey: opts.apiKey ?? 'not-set', baseURL: opts.baseURL, timeout: opts.timeoutMs, maxRetries: 0 });
}

export class ManagedAgent implements AgentClient {
  constructor(private readonly opts: ManagedAgentOptions) {}

  async *streamReply(request: AgentTurnRequest, signal: AbortSignal): AsyncGenerator<AgentChunk> {
    if (signal.aborted) throw aborted();
    const deltas = new ChatDeltaAccumulator();
    try {
      const stream = await this.opts.client.chat.completions.create(
        {
          model: this.opts.model,
          messages: request.messages,
          ...(request.tools.length > 0 ? { tools: request.tools } : {}),
          stream: true,
          // The final chunk then carries the request's token counts (choices: []).
          ...(this.opts.onUsage ? { stream_options: { include_usage: true } } : {}),
        },
        { signal, timeout: this.opts.timeoutMs },
      );
      for await (const chunk of stream) {
        if (chunk.usage) this.reportUsage(chunk.usage, chunk.model);
        for (const c of deltas.accept(chunk)) yield c; // no async wrapper around the array
      }
    } catch (err) {
      throw toAgentError(err, signal);
    }
    // The SDK ends the stream quietly on abort rather than throwing.
    if (signal.aborted) throw aborted();
    for (const c of deltas.finish()) yield c;
  }

  private reportUsage(usage: { prompt_tokens?: unknown; completion_tokens?: unknown; total_tokens?: unknown }, model: unknown): void {
    const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0);
    const prompt = int(usage.prompt_tokens);
    const completion = int(usage.completion_tokens);
    try {
      this.opts.onUsage?.({ prompt_tokens: prompt, completion_tokens: completion, total_tokens: int(usage.total_tokens) || prompt + completion, model: typeof model === 'string' && model ? model : this.opts.model });
    } catch {
      // Bookkeeping never breaks a reply.
    }
  }
}

function toAgentError(err: unknown, signal: AbortSignal): AgentError {
  if (err instanceof AgentError) return err;
  if (err instanceof APIUserAbortError || signal.aborted) return aborted();
  if (err instanceof APIConnectionTimeoutError) return new AgentError('timeout', err.message);
  if (err instanceof APIConnectionError) return new AgentError('connection', err.message);
  if (err instanceof APIError) {
    // No status means the error arrived inside an otherwise successful stream.
    return err.status === undefined
      ? new AgentError('malformed', err.message)
      : new AgentError('http_status', err.message, err.status);
  }
  return new AgentError('connection', err instanceof Error ? err.message : String(err));
}

function aborted(): AgentError {
  return new AgentError('aborted', 'request aborted');
}
