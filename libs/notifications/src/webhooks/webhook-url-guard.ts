import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { BlockList, isIP } from 'node:net';

/**
 * SSRF guard: a webhook URL chosen by an organisation must not make Tandem's workers call into
 * their own network (cloud metadata, databases, admin ports). Checked when the endpoint is saved and
 * again, on the resolved addresses, before every delivery (DNS may change in between).
 */
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv6');

const v4 = (b: number[], at: number): string => b.slice(at, at + 4).join('.');

/**
 * The IPv4 addresses an IPv6 address maps or embeds, by the forms a router or translator would turn
 * into IPv4 traffic: IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d, SIIT ::ffff:0:a.b.c.d,
 * NAT64 64:ff9b::/96 (and the local-use 64:ff9b:1::/48), 6to4 2002:AABB:CCDD::/16, and Teredo
 * 2001:0::/32 (server in bits 32–63, client obfuscated in the last 32 bits).
 */
export function embeddedIPv4(address: string): string[] {
  const b = ipaddr.IPv6.parse(address).toByteArray();
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  const out: string[] = [];
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) out.push(v4(b, 12)); // mapped
  if (zeros(0, 12)) out.push(v4(b, 12)); // compatible (:: and ::1 included; both are refused anyway)
  if (zeros(0, 8) && b[8] === 0xff && b[9] === 0xff && zeros(10, 12)) out.push(v4(b, 12)); // SIIT
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b) out.push(v4(b, 12)); // NAT64
  if (b[0] === 0x20 && b[1] === 0x02) out.push(v4(b, 2)); // 6to4
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0x00 && b[3] === 0x00) {
    out.push(v4(b, 4)); // Teredo server
    out.push(
      b
        .slice(12, 16)
        .map((x) => x ^ 0xff)
        .join('.'),
    ); // Teredo client
  }
  return out;
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 4) return PRIVATE.check(address, 'ipv4');
  // A zone id (fe80::1%eth0) or anything the parser cannot read is refused, not guessed at.
  if (!ipaddr.IPv6.isValid(address)) return true;
  if (PRIVATE.check(address, 'ipv6')) return true;
  // Local-use NAT64 prefix: translated to whatever the operator's network holds.
  if (address.toLowerCase().startsWith('64:ff9b:1:')) return true;
  return embeddedIPv4(address).some((x) => PRIVATE.check(x, 'ipv4'));
}

/** Why a URL may not receive webhooks, or null when it may. */
export function urlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute http(s) URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must use http or https';
  if (url.username || url.password) return 'must not contain credentials';
  return null;
}

/** Resolves the host and refuses private, loopback and link-local addresses unless allowed. */
export async function assertPublicDestination(raw: string, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  const host = new URL(raw).hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost'))
    throw new Error('destination is a private address');
  const addresses = isIP(host) ? [{ address: host }] : await lookup(host, { all: true });
  if (addresses.some((a) => isPrivateAddress(a.address)))
    throw new Error('destination resolves to a private address');
}
