/**
 * The client's address as the collector sees it, for throttles. Behind a reverse proxy
 * every client shares the proxy's: forwarded headers are not trusted, since any client
 * could send them.
 *
 * An IPv6 client counts by its /64 network: one home or phone is given a whole /64 and may
 * send from any address in it, so counting single addresses would give it 2^64 rounds of
 * guesses. An IPv4 client written as IPv6 (::ffff:192.0.2.1, a dual-stack listener) counts
 * as its IPv4 address.
 */
import { isIPv6 } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

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

/** The client's address as throttles count it; "unknown" outside Node (tests through app.request()). */
export function clientAddress(c: Context): string {
  let address: string | undefined;
  try {
    address = getConnInfo(c).remote.address;
  } catch {
    address = undefined;
  }
  return address === undefined ? 'unknown' : throttleKey(address);
}
