import { afterEach, describe, expect, it } from 'vitest';
import { AgentError } from '../../src/agents/agent.js';
import { openOutbound } from '../../src/net/outbound-http.js';
import { checkCustomerUrl, isPrivateAddress } from '../../src/net/url-safety.js';
import { createHarness, expectOk, type Harness } from '../helpers/harness.js';

// Every spelling of an address that reaches the gateway's own network must be refused, at
// registration (checkCustomerUrl) and at connect time (the outbound client's lookup and its
// IP-literal check), however IPv6 dresses it up.

const REFUSED: Array<[string, string]> = [
  // IPv4-mapped ::ffff:0:0/96, dotted and hex (URL parsing turns the first into the second)
  ['::ffff:127.0.0.1', 'mapped loopback, dotted'],
  ['::ffff:7f00:1', 'mapped loopback, hex'],
  ['0:0:0:0:0:ffff:7f00:1', 'mapped loopback, uncompressed'],
  ['::FFFF:7F00:0001', 'mapped loopback, upper case, leading zeros'],
  ['0000:0000:0000:0000:0000:ffff:127.0.0.1', 'mapped loopback, full width with dotted tail'],
  ['::ffff:169.254.169.254', 'mapped metadata'],
  ['::ffff:a9fe:a9fe', 'mapped metadata, hex'],
  ['::ffff:a00:1', 'mapped 10.0.0.1'],
  ['::ffff:c0a8:101', 'mapped 192.168.1.1'],
  // NAT64 well-known prefix 64:ff9b::/96 (RFC 6052)
  ['64:ff9b::7f00:1', 'NAT64 loopback'],
  ['64:ff9b::127.0.0.1', 'NAT64 loopback, dotted'],
  ['64:ff9b:0:0:0:0:7f00:1', 'NAT64 loopback, uncompressed'],
  ['64:FF9B::A9FE:A9FE', 'NAT64 metadata, upper case'],
  ['64:ff9b::169.254.169.254', 'NAT64 metadata, dotted'],
  ['64:ff9b::a00:1', 'NAT64 10.0.0.1'],
  ['64:ff9b::ac10:1', 'NAT64 172.16.0.1'],
  ['64:ff9b::6440:1', 'NAT64 CGNAT 100.64.0.1'],
  ['64:ff9b::1', 'NAT64 0.0.0.1'],
  // IPv4-translated ::ffff:0:0:0/96 (RFC 6145)
  ['::ffff:0:7f00:1', 'translated loopback'],
  ['::ffff:0:127.0.0.1', 'translated loopback, dotted'],
  ['0:0:0:0:ffff:0:a9fe:a9fe', 'translated metadata'],
  ['::ffff:0:a00:1', 'translated 10.0.0.1'],
  // Local-use NAT64 64:ff9b:1::/48 (RFC 8215): local by definition, whatever it embeds
  ['64:ff9b:1::7f00:1', 'local-use NAT64 loopback'],
  ['64:ff9b:1::808:808', 'local-use NAT64 of a public address'],
  ['64:ff9b:1:ffff::1', 'local-use NAT64, elsewhere in the /48'],
  // Deprecated IPv4-compatible ::a.b.c.d (RFC 4291)
  ['::127.0.0.1', 'IPv4-compatible loopback'],
  ['::7f00:1', 'IPv4-compatible loopback, hex'],
  ['::a9fe:a9fe', 'IPv4-compatible metadata'],
  ['::8.8.8.8', 'IPv4-compatible public (deprecated form, never routed)'],
  // 6to4 2002::/16 (RFC 3056): the relay delivers to the embedded IPv4 host
  ['2002:7f00:1::', '6to4 loopback'],
  ['2002:7f00:1::1', '6to4 loopback host'],
  ['2002:a9fe:a9fe::1', '6to4 metadata'],
  ['2002:c0a8:101::1', '6to4 192.168.1.1'],
  ['2002:a00:1:1::1', '6to4 10.0.0.1'],
  // Teredo 2001:0::/32 (RFC 4380): client address stored inverted
  ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'Teredo client 127.0.0.1'],
  ['2001:0:a9fe:a9fe::', 'Teredo server 169.254.169.254'],
  // Native IPv6 ranges
  ['::1', 'loopback'],
  ['::', 'unspecified'],
  ['fe80::1', 'link-local'],
  ['fec0::1', 'site-local (deprecated)'],
  ['fc00::1', 'unique local'],
  ['fd12:3456:789a::1', 'unique local fd'],
  ['ff02::1', 'multicast'],
  ['2001:db8::1', 'documentation'],
  ['3fff::1', 'documentation (RFC 9637)'],
  ['100::1', 'discard'],
  ['2001:2::1', 'benchmarking'],
  // IPv4
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback /8'],
  ['169.254.169.254', 'metadata'],
  ['10.1.2.3', 'RFC 1918'],
  ['172.31.255.255', 'RFC 1918'],
  ['192.168.0.1', 'RFC 1918'],
  ['100.100.100.200', 'CGNAT (Alibaba metadata)'],
  ['0.0.0.0', 'this network'],
  ['255.255.255.255', 'broadcast'],
];

