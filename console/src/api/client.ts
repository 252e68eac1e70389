// The console's only way to the gateway: the public REST API, with the key as a bearer token.
// The key lives in this tab's sessionStorage (gone when the tab closes), never in a URL or a
// cookie. Every failure becomes an ApiError carrying the API's own code and message.

const STORAGE_KEY = 'agentline.apiKey';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null = null,
    readonly details: unknown[] = [],
  ) {
    super(message);
  }
}

export const storedKey = (): string | null => sessionStorage.getItem(STORAGE_KEY);
export const storeKey = (key: string | null) => (key === null ? sessionStorage.removeItem(STORAGE_KEY) : sessionStorage.setItem(STORAGE_KEY, key));

type Query = Record<string, string | number | boolean | undefined | null>;

let onUnauthorized: (err: ApiError) => void = () => {};
/** Called when the key stops working (revoked while signed in): the app signs out. */
export const setUnauthorizedHandler = (fn: (err: ApiError) => void) => (onUnauthorized = fn);

export async function request<T>(method: string, path: string, opts: { query?: Query; body?: unknown; key?: string; idempotent?: boolean } = {}): Promise<T> {
  const key = opts.key ?? storedKey();
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const headers: Record<string, string> = {};
  if (key) headers.authorization = `Bearer ${key}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  // Writes that spend money can be retried safely.
  if (opts.idempotent) headers['idempotency-key'] = crypto.randomUUID();
  let res: Response;
  try {
    res = await fetch(`${path}${qs.size ? `?${qs}` : ''}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'network_error', 'The gateway did not answer. Is it running?');
  }
  const text = await res.text();
  let json: any = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: reported below */
  }
  if (!res.ok) {
    const e = json?.error;
    const err = new ApiError(res.status, e?.code ?? 'http_error', e?.message ?? `The gateway answered ${res.status}.`, json?.request_id ?? null, e?.details ?? []);
    if (res.status === 401 && opts.key === undefined) onUnauthorized(err);
    throw err;
  }
  return json as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown, o: { idempotent?: boolean } = {}) => request<T>('POST', path, { body: body ?? {}, ...o }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
