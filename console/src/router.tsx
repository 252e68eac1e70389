import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';

// A small history router: the console's pages live under /console/ (the gateway answers every
// such path with the app), so links can be bookmarked and opened in a new tab.

const BASE = '/console';

interface Route {
  path: string; // without the base, e.g. "/calls/call_123"
  search: URLSearchParams;
  navigate(to: string, opts?: { replace?: boolean }): void;
}

const RouterContext = createContext<Route | null>(null);

const current = () => ({ path: location.pathname.slice(BASE.length).replace(/\/$/, '') || '/', search: new URLSearchParams(location.search) });

export function Router({ children }: { children: ReactNode }) {
  const [loc, setLoc] = useState(current);
  useEffect(() => {
    const on = () => setLoc(current());
    addEventListener('popstate', on);
    return () => removeEventListener('popstate', on);
  }, []);
  const navigate = useCallback((to: string, opts: { replace?: boolean } = {}) => {
    const url = `${BASE}${to}`;
    if (opts.replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    setLoc(current());
    scrollTo(0, 0);
  }, []);
  return <RouterContext.Provider value={{ ...loc, navigate }}>{children}</RouterContext.Provider>;
}

export function useRoute(): Route {
  const r = useContext(RouterContext);
  if (!r) throw new Error('useRoute outside <Router>');
  return r;
}

/** Matches "/calls/:id" against the path; the params, or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const s = path.split('/');
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i]!.startsWith(':')) params[p[i]!.slice(1)] = decodeURIComponent(s[i]!);
    else if (p[i] !== s[i]) return null;
  }
  return params;
}

/** An <a> that navigates inside the app (and still opens in a new tab with a modifier key). */
export const href = (to: string) => `${BASE}${to}`;
export function useLink() {
  const { navigate } = useRoute();
  return (to: string) => ({
    href: href(to),
    onClick: (e: React.MouseEvent) => {
      if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      navigate(to);
    },
  });
}
