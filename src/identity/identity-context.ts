import type { TurnContextProvider } from '../calls/turn-context.js';
import type { Executor } from '../db/database.js';
import type { Scope } from '../scope.js';
import { findIdentity, parseProfile, type Service } from './identity-service.js';

// What a managed agent is told of the business it speaks for: the identity's name, tagline,
// about and website, and every active service with its price exactly as listed, so that "how
// much is a consultation?" is answered from the list rather than made up.

const INTERVAL: Record<Service['billing_interval'], string> = { 'one-time': 'one-time', monthly: 'per month', yearly: 'per year' };

export function formatPrice(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

export async function identityPrompt(db: Executor, scope: Scope): Promise<string | null> {
  const row = await findIdentity(db, scope);
  if (!row) return null;
  const profile = parseProfile(row);
  const services = (profile?.services ?? []).filter((s) => s.active);
  const lines = [
    row.display_name ? `You speak for ${row.display_name}.` : null,
    profile?.tagline ? `Tagline: ${profile.tagline}` : null,
    profile?.about ? `About the business: ${profile.about}` : null,
    profile?.website ? `Website: ${profile.website}` : null,
  ].filter((l): l is string => l !== null);
  if (services.length) {
    lines.push('Services and prices (quote these prices exactly; do not offer anything not listed):');
    for (const s of services) {
      lines.push(`- ${s.name}: ${formatPrice(s.price_cents, s.currency)} ${INTERVAL[s.billing_interval]}${s.description ? `. ${s.description}` : ''}`);
    }
  }
  return lines.length ? `About the business.\n${lines.join('\n')}` : null;
}

/**
 * Wraps the conversation context (the CRM's) with the identity for managed agents, and applies
 * a reusable agent's switches: its `crm` tools off, or the identity left out (`context.enabled`).
 */
export function withIdentityContext(inner: TurnContextProvider, deps: { db: Executor }): TurnContextProvider {
  return {
    ...inner,
    async forConversation(req) {
      const base = await inner.forConversation(req);
      const tools = req.agent && !req.agent.tools.crm ? { tools: [], runTool: undefined } : {};
      if (!req.managed || req.agent?.identityContext === false) return { ...base, ...tools };
      const identity = await identityPrompt(deps.db, req.scope);
      return { ...base, ...tools, promptAddition: [identity, base.promptAddition].filter(Boolean).join('\n\n') || null };
    },
  };
}
