import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

// Customer URLs (agent webhooks, event endpoints) must not reach into the gateway's own
// network: private, loopback, link-local, CGNAT, multicast, reserved and cloud metadata
// addresses are refused unless the operator sets AGENTLINE_ALLOW_PRIVATE_URLS
// (api-conventions.md "Outbound requests to customer URLs"). Checked at registration and again
// at connect time, after DNS resolution, by the outbound HTTP client.

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16],
  ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['100::', 64],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** True for addresses a customer URL may not reach. IPv4-mapped and NAT64 forms are unwrapped. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true;
  const lower = address.toLowerCase();
  const mapped = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  return blocked.check(lower, 'ipv6');
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; error: string; message: string };

export type Resolver = (hostname: string) => Promise<string[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/** Parses and vets a customer URL; resolves its host unless private addresses are allowed. */
export async function checkCustomerUrl(
  raw: string,
  opts: { allowPrivate: boolean; resolve?: Resolver },
): Promise<UrlCheck> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, error: 'invalid_url', message: 'must be an absolute http(s) URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, error: 'invalid_url', message: 'must use http or https' };
  }
  if (url.username || url.password) {
    return { ok: false, error: 'invalid_url', message: 'must not carry credentials; use webhook_token instead' };
  }
  if (opts.allowPrivate) return { ok: true, url };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    return isPrivateAddress(host)
      ? { ok: false, error: 'private_address', message: `points at a private or reserved address (${host})` }
      : { ok: true, url };
  }
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal') || host.endsWith('.local')) {
    return { ok: false, error: 'private_address', message: `points at a private host (${host})` };
  }
  let addresses: string[];
  try {
    addresses = await (opts.resolve ?? systemResolver)(host);
  } catch {
    return { ok: false, error: 'unresolvable_host', message: `host ${host} does not resolve` };
  }
  const bad = addresses.find(isPrivateAddress);
  if (addresses.length === 0 || bad) {
    return { ok: false, error: 'private_address', message: `host ${host} resolves to a private or reserved address (${bad ?? 'none'})` };
  }
  return { ok: true, url };
}