const ALLOWED: Array<[string, string]> = [
  ['2606:4700:4700::1111', 'public IPv6'],
  ['2a00:1450:4001:82b::200e', 'public IPv6'],
  ['::ffff:8.8.8.8', 'mapped public'],
  ['::ffff:808:808', 'mapped public, hex'],
  ['64:ff9b::808:808', 'NAT64 public'],
  ['64:ff9b::8.8.8.8', 'NAT64 public, dotted'],
  ['::ffff:0:808:808', 'translated public'],
  ['2002:808:808::1', '6to4 public'],
  ['8.8.8.8', 'public IPv4'],
  ['1.1.1.1', 'public IPv4'],
];

const literalUrl = (address: string, port = 8080) => (address.includes(':') ? `http://[${address}]:${port}/hook` : `http://${address}:${port}/hook`);

const outbound = (url: string, lookup?: (host: string) => Promise<string[]>) =>
  openOutbound(url, {
    method: 'POST',
    headers: {},
    body: '{}',
    signal: new AbortController().signal,
    allowPrivate: false,
    connectTimeoutMs: 2000,
    headersTimeoutMs: 2000,
    maxResponseBytes: 1024,
    lookup,
  });

async function refusal(promise: Promise<unknown>): Promise<AgentError> {
  const err = await promise.then(
    () => {
      throw new Error('expected the request to be refused');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AgentError);
  return err as AgentError;
}

describe('private addresses in every spelling', () => {
  it.each(REFUSED)('refuses %s (%s)', async (address) => {
    expect(isPrivateAddress(address)).toBe(true);

    // At registration: as an IP literal, and as what a hostname resolves to.
    const literal = await checkCustomerUrl(literalUrl(address), { allowPrivate: false });
    expect(literal).toMatchObject({ ok: false, error: 'private_address' });
    const resolved = await checkCustomerUrl('http://hooks.example.com/hook', { allowPrivate: false, resolve: async () => [address] });
    expect(resolved).toMatchObject({ ok: false, error: 'private_address' });
    // A public answer next to it does not launder it.
    const mixed = await checkCustomerUrl('http://hooks.example.com/hook', { allowPrivate: false, resolve: async () => ['8.8.8.8', address] });
    expect(mixed).toMatchObject({ ok: false, error: 'private_address' });

    // At connect time: refused before any socket is opened, as a literal and after DNS.
    expect((await refusal(outbound(literalUrl(address, 1)))).kind).toBe('refused_url');
    const err = await refusal(outbound('http://agent.example.test:1/', async () => [address]));
    expect(err.kind).toBe('refused_url');
    expect(err.message).toContain('private or reserved');
  });

  it.each(ALLOWED)('allows %s (%s)', async (address) => {
    expect(isPrivateAddress(address)).toBe(false);
    expect(await checkCustomerUrl(literalUrl(address), { allowPrivate: false })).toMatchObject({ ok: true });
    expect(await checkCustomerUrl('http://hooks.example.com/hook', { allowPrivate: false, resolve: async () => [address] })).toMatchObject({ ok: true });
  });

  it('treats what is not an address as private, and a zone id as the address it qualifies', () => {
    for (const junk of ['', 'localhost', '127.1', '0x7f.0.0.1', '::ffff:127.0.0.1.1', '1.2.3.4.5', 'fe80::1%']) expect(isPrivateAddress(junk), junk).toBe(true);
    expect(isPrivateAddress('fe80::1%eth0')).toBe(true);
  });
});

describe('registration refuses the translated forms', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('POST /v1/webhooks answers 422 private_address for NAT64, translated and mapped loopback', async () => {
    h = await createHarness({ env: { AGENTLINE_ALLOW_PRIVATE_URLS: 'false' }, resolve: async () => ['93.184.216.34'] });
    const api = h.api(await h.key());
    for (const url of ['http://[64:ff9b::7f00:1]/hook', 'http://[::ffff:0:7f00:1]/hook', 'http://[::ffff:7f00:1]/hook', 'http://[64:ff9b::a9fe:a9fe]/latest/meta-data/', 'http://[2002:a9fe:a9fe::]/']) {
      const res = await api.post('/v1/webhooks', { url, event_types: ['*'] });
      expect(res.status, url).toBe(422);
      expect(res.body.error.details[0], url).toMatchObject({ field: 'url', error: 'private_address' });
    }
    expect(expectOk(await api.get('/v1/webhooks')).data).toEqual([]);
  });
});
