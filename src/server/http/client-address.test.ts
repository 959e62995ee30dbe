import { describe, expect, it } from 'vitest';
import { resolveClient, throttleKey, trustedProxyList } from './client-address';

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

describe('resolveClient', () => {
  const trusted = trustedProxyList(['127.0.0.1', '10.0.0.0/8', 'fd00::/8']);
  const client = (key: string) => ({ key, shared: false });

  it.each([
    ['a direct client', '192.0.2.7', undefined, client('192.0.2.7')],
    [
      'a direct IPv4 client on a dual-stack listener',
      '::ffff:192.0.2.7',
      undefined,
      client('192.0.2.7'),
    ],
    [
      'every address of one IPv6 /64 as one client',
      '2001:db8:1:2::1',
      undefined,
      client('2001:db8:1:2::/64'),
    ],
    [
      'the same /64 from another address',
      '2001:db8:1:2:ffff:ffff:ffff:ffff',
      undefined,
      client('2001:db8:1:2::/64'),
    ],
    ['the next /64 as another client', '2001:db8:1:3::1', undefined, client('2001:db8:1:3::/64')],
    ['the client a trusted proxy forwarded', '127.0.0.1', '192.0.2.7', client('192.0.2.7')],
    [
      'an IPv6 client through a trusted proxy, by /64',
      '::ffff:127.0.0.1',
      '2001:db8:1:2::9',
      client('2001:db8:1:2::/64'),
    ],
    [
      'the first untrusted hop from the right, skipping trusted ones',
      '127.0.0.1',
      '203.0.113.5, 192.0.2.7, 10.1.2.3',
      client('192.0.2.7'),
    ],
    [
      'nothing left of the client (it wrote that itself)',
      '127.0.0.1',
      '10.9.9.9, 192.0.2.7',
      client('192.0.2.7'),
    ],
    ['a forwarded address with a port', '127.0.0.1', '192.0.2.7:51234', client('192.0.2.7')],
    [
      'a forwarded IPv6 address in brackets with a port',
      'fd00::1',
      '[2001:db8:1:2::5]:443',
      client('2001:db8:1:2::/64'),
    ],
    [
      'the trusted proxy itself, naming nobody, as a shared key',
      '127.0.0.1',
      undefined,
      { key: '127.0.0.1', shared: true, warning: 'proxy-names-no-client' },
    ],
    [
      'a chain of trusted proxies only, as a shared key',
      '127.0.0.1',
      '10.0.0.5, 10.0.0.6',
      { key: '127.0.0.1', shared: true },
    ],
    [
      'garbage a trusted proxy wrote, as a shared key',
      '127.0.0.1',
      'unknown',
      { key: '127.0.0.1', shared: true },
    ],
    [
      'a forwarder that is not trusted: the pair, with the forwarder apart',
      '198.51.100.1',
      '10.9.9.9, 192.0.2.7',
      {
        key: '192.0.2.7 via 198.51.100.1',
        shared: false,
        forwarder: '198.51.100.1',
        warning: 'untrusted-forwarder',
      },
    ],
    [
      'an untrusted forwarder that sends garbage',
      '198.51.100.1',
      'hello',
      {
        key: 'unreadable via 198.51.100.1',
        shared: false,
        forwarder: '198.51.100.1',
        warning: 'untrusted-forwarder',
      },
    ],
    ['no connection address', undefined, '192.0.2.7', client('unknown')],
  ])('counts %s', (_case, peer, forwardedFor, expected) => {
    expect(resolveClient(peer, forwardedFor, trusted)).toEqual(expected);
  });

  it('trusts nobody when TRUSTED_PROXIES is unset', () => {
    expect(resolveClient('127.0.0.1', '192.0.2.7', trustedProxyList([]))).toMatchObject({
      key: '192.0.2.7 via 127.0.0.1',
      forwarder: '127.0.0.1',
    });
  });
});
