import { newId } from '../ids.js';
import { type IdleLimit, openOutbound, type OutboundOptions, type OutboundResponse } from '../net/outbound-http.js';
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

/**
 * JSON of an object a call hands in unchanged on every turn (its tool list, its metadata), made
 * once per object. Those objects are built when the call starts and never mutated.
 */
const serialised = new WeakMap<object, string>();
function onceJson(value: object): string {
  let json = serialised.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    serialised.set(value, json);
  }
  return json;
}

/**
 * The same bytes as JSON.stringify(messages). A call sends its whole history every turn, and the
 * messages in it are never changed once made (an edit is a new object), so each one is serialised
 * once: a turn serialises only what is new.
 */
function messagesJson(messages: readonly object[]): string {
  let out = '[';
  for (let i = 0; i < messages.length; i++) out += (i === 0 ? '' : ',') + onceJson(messages[i]!);
  return `${out}]`;
}

export class WebhookAgent implements AgentClient {
  /** The body may go quiet for idleTimeoutMs while we wait on it (not while we handle a chunk). */
  private readonly idle: IdleLimit;

  constructor(private readonly opts: WebhookAgentOptions) {
    this.idle = { ms: opts.idleTimeoutMs, error: () => this.idleError() };
  }

  async *streamReply(request: AgentTurnRequest, signal: AbortSignal): AsyncGenerator<AgentChunk> {
    // The same bytes as JSON.stringify({ model, messages, stream, metadata, tools }), with the
    // parts that do not change during a call (its tools, its metadata) serialised once per call.
    const tools = request.tools.length > 0 ? `,"tools":${onceJson(request.tools)}` : '';
    const metadata = request.metadata === undefined ? '' : `,"metadata":${onceJson(request.metadata)}`;
    const body = `{"model":"custom","messages":${messagesJson(request.messages)},"stream":true${metadata}${tools}}`;
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
      idle: this.idle,
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
      for await (const bytes of response.body) {
        // A plain loop: `yield*` over an array in an async generator wraps it in an async iterator.
        for (const chunk of parser.push(bytes)) yield chunk;
        if (parser.done) return;
      }
      for (const chunk of parser.end()) yield chunk;
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

  private async readText(response: OutboundResponse, maxChars: number): Promise<string> {
    const decoder = new TextDecoder();
    let text = '';
    for await (const bytes of response.body) {
      text += decoder.decode(bytes, { stream: true });
      if (text.length >= maxChars) return text;
    }
    return text + decoder.decode();
  }

  private idleError(): AgentError {
    return new AgentError('timeout', `idle timeout: agent webhook sent nothing for ${this.opts.idleTimeoutMs} ms`);
  }
}
