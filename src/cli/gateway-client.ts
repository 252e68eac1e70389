import { CliError, EXIT } from './exit-codes.js';

// The CLI's HTTP client for a running gateway (`agentline call`, `agentline sms`). Every way a
// request can fail becomes one line that says what to check: the gateway is not running at
// --url, something else answers there, the key is refused.

export interface GatewayClient {
  readonly baseUrl: string;
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
}

const NEW_TEST_KEY = 'agentline keys create --workspace default --mode test';

/** One line for a request that never got an answer (refused, unknown host, timeout). */
export function unreachable(baseUrl: string, e: unknown): CliError {
  const cause = (e as { cause?: { code?: string } }).cause ?? (e as { code?: string });
  const code = cause?.code ?? ((e as Error).name === 'TimeoutError' ? 'timeout' : undefined);
  const why =
    code === 'ECONNREFUSED' ? 'connection refused'
    : code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'unknown host'
    : code === 'timeout' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT' ? 'no answer in time'
    : code ?? (e as Error).message;
  return new CliError(`Cannot reach the gateway at ${baseUrl} (${why}). Is \`agentline serve\` running there? Pass --url to point elsewhere.`);
}

/** The gateway's error envelope as one line, with advice for the errors a newcomer meets. */
export function refusal(status: number, error: { code?: string; message?: string } | undefined): CliError {
  const said = error?.code ? `${error.code}: ${error.message ?? ''}` : `HTTP ${status}`;
  if (status === 401) return new CliError(`The gateway refused the key (${said}). Check --key or AGENTLINE_KEY; make a test key with: ${NEW_TEST_KEY}`);
  return new CliError(`The gateway answered ${status} (${said})`);
}

export function gatewayClient(baseUrl: string, key: string): GatewayClient {
  const request = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    let res: Response;
    try {
      res = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body !== undefined ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(10_000),
      });
    } catch (e) {
      throw unreachable(baseUrl, e);
    }
    let json: { data?: T; error?: { code?: string; message?: string } };
    try {
      json = (await res.json()) as typeof json;
    } catch {
      throw new CliError(`The server at ${baseUrl} does not answer like an Agentline gateway (HTTP ${res.status} to ${path}). Is --url right?`);
    }
    if (!res.ok) throw refusal(res.status, json.error);
    return json.data as T;
  };
  return { baseUrl, get: (path) => request('GET', path), post: (path, body) => request('POST', path, body) };
}

/** Checks the key before a test-mode command uses it: it must be valid and a test key. */
export async function requireTestKey(gw: GatewayClient): Promise<void> {
  const me = await gw.get<{ key: { mode: string } }>('/v1/me');
  if (me.key.mode !== 'test') throw new CliError(`This is a live key; the softphone and \`agentline sms\` talk to test-mode numbers. Use a test key (al_test_...): ${NEW_TEST_KEY}`, EXIT.failure);
}
