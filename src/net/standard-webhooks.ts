import { createHmac, randomBytes } from 'node:crypto';

// Standard Webhooks (https://www.standardwebhooks.com/): receivers verify `webhook-signature`
// against HMAC-SHA256 over `${id}.${timestamp}.${body}` with the secret's base64 key. Shared by
// webhook agents and event delivery so both sign identically.

const PREFIX = 'whsec_';

/** A fresh signing secret: `whsec_` + base64 of 24 random bytes. */
export function newWebhookSecret(): string {
  return PREFIX + randomBytes(24).toString('base64');
}

/** The `webhook-signature` header value (`v1,<base64>`) for one message. */
export function signStandardWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
  const mac = createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${mac}`;
}
