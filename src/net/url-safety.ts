import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

// Customer URLs (agent webhooks, event endpoints) must not reach into the gateway's own
// network: private, loopback, link-local, CGNAT, multicast, reserved and cloud metadata
// addresses are refused unless the operator sets AGENTLINE_ALLOW_PRIVATE_URLS
// (api-conventions.md "Outbound requests to customer URLs"). Checked at registration and again
// at connect time, after DNS resolution, by the outbound HTTP client.
//
// IPv6 has several ways of spelling an IPv4 address, and a translator, a dual-stack kernel or a
// 6to4/Teredo relay on the path turns each of them back into that IPv4 address. So an IPv6
// address that embeds an IPv4 one is judged by the IPv4 address it embeds, in any spelling
// (`::ffff:127.0.0.1`, `::ffff:7f00:1`, `64:ff9b::7f00:1`, `::ffff:0:7f00:1`, `2002:7f00:1::`).
// Every spelling is first reduced to its eight hextets by the WHATWG URL parser, the one the
// HTTP client itself uses, so no textual pattern can be dodged. (ipaddr.js was tried: it reads
// the IPv4-compatible `::8.8.8.8` as the mapped `::ffff:8.8.8.8`, which is another address.)

const blockedV4 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16],
  ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) {
  blockedV4.addSubnet(net, prefix, 'ipv4');
}

const blockedV6 = new BlockList();
for (const [net, prefix] of [
  // ::/96 holds ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d form (RFC 4291 2.5.5.1):
  // nothing public lives there.
  ['::', 96],
  // RFC 8215 local-use NAT64: where the IPv4 address sits depends on the operator's prefix
  // length, and the range is local by definition.
  ['64:ff9b:1::', 48],
  ['100::', 64], // discard (RFC 6666)
  ['2001:2::', 48], // benchmarking (RFC 5180)
  ['2001:10::', 28], ['2001:20::', 28], // ORCHID (RFC 4843, 7343): not routable
  ['2001:db8::', 32], ['3fff::', 20], // documentation (RFC 3849, 9637)
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // deprecated site-local (RFC 3879), still honoured by some stacks
  ['ff00::', 8], // multicast
] as const) {
  blockedV6.addSubnet(net, prefix, 'ipv6');
}

const v4Of = (high: number, low: number): string => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;

/** The IPv4 addresses an IPv6 address stands for on the way out, by RFC 4291, 6052, 6145, 3056 and 4380. */
function embeddedIPv4(p: number[]): string[] {
  const [a, b, c, d, e, f, g, h] = p as [number, number, number, number, number, number, number, number];
  const zero4 = a === 0 && b === 0 && c === 0 && d === 0;
  if (zero4 && e === 0 && f === 0xffff) return [v4Of(g, h)]; // ::ffff:0:0/96, IPv4-mapped
  if (zero4 && e === 0xffff && f === 0) return [v4Of(g, h)]; // ::ffff:0:0:0/96, IPv4-translated (SIIT)
  if (a === 0x64 && b === 0xff9b && c === 0 && d === 0 && e === 0 && f === 0) return [v4Of(g, h)]; // 64:ff9b::/96 NAT64
  if (a === 0x2002) return [v4Of(b, c)]; // 6to4: the relay sends it to this IPv4 host
  // Teredo: the server's address, and the client's, stored inverted.
  if (a === 0x2001 && b === 0) return [v4Of(c, d), v4Of(~g & 0xffff, ~h & 0xffff)];
  return [];
}

/** The eight hextets of an IPv6 address in any spelling; null when it is not one. */
function hextets(address: string): number[] | null {
  let host: string;
  try {
    host = new URL(`http://[${address}]/`).hostname;
  } catch {
    return null;
  }
  // Serialized canonically: lower-case hex, no dotted tail, at most one `::`.
  const [head = '', tail] = host.slice(1, -1).split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const parts = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return parts.length === 8 ? parts.map((h) => parseInt(h, 16)) : null;
}

/** True for addresses a customer URL may not reach. Anything that is not an address counts as private. */
export function isPrivateAddress(address: string): boolean {
  // A zone id (`fe80::1%eth0`, as DNS may answer) qualifies the address; the address decides.
  const bare = address.replace(/%.+$/, '');
  const family = isIP(bare);
  if (family === 4) return blockedV4.check(bare, 'ipv4');
  if (family !== 6) return true;
  const parts = hextets(bare);
  if (!parts) return true;
  if (embeddedIPv4(parts).some((v4) => blockedV4.check(v4, 'ipv4'))) return true;
  return blockedV6.check(parts.map((h) => h.toString(16)).join(':'), 'ipv6');
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
