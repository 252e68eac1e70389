import { performance } from 'node:perf_hooks';
import { AgentError } from '../agents/agent.js';
import { openOutbound } from '../net/outbound-http.js';
import { signStandardWebhook } from '../net/standard-webhooks.js';
import type { Resolver } from '../net/url-safety.js';

// One HTTP attempt of one delivery. Never throws: every way it can go wrong becomes an
// AttemptResult the worker records. Redirects are failures (following one could land on an
// internal address); the response body is read up to a limit and thrown away.

export interface AttemptTarget {
  url: string;
  /** The current secret first; during a rotation's grace period also the previous one. */
  secrets: string[];
  /** The event id: the `webhook-id`, stable across retries so receivers can deduplicate. */
  messageId: string;
  body: string;
}

export interface AttemptLimits {
  allowPrivate: boolean;
  lookup?: Resolver;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  /** How long reading (and discarding) the response body may take. */
  bodyTimeoutMs: number;
  maxResponseBytes: number;
}

export interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  /** The request was cut short by `signal` (shutdown), not by the endpoint. */
  aborted: boolean;
}

export const USER_AGENT = 'Agentline-Webhooks/0.1';

/** Standard Webhooks allows several space-separated signatures; receivers accept any match. */
export function signatureHeader(secrets: string[], id: string, timestampSeconds: number, body: string): string {
  return secrets.map((secret) => signStandardWebhook(secret, id, timestampSeconds, body)).join(' ');
}

export async function sendAttempt(target: AttemptTarget, limits: AttemptLimits, nowMs: number, signal: AbortSignal): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const timestamp = Math.floor(nowMs / 1000);
  // The body read has no timeout of its own in openOutbound; this bounds the whole attempt.
  const bounded = AbortSignal.any([signal, AbortSignal.timeout(limits.connectTimeoutMs + limits.headersTimeoutMs + limits.bodyTimeoutMs)]);
  try {
    const response = await openOutbound(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        'webhook-id': target.messageId,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signatureHeader(target.secrets, target.messageId, timestamp, target.body),
      },
      body: target.body,
      signal: bounded,
      allowPrivate: limits.allowPrivate,
      connectTimeoutMs: limits.connectTimeoutMs,
      headersTimeoutMs: limits.headersTimeoutMs,
      maxResponseBytes: limits.maxResponseBytes,
      lookup: limits.lookup,
    });
    const latencyMs = elapsed();
    try {
      for await (const _chunk of response.body) {
        // discarded: only the status code counts
      }
    } catch {
      // Too large, cut off or too slow: the status line already decided the outcome.
    } finally {
      response.close();
    }
    const status = response.status;
    if (status >= 200 && status < 300) return { ok: true, statusCode: status, latencyMs, error: null, aborted: false };
    const error = status >= 300 && status < 400
      ? `redirect (${status}${response.headers.location ? ` to ${String(response.headers.location).slice(0, 200)}` : ''}) not followed`
      : `endpoint answered HTTP ${status}`;
    return { ok: false, statusCode: status, latencyMs, error, aborted: false };
  } catch (err) {
    const overall = bounded.aborted && !signal.aborted;
    const message = overall
      ? `timeout: no response within ${limits.connectTimeoutMs + limits.headersTimeoutMs + limits.bodyTimeoutMs} ms`
      : err instanceof AgentError ? `${err.kind}: ${err.message}` : `connection: ${(err as Error)?.message ?? 'failed'}`;
    return { ok: false, statusCode: null, latencyMs: elapsed(), error: message.slice(0, 500), aborted: signal.aborted };
  }
}
