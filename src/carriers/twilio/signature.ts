import type { FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import twilio from 'twilio';
import { sendError } from '../../http/plugins/errors.js';

// Twilio request validation (docs/carrier-protocols.md §3).
//
// HTTP webhooks: X-Twilio-Signature = base64(HMAC-SHA1(authToken, fullUrl + sorted name+value
// pairs of the form body)). `twilio.validateRequest` also tries the URL with and without the
// default port and with legacy query-string encoding, because Twilio's own signing is
// inconsistent about both (§3.1).
//
// WebSocket upgrades (ConversationRelay, Media Streams): the same header on the upgrade GET,
// computed over the wss:// (or ws://) URL, never the https:// one (twilio-aspnet #162). We follow
// Twilio's own TS server (TAC): url = scheme://host/path without the query, params = the
// query-string pairs (§3.2). With no query string (what we emit) that is just the wss URL and {}.

export type TwilioParams = Record<string, string | string[]>;

export interface HttpValidationInput {
  authToken: string;
  signature: string | undefined;
  /** The full public URL Twilio requested, including the query string. */
  url: string;
  /** The form-encoded body parameters (a repeated name arrives as an array). */
  params: TwilioParams;
}

export interface WebSocketValidationInput {
  authToken: string;
  signature: string | undefined;
  /** The public ws:// or wss:// URL Twilio connected to, including any query string. */
  url: string;
}

/** Validate a form-encoded (or GET) webhook. Never throws. */
export function validateTwilioHttp(input: HttpValidationInput): boolean {
  const { authToken, signature, url, params } = input;
  if (!authToken || !signature) return false;
  try {
    // validateRequest falls back to `new URL(url)`, which throws on a malformed URL.
    return twilio.validateRequest(authToken, signature, url, params);
  } catch {
    return false;
  }
}

/**
 * Validate the X-Twilio-Signature header of a WebSocket upgrade. Never throws.
 *
 * Candidates tried, each compared in constant time:
 *  1. TAC style: `wss://host/path` (no query) + query-string pairs as params.
 *  2. GET-webhook style: the full URL with its query and no params (how Twilio signs HTTP GETs);
 *     identical to 1 when there is no query string.
 * each with the port as given, without a port, and with the scheme's default port. We do not
 * lean on validateRequest's port handling here: its addPort() only knows `https://` and adds
 * `:80` to a wss:// URL.
 */
export function validateTwilioWebSocket(input: WebSocketValidationInput): boolean {
  const { authToken, signature, url } = input;
  if (!authToken || !signature) return false;
  const split = splitQuery(url);
  if (!split || !/^wss?:\/\//i.test(url)) return false;
  const styles: Array<[string, TwilioParams]> = [[split.base, split.params]];
  if (split.query) styles.push([url, {}]);
  const given = Buffer.from(signature);
  for (const [candidateUrl, params] of styles) {
    for (const variant of portVariants(candidateUrl)) {
      const expected = Buffer.from(twilio.getExpectedTwilioSignature(authToken, variant, params));
      if (expected.length === given.length && timingSafeEqual(expected, given)) return true;
    }
  }
  return false;
}

/**
 * Map PUBLIC_URL (`http(s)://host[:port][/prefix]`) plus the request path (fastify's
 * `request.url`, with its query string) to the URL Twilio requested and signed. Behind a
 * prefix-stripping proxy the route sees `/carrier/...` while Twilio called
 * `https://host/prefix/carrier/...`, which is exactly `publicUrl + path`. No URL normalisation:
 * the query must keep the exact characters Twilio signed. With `ws`, https→wss and http→ws.
 */
export function publicUrlFor(publicUrl: string, path: string, ws = false): string {
  let base = publicUrl.replace(/\/+$/, '');
  if (ws) base = base.replace(/^https:/i, 'wss:').replace(/^http:/i, 'ws:');
  const rest = path.startsWith('/') || path.startsWith('?') || path === '' ? path : `/${path}`;
  return base + rest;
}

/** The X-Twilio-Signature Twilio would send for `url` + `params` (fakes and tests). */
export function signTwilioRequest(authToken: string, url: string, params: TwilioParams = {}): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}

/** The X-Twilio-Signature for a WebSocket upgrade to `url`, signed TAC style (see above). */
export function signTwilioWebSocket(authToken: string, url: string): string {
  const split = splitQuery(url);
  if (!split) throw new Error(`not an absolute URL: ${url}`);
  return twilio.getExpectedTwilioSignature(authToken, split.base, split.params);
}

// --- helpers -------------------------------------------------------------------------------

/** Split `scheme://authority/path?query` without normalising the base (which is what's signed). */
function splitQuery(url: string): { base: string; query: string; params: TwilioParams } | null {
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/?#]+/i.test(url)) return null;
  const noHash = url.split('#')[0]!;
  const q = noHash.indexOf('?');
  const base = q === -1 ? noHash : noHash.slice(0, q);
  const query = q === -1 ? '' : noHash.slice(q + 1);
  const params: TwilioParams = {};
  for (const [k, v] of new URLSearchParams(query)) {
    const prev = params[k];
    params[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return { base, query, params };
}

const DEFAULT_PORTS: Record<string, string> = { 'https:': '443', 'wss:': '443', 'http:': '80', 'ws:': '80' };

/** The URL as given, without any port, and with the scheme's default port. */
function portVariants(url: string): string[] {
  const m = /^([a-z][a-z0-9+.-]*:)\/\/([^/?#]*)(.*)$/is.exec(url);
  if (!m) return [url];
  const [, scheme, authority, rest] = m as unknown as [string, string, string, string];
  const at = authority.lastIndexOf('@');
  const userInfo = authority.slice(0, at + 1);
  const hostPort = authority.slice(at + 1);
  const colon = hostPort.indexOf(':', hostPort.lastIndexOf(']') + 1);
  const host = colon === -1 ? hostPort : hostPort.slice(0, colon);
  const variants = new Set([url, `${scheme}//${userInfo}${host}${rest}`]);
  const def = DEFAULT_PORTS[scheme.toLowerCase()];
  if (def) variants.add(`${scheme}//${userInfo}${host}:${def}${rest}`);
  return [...variants];
}

/**
 * A fastify preHandler for Twilio's form-encoded webhooks: a missing or wrong X-Twilio-Signature
 * (or no auth token configured) answers 403 before the handler runs, so nothing changes.
 */
export function twilioSignatureGuard(publicUrl: string, authToken: string | undefined) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const ok =
      authToken !== undefined &&
      validateTwilioHttp({
        authToken,
        signature: request.headers['x-twilio-signature'] as string | undefined,
        url: publicUrlFor(publicUrl, request.url),
        params: (request.body ?? {}) as TwilioParams,
      });
    if (!ok) {
      request.log.warn({ url: request.url }, 'refused a carrier request with a missing or wrong X-Twilio-Signature');
      return refuseSignature(request, reply);
    }
  };
}

/** The 403 for a missing or wrong X-Twilio-Signature, in our envelope like every other error. */
export function refuseSignature(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendError(reply, request, 'forbidden', 'Missing or invalid X-Twilio-Signature.');
}
