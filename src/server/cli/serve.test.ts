import type { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { lanLinks } from './serve';

const INTERFACES: ReturnType<typeof networkInterfaces> = {
  lo: [
    {
      address: '127.0.0.1',
      netmask: '255.0.0.0',
      family: 'IPv4',
      mac: '00:00:00:00:00:00',
      internal: true,
      cidr: '127.0.0.1/8',
    },
  ],
  wlan0: [
    {
      address: '192.168.1.10',
      netmask: '255.255.255.0',
      family: 'IPv4',
      mac: '02:00:00:00:00:01',
      internal: false,
      cidr: '192.168.1.10/24',
    },
  ],
};

describe('lanLinks', () => {
  it.each([
    ['0.0.0.0', false, []],
    ['::', false, []],
    ['127.0.0.1', false, []],
    ['127.0.0.1', true, []],
    ['0.0.0.0', true, ['http://192.168.1.10:8787']],
    ['::', true, ['http://192.168.1.10:8787']],
  ])('HOST %s, ALLOW_INSECURE_HTTP %s → %j', (host, allowInsecureHttp, links) => {
    expect(lanLinks({ host, allowInsecureHttp }, 8787, INTERFACES)).toEqual(links);
  });
});
