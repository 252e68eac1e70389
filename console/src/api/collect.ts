import { api } from './client';
import type { Page } from './types';

/**
 * Newest-first pages of a list, followed while `keep` holds for the last item (e.g. "is it from
 * the last 30 days?"), up to `maxPages`. `truncated` says the walk stopped before the end.
 */
export async function collectWhile<T>(path: string, query: Record<string, string | number | undefined>, keep: (item: T) => boolean, maxPages = 20) {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < maxPages; i++) {
    const page = await api.get<Page<T>>(path, { ...query, limit: 100, cursor });
    for (const item of page.data) {
      if (!keep(item)) return { items, truncated: false };
      items.push(item);
    }
    if (!page.next_cursor) return { items, truncated: false };
    cursor = page.next_cursor;
  }
  return { items, truncated: true };
}
