import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import type { Config } from '../../config.js';

// One `twilio` SDK client for the gateway. With TWILIO_API_BASE_URL set, every REST request is
// sent to that base URL instead of https://api.twilio.com: a Twilio-compatible carrier, or the
// fake REST server the tests run on loopback. The rewrite happens in the HTTP client, after the
// SDK has built the URI (setting the SDK's baseUrl instead mangles two-label hosts).

export type TwilioClient = ReturnType<typeof twilio>;

class RebasingRequestClient extends twilio.RequestClient {
  constructor(
    private readonly baseUrl: string,
    timeoutMs: number,
  ) {
    // The SDK applies autoRetry only to clients it builds itself, so a custom client sets it.
    super({ timeout: timeoutMs, autoRetry: true, maxRetries: 2 });
  }

  override request<T>(opts: RequestClient.RequestOptions<T>) {
    const uri = new URL(opts.uri);
    const base = new URL(this.baseUrl);
    const rebased = new URL(`${base.pathname.replace(/\/$/, '')}${uri.pathname}${uri.search}`, base);
    return super.request<T>({ ...opts, uri: rebased.toString() });
  }
}

export function createTwilioClient(config: Config): TwilioClient | null {
  const { accountSid, authToken, apiBaseUrl, timeoutMs } = config.twilio;
  if (!accountSid || !authToken) return null;
  const httpClient = apiBaseUrl ? new RebasingRequestClient(apiBaseUrl, timeoutMs) : new twilio.RequestClient({ timeout: timeoutMs, autoRetry: true, maxRetries: 2 });
  return twilio(accountSid, authToken, { httpClient });
}
