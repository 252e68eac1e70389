import type { Scope } from '../scope.js';

// Scopes a key can hold (api-conventions.md "Auth") and what a route may declare.

export const SCOPE_GROUPS = ['numbers', 'calls', 'sms', 'credits', 'webhooks', 'crm', 'support', 'tasks', 'activity', 'cms', 'agents', 'identity', 'usage', 'assets', 'integrations', 'analytics', 'bi'] as const;
export type ScopeGroup = (typeof SCOPE_GROUPS)[number];
export type KeyScope = `${ScopeGroup}:${'read' | 'write'}` | '*';

/**
 * What a route requires:
 * - `public`: no key (health checks, the OpenAPI document);
 * - `carrier`: no key, but the carrier's own request signature is checked by the route;
 * - `any`: any valid key, whatever its scopes (e.g. GET /v1/me);
 * - a key scope.
 */
export type RouteScope = 'public' | 'carrier' | 'any' | Exclude<KeyScope, '*'>;

export const ALL_KEY_SCOPES: KeyScope[] = [
  '*',
  ...SCOPE_GROUPS.flatMap((g) => [`${g}:read`, `${g}:write`] as KeyScope[]),
];

export function isKeyScope(value: string): value is KeyScope {
  return (ALL_KEY_SCOPES as string[]).includes(value);
}

/** `x:write` implies `x:read`; `*` implies everything. */
export function keyAllows(keyScopes: readonly string[], required: RouteScope): boolean {
  if (required === 'public' || required === 'carrier' || required === 'any') return true;
  if (keyScopes.includes('*') || keyScopes.includes(required)) return true;
  const [group, level] = required.split(':');
  return level === 'read' && keyScopes.includes(`${group}:write`);
}

export interface AuthContext {
  keyId: string;
  workspaceId: string;
  workspaceName: string;
  scope: Scope;
  scopes: string[];
  readOnly: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    scope?: RouteScope;
  }
}
