import { createHmac, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';

// Standard Webhooks (https://www.standardwebhooks.com/): receivers verify `webhook-signature`
// against HMAC-SHA256 over `${id}.${timestamp}.${body}` with the secret's base64 key. Shared by
// webhook agents and event delivery so both sign identically.

const PREFIX = 'whsec_';

/** A fresh signing secret: `whsec_` + base64 of 24 random bytes. */
export function newWebhookSecret(): string {
  return PREFIX + randomBytes(24).toString('base64');
}

/** Secrets' key bytes, decoded once per secret (a webhook agent signs every turn with its one). */
const keys = new Map<string, KeyObject>();
const MAX_KEYS = 1024;
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (key === undefined) {
    if (keys.size >= MAX_KEYS) keys.clear(); // bounded: a gateway signs for at most its numbers and endpoints
    key = createSecretKey(Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64'));
    keys.set(secret, key);
  }
  return key;
}

/**
 * The `webhook-signature` header value (`v1,<base64>`) for one message. The signed content is
 * fed in parts: `${id}.${timestamp}.${body}` as one string would be a second copy of the body
 * (a whole conversation, on every turn of a webhook agent) made only to be hashed.
 */
export function signStandardWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', keyOf(secret)).update(`${id}.${timestampSeconds}.`).update(body).digest('base64');
  return `v1,${mac}`;
}
