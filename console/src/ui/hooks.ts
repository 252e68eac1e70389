import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../api/types';

// Loading API data into a page: one resource (optionally polled while the page is open), or a
// cursor-paged list that grows with "Load more".

export function useLoad<T>(load: () => Promise<T>, deps: unknown[], opts: { pollMs?: number | false } = {}) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);
  const run = useCallback(async (quiet = false) => {
    const mine = ++seq.current;
    if (!quiet) setLoading(true);
    try {
      const d = await load();
      if (mine === seq.current) {
        setData(d);
        setError(null);
      }
    } catch (err) {
      if (mine === seq.current) setError(err);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(() => {
    void run();
  }, [run]);
  useEffect(() => {
    if (!opts.pollMs) return;
    const t = setInterval(() => void run(true), opts.pollMs);
    return () => clearInterval(t);
  }, [run, opts.pollMs]);
  return { data, error, loading, reload: () => run(true), setData };
}

export function usePaged<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>, deps: unknown[]) {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);
  const load = useCallback(async (from: string | undefined, append: boolean) => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const page = await fetchPage(from);
      if (mine !== seq.current) return;
      setItems((prev) => (append ? [...prev, ...page.data] : page.data));
      setCursor(page.next_cursor);
      setError(null);
    } catch (err) {
      if (mine === seq.current) setError(err);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(() => {
    void load(undefined, false);
  }, [load]);
  return {
    items,
    error,
    loading,
    hasMore: cursor !== null,
    more: () => cursor !== null && load(cursor, true),
    reload: () => load(undefined, false),
    setItems,
  };
}
