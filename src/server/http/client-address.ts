/**
 * The client's address as the throttles count it. Without a proxy, the peer's address.
 * Behind a reverse proxy listed in TRUSTED_PROXIES, the address it forwarded: X-Forwarded-For
 * is read from the right (each proxy appends the address it was reached from), trusted hops
 * are skipped, and the first untrusted address is the client; what lies left of it was
 * written by the client and is ignored. X-Forwarded-For from a peer that is not trusted
 * cannot be believed (anyone may send one), nor ignored (the peer is probably a proxy nobody
 * listed, and its address stands for all its clients): see ThrottleClient for how each case
 * is counted, and ClientAddresses for the one-time warnings that name TRUSTED_PROXIES.
 *
 * An IPv6 client counts by its /64 network: one home or phone is given a whole /64 and may
 * send from any address in it, so counting single addresses would give it 2^64 rounds of
 * guesses. An IPv4 client written as IPv6 (::ffff:192.0.2.1, a dual-stack listener) counts
 * as its IPv4 address.
 */
import { BlockList, isIP, isIPv6 } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { ThrottleClient } from '../devices/throttle';

/** The eight 16-bit groups of an IPv6 address, or undefined when it is not one. */
function ipv6Groups(address: string): number[] | undefined {
  let text = address.split('%')[0] ?? ''; // without a zone (fe80::1%eth0)
  if (!isIPv6(text)) return undefined;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const split = (part: string) => (part === '' ? [] : part.split(':'));
  const groups =
    tail === undefined
      ? split(head)
      : [
          ...split(head),
          ...Array<string>(8 - split(head).length - split(tail).length).fill('0'),
          ...split(tail),
        ];
  return groups.map((group) => Number.parseInt(group, 16));
}

/** What a throttle counts an address under: IPv4 as it is, IPv6 by its /64 network. */
export function throttleKey(address: string): string {
  const groups = ipv6Groups(address);
  if (!groups) return address;
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6);
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** An address without its zone, and an IPv4 address written as IPv6 as IPv4. */
function plainAddress(address: string): string {
  const text = address.split('%')[0] ?? '';
  const groups = ipv6Groups(text);
  const mapped = groups?.slice(0, 5).every((g) => g === 0) && groups?.[5] === 0xffff;
  return mapped ? throttleKey(text) : text;
}

/** One entry of X-Forwarded-For as an address (a port or brackets some proxies add dropped). */
function forwardedAddress(entry: string): string | undefined {
  let text = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1] ?? '';
  else if (/^[\d.]+:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(':'));
  text = plainAddress(text);
  return isIP(text) === 0 ? undefined : text;
}

/** TRUSTED_PROXIES as a BlockList: each entry an address or a CIDR range, IPv4 or IPv6. */
export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

/** What the collector should tell its operator once, seen in a request. */
export type ProxyWarning = 'untrusted-forwarder' | 'proxy-names-no-client';

/**
 * The client behind `peer` (the connection's address) and what it forwarded. Pure: the
 * rules of the module comment, one case at a time.
 */
export function resolveClient(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trusted: BlockList,
): ThrottleClient & { warning?: ProxyWarning } {
  if (peer === undefined) return { key: 'unknown', shared: false };
  const isTrusted = (address: string) =>
    trusted.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
  const peerAddress = plainAddress(peer);
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '');

  if (isIP(peerAddress) === 0 || !isTrusted(peerAddress)) {
    if (hops.length === 0) return { key: throttleKey(peerAddress), shared: false };
    const claimed = forwardedAddress(hops[hops.length - 1] ?? '');
    const forwarder = throttleKey(peerAddress);
    return {
      key: `${claimed ? throttleKey(claimed) : 'unreadable'} via ${forwarder}`,
      shared: false,
      forwarder,
      warning: 'untrusted-forwarder',
    };
  }
  for (const hop of hops.reverse()) {
    const address = forwardedAddress(hop);
    // Written by a trusted proxy yet not an address: nobody to count.
    if (address === undefined) break;
    if (!isTrusted(address)) return { key: throttleKey(address), shared: false };
  }
  return {
    key: throttleKey(peerAddress),
    shared: true,
    ...(hops.length === 0 ? { warning: 'proxy-names-no-client' as const } : {}),
  };
}

const WARNINGS: Record<ProxyWarning, (peer: string) => string> = {
  'untrusted-forwarder': (peer) =>
    `collector: requests from ${peer} carry X-Forwarded-For, but ${peer} is not in TRUSTED_PROXIES. ` +
    `If it is your reverse proxy, add it to TRUSTED_PROXIES: until then the enrollment and sign-in ` +
    `throttles count its clients by an address any client can invent, and all of them together ` +
    `under one limit.`,
  'proxy-names-no-client': (peer) =>
    `collector: a request from ${peer}, a trusted proxy (TRUSTED_PROXIES), carried no X-Forwarded-For, ` +
    `so the enrollment and sign-in throttles cannot tell its clients apart and do not count them. ` +
    `Make the proxy send X-Forwarded-For (Caddy does by default; nginx: proxy_set_header ` +
    `X-Forwarded-For $proxy_add_x_forwarded_for).`,
};

/**
 * Reads each request's client for the throttles, with the trusted proxies of the
 * configuration, and warns once per kind of trouble a deployment's proxy can have.
 */
export class ClientAddresses {
  readonly #trusted: BlockList;
  readonly #warned = new Set<ProxyWarning>();

  constructor(
    trustedProxies: readonly string[],
    private readonly logWarning: (message: string) => void,
  ) {
    this.#trusted = trustedProxyList(trustedProxies);
  }

  /** The request's client; "unknown" outside Node (tests through app.request()). */
  of(c: Context): ThrottleClient {
    let peer: string | undefined;
    try {
      peer = getConnInfo(c).remote.address;
    } catch {
      peer = undefined;
    }
    const { warning, ...client } = resolveClient(
      peer,
      c.req.header('x-forwarded-for'),
      this.#trusted,
    );
    if (warning && !this.#warned.has(warning) && peer !== undefined) {
      this.#warned.add(warning);
      this.logWarning(WARNINGS[warning](plainAddress(peer)));
    }
    return client;
  }
}
