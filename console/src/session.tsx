import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { ApiError, request, setUnauthorizedHandler, storedKey, storeKey } from './api/client';
import type { Me } from './api/types';

// Who is signed in: the key's workspace, mode and rights, from GET /v1/me.

interface Session {
  me: Me;
  /** Test mode: the softphone and test purchases are available. */
  test: boolean;
  /** A read-only key: every write control is hidden or disabled. */
  readOnly: boolean;
  signOut(reason?: string): void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside <SessionGate>');
  return s;
}

export function useSignIn() {
  return async (key: string): Promise<Me> => {
    const res = await request<{ data: Me }>('GET', '/v1/me', { key });
    storeKey(key);
    return res.data;
  };
}

export function SessionGate({ signIn, children }: { signIn: (props: { notice: string | null; onSignedIn(me: Me): void }) => ReactNode; children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(() => storedKey() !== null);
  const [notice, setNotice] = useState<string | null>(null);

  const signOut = useCallback((reason?: string) => {
    storeKey(null);
    setMe(null);
    setNotice(reason ?? null);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler((err: ApiError) => signOut(err.message));
    const key = storedKey();
    if (!key) return;
    request<{ data: Me }>('GET', '/v1/me', { key })
      .then((r) => setMe(r.data))
      .catch((err: unknown) => signOut(err instanceof ApiError ? err.message : String(err)))
      .finally(() => setChecking(false));
  }, [signOut]);

  if (checking) return null;
  if (!me) return <>{signIn({ notice, onSignedIn: (m) => (setNotice(null), setMe(m)) })}</>;
  return (
    <SessionContext.Provider value={{ me, test: me.key.mode === 'test', readOnly: me.key.read_only, signOut }}>{children}</SessionContext.Provider>
  );
}
