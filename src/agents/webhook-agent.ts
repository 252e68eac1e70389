import { newId } from '../ids.js';
import { openOutbound, type OutboundOptions, type OutboundResponse } from '../net/outbound-http.js';
import { signStandardWebhook } from '../net/standard-webhooks.js';
import type { Resolver } from '../net/url-safety.js';
import { AgentError, type AgentChunk, type AgentClient, type AgentTurnRequest } from './agent.js';
import { ChatStreamParser, completionToChunks } from './sse-chat-stream.js';

// The developer's own agent behind a URL, spoken to as an OpenAI chat-completions endpoint so
// any OpenAI-compatible server works unchanged. Requests are signed per Standard Webhooks so the
// receiver can tell them from anyone else's POST.

export interface WebhookAgentOptions {
  url: string;
  bearerToken?: string | null;
  /** `whsec_<base64>`. */
  signingSecret: string;
  allowPrivate: boolean;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  /** Longest silence allowed between two body chunks. */
  idleTimeoutMs: number;
  maxResponseBytes: number;
  /** Extra headers, e.g. X-Agentline-Call-Id. */
  headers?: Record<string, string>;
  lookup?: Resolver;
  /** Keep-alive connection pools shared by the gateway's webhook agents. */
  agents?: OutboundOptions['agents'];
  /** Unix milliseconds, for the signature timestamp. */
  now?: () => number;
}

const ERROR_BODY_CHARS = 200;

export class WebhookAgent implements AgentClient {
  constructor(private readonly opts: WebhookAgentOptions) {}

  async *streamReply(request: AgentTurnRequest, signal: AbortSignal): AsyncGenerator<AgentChunk> {
    const body = JSON.stringify({
      model: 'custom',
      messages: request.messages,
      stream: true,
      metadata: request.metadata,
      ...(request.tools.length > 0 ? { tools: request.tools } : {}),
    });
    const response = await openOutbound(this.opts.url, {
      method: 'POST',
      headers: this.requestHeaders(body),
      body,
      signal,
      allowPrivate: this.opts.allowPrivate,
      connectTimeoutMs: this.opts.connectTimeoutMs,
      headersTimeoutMs: this.opts.headersTimeoutMs,
      maxResponseBytes: this.opts.maxResponseBytes,
      lookup: this.opts.lookup,
      agents: this.opts.agents,
    });
    try {
      if (response.status < 200 || response.status >= 300) {
        const text = await this.readText(response, ERROR_BODY_CHARS * 4).catch(() => '');
        throw new AgentError(
          'http_status',
          `agent webhook answered ${response.status}: ${text.slice(0, ERROR_BODY_CHARS)}`,
          response.status,
        );
      }
      const contentType = String(response.headers['content-type'] ?? '').toLowerCase();
      if (contentType.startsWith('application/json')) {
        let json: unknown;
        try {
          json = JSON.parse(await this.readText(response, Infinity));
        } catch (err) {
          if (err instanceof AgentError) throw err;
          throw new AgentError('malformed', 'agent webhook returned invalid JSON');
        }
        yield* completionToChunks(json);
        return;
      }
      // Anything that is not JSON is read as SSE; a non-SSE body fails as malformed.
      const parser = new ChatStreamParser();
      for await (const bytes of this.idleGuarded(response)) {
        yield* parser.push(bytes);
        if (parser.done) return;
      }
      yield* parser.end();
    } finally {
      response.close();
    }
  }

  private requestHeaders(body: string): Record<string, string> {
    const id = newId('msg');
    const timestamp = Math.floor((this.opts.now?.() ?? Date.now()) / 1000);
    return {
      ...this.opts.headers,
      'Content-Type': 'application/json',
      Accept: 'text/event-stream, application/json',
      'User-Agent': 'Agentline/0.1',
      ...(this.opts.bearerToken ? { Authorization: `Bearer ${this.opts.bearerToken}` } : {}),
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signStandardWebhook(this.opts.signingSecret, id, timestamp, body),
    };
  }

  /**
   * The body, failing with 'timeout' when the agent goes quiet for idleTimeoutMs. The clock runs
   * only while waiting on the network, not while our consumer handles a chunk.
   */
  private async *idleGuarded(response: OutboundResponse): AsyncGenerator<Buffer> {
    const iterator = response.body[Symbol.asyncIterator]();
    for (;;) {
      let idled = false;
      const timer = setTimeout(() => {
        idled = true;
        response.close();
      }, this.opts.idleTimeoutMs);
      let step: IteratorResult<Buffer>;
      try {
        step = await iterator.next();
      } catch (err) {
        if (idled) throw this.idleError();
        throw err;
      } finally {
        clearTimeout(timer);
      }
      if (idled) throw this.idleError();
      if (step.done) return;
      yield step.value;
    }
  }

  private async readText(response: OutboundResponse, maxChars: number): Promise<string> {
    const decoder = new TextDecoder();
    let text = '';
    for await (const bytes of this.idleGuarded(response)) {
      text += decoder.decode(bytes, { stream: true });
      if (text.length >= maxChars) return text;
    }
    return text + decoder.decode();
  }

  private idleError(): AgentError {
    return new AgentError('timeout', `idle timeout: agent webhook sent nothing for ${this.opts.idleTimeoutMs} ms`);
  }
}
