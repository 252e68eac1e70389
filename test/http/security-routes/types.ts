import type { Api } from '../../helpers/harness.js';

export interface RouteCase {
  /** Sample body that passes validation, for write routes. */
  body?: unknown;
  /** The kind of resource the `:id` in the path names, owned by workspace A in test mode (a key of `owned`). */
  owns?: string;
  /** Other path parameters and the `owned` key each takes, e.g. `{ message_id: 'ticket_message' }`. */
  params?: Record<string, string>;
  /** A query string the route needs to answer 200 (without the `?`), e.g. `query=owner`. */
  query?: string;
  /** A WebSocket route: only its handshake's auth is checked here. */
  ws?: true;
}

/**
 * A group of routes for the shared security suite: its table, and a setup that creates the
 * resources its `:id`s name in the owner's workspace (test mode) and records them in `owned`.
 */
export interface RouteGroup {
  routes: Record<string, RouteCase>;
  own(api: Api, owned: Record<string, string>): Promise<void>;
}
