import type { Context } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import { clientAddress, throttleKey } from './client-address';

const remote = vi.hoisted(() => ({ address: undefined as string | undefined }));
vi.mock('@hono/node-server/conninfo', () => ({
  getConnInfo: () => ({ remote: { address: remote.address } }),
}));

describe('throttleKey', () => {
  it.each([
    ['192.0.2.7', '192.0.2.7'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['::ffff:c000:207', '192.0.2.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::ffff', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['unknown', 'unknown'],
  ])('counts %s as %s', (address, key) => {
    expect(throttleKey(address)).toBe(key);
  });
});

describe('clientAddress', () => {
  const c = {} as Context;

  it('counts every address of one IPv6 /64 as one client', () => {
    remote.address = '2001:db8:1:2::1';
    const first = clientAddress(c);
    remote.address = '2001:db8:1:2:ffff:ffff:ffff:ffff';
    expect(clientAddress(c)).toBe(first);
    remote.address = '2001:db8:1:3::1';
    expect(clientAddress(c)).not.toBe(first);
  });

  it('says unknown when the connection has no address', () => {
    remote.address = undefined;
    expect(clientAddress(c)).toBe('unknown');
  });
});
