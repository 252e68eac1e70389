import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

// One error type for both speech services, so the turn loop can decide what a failure means
// (a timeout or an outage is a failed turn and the caller hears the pre-rendered fallback; an
// abort is our own barge-in and is not a failure at all).

export type SpeechErrorCode = 'timeout' | 'aborted' | 'connection' | 'http_status' | 'malformed';

export class SpeechError extends Error {
  override readonly name = 'SpeechError';
  constructor(
    readonly code: SpeechErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Maps whatever the SDK threw; `timedOut` / `signal` say which of our own aborts it was. */
export function toSpeechError(err: unknown, service: string, { timedOut, signal }: { timedOut: boolean; signal?: AbortSignal }): SpeechError {
  if (err instanceof SpeechError) return err;
  if (timedOut || err instanceof APIConnectionTimeoutError) return new SpeechError('timeout', `${service} timed out`);
  if (signal?.aborted || err instanceof APIUserAbortError) return new SpeechError('aborted', `${service} aborted`);
  if (err instanceof APIConnectionError) return new SpeechError('connection', `${service}: ${err.message}`);
  if (err instanceof APIError) {
    return err.status === undefined
      ? new SpeechError('malformed', `${service}: ${err.message}`)
      : new SpeechError('http_status', `${service} answered ${err.status}: ${err.message}`, err.status);
  }
  return new SpeechError('connection', `${service}: ${err instanceof Error ? err.message : String(err)}`);
}
