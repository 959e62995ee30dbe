import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, publicBaseUrl, renderConfigDocs } from './config';

const CWD = '/srv/collector';

describe('loadConfig', () => {
  it('gives every setting its default', () => {
    expect(loadConfig({}, CWD, 'Europe/Ljubljana')).toEqual({
      port: 8787,
      host: '127.0.0.1',
      dataDir: '/srv/collector/data',
      databaseUrl: undefined,
      publicUrl: undefined,
      allowInsecureHttp: false,
      staticDir: '/srv/collector/dist/client',
      enrollmentCodeTtlHours: 72,
      timeZone: 'Europe/Ljubljana',
      staffSession: { idleMinutes: 60, maxHours: 12 },
      deviceLimits: { burst: 5000, perMinute: 1000, dailyQuota: 5000 },
      publicLimits: { perAddressPerHour: 120, perPhonePerDay: 10, linkDailyCeiling: 3000 },
      trustedProxies: [],
    });
  });

  it('reads every variable, and treats an empty one as unset', () => {
    expect(
      loadConfig(
        {
          PORT: '9000',
          HOST: '127.0.0.1',
          DATA_DIR: '/var/lib/survey',
          DATABASE_URL: 'postgresql://survey@db/survey',
          PUBLIC_URL: 'https://survey.library.example/',
          ALLOW_INSECURE_HTTP: '1',
          STATIC_DIR: 'public-app',
          ENROLLMENT_CODE_TTL_HOURS: '24',
          TIME_ZONE: 'Europe/Vilnius',
          STAFF_SESSION_IDLE_MINUTES: '20',
          STAFF_SESSION_MAX_HOURS: '8',
          DEVICE_RESPONSE_BURST: '2000',
          DEVICE_RESPONSES_PER_MINUTE: '300',
          DEVICE_DAILY_RESPONSE_QUOTA: '800',
          PUBLIC_PER_ADDRESS_PER_HOUR: '300',
          PUBLIC_PER_PHONE_PER_DAY: '3',
          PUBLIC_LINK_DAILY_CEILING: '500',
          TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8,fd00::/8 ,::1',
          UNRELATED: 'x',
        },
        CWD,
      ),
    ).toEqual({
      port: 9000,
      host: '127.0.0.1',
      dataDir: '/var/lib/survey',
      databaseUrl: 'postgresql://survey@db/survey',
      publicUrl: 'https://survey.library.example',
      allowInsecureHttp: true,
      staticDir: '/srv/collector/public-app',
      enrollmentCodeTtlHours: 24,
      timeZone: 'Europe/Vilnius',
      staffSession: { idleMinutes: 20, maxHours: 8 },
      deviceLimits: { burst: 2000, perMinute: 300, dailyQuota: 800 },
      publicLimits: { perAddressPerHour: 300, perPhonePerDay: 3, linkDailyCeiling: 500 },
      trustedProxies: ['127.0.0.1', '10.0.0.0/8', 'fd00::/8', '::1'],
    });
    expect(loadConfig({ PUBLIC_URL: '', DATABASE_URL: '  ' }, CWD)).toMatchObject({
      publicUrl: undefined,
      databaseUrl: undefined,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PUBLIC_URL: 'survey.library.example' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'ftp://survey.library.example' }, 'PUBLIC_URL'],
    [{ ALLOW_INSECURE_HTTP: 'perhaps' }, 'ALLOW_INSECURE_HTTP'],
    [{ ENROLLMENT_CODE_TTL_HOURS: '0' }, 'ENROLLMENT_CODE_TTL_HOURS'],
    [{ ENROLLMENT_CODE_TTL_HOURS: '1.5' }, 'ENROLLMENT_CODE_TTL_HOURS'],
    [{ TIME_ZONE: 'Europe/Atlantis' }, 'TIME_ZONE'],
    [{ TIME_ZONE: 'CEST+2' }, 'TIME_ZONE'],
    [{ STAFF_SESSION_IDLE_MINUTES: '0' }, 'STAFF_SESSION_IDLE_MINUTES'],
    [{ STAFF_SESSION_MAX_HOURS: '721' }, 'STAFF_SESSION_MAX_HOURS'],
    // A burst below a full batch would refuse a full batch for ever.
    [{ DEVICE_RESPONSE_BURST: '499' }, 'DEVICE_RESPONSE_BURST'],
    [{ DEVICE_RESPONSES_PER_MINUTE: '0' }, 'DEVICE_RESPONSES_PER_MINUTE'],
    [{ DEVICE_DAILY_RESPONSE_QUOTA: 'lots' }, 'DEVICE_DAILY_RESPONSE_QUOTA'],
    [{ PUBLIC_PER_ADDRESS_PER_HOUR: '0' }, 'PUBLIC_PER_ADDRESS_PER_HOUR'],
    [{ PUBLIC_PER_PHONE_PER_DAY: '2.5' }, 'PUBLIC_PER_PHONE_PER_DAY'],
    [{ PUBLIC_LINK_DAILY_CEILING: 'many' }, 'PUBLIC_LINK_DAILY_CEILING'],
    [{ TRUSTED_PROXIES: 'proxy.library.example' }, 'TRUSTED_PROXIES'],
    [{ TRUSTED_PROXIES: '10.0.0.1,10.0.0.300' }, 'TRUSTED_PROXIES'],
    [{ TRUSTED_PROXIES: '10.0.0.0/33' }, 'TRUSTED_PROXIES'],
    [{ TRUSTED_PROXIES: '2001:db8::/129' }, 'TRUSTED_PROXIES'],
    [{ TRUSTED_PROXIES: '10.0.0.0/8/8' }, 'TRUSTED_PROXIES'],
  ])('refuses %j, naming %s', (env, name) => {
    expect(() => loadConfig(env, CWD)).toThrow(ConfigError);
    expect(() => loadConfig(env, CWD)).toThrow(new RegExp(`^${name}=`));
  });

  it('names DATABASE_URL without echoing it, since it may hold a password', () => {
    const env = { DATABASE_URL: 'postgress://survey:s3cret-pass@db/survey' };
    expect(() => loadConfig(env, CWD)).toThrow(
      /^DATABASE_URL is invalid: must start with postgres/,
    );
    expect(() => loadConfig(env, CWD)).not.toThrow(/s3cret-pass/);
  });
});

describe('PUBLIC_URL', () => {
  it.each([
    'https://survey.library.example',
    'https://survey-server:8443',
    'http://127.0.0.1:8912',
    'http://localhost:8787',
    'http://[::1]:8787',
  ])('accepts %s: HTTPS, or plain HTTP that never leaves the machine', (url) => {
    expect(loadConfig({ PUBLIC_URL: url }, CWD).publicUrl).toBe(url);
  });

  it.each([
    'http://192.168.1.10:8787',
    'http://survey-server:8787',
    'http://survey.library.example',
  ])('refuses %s, where tokens and answers would cross the network in the clear', (url) => {
    expect(() => loadConfig({ PUBLIC_URL: url }, CWD)).toThrow(ConfigError);
    expect(() => loadConfig({ PUBLIC_URL: url }, CWD)).toThrow(
      new RegExp(`^PUBLIC_URL="${url}" is invalid: must be https://.*ALLOW_INSECURE_HTTP=1`),
    );
  });

  it.each(['1', 'true'])(
    'accepts plain HTTP on the network with ALLOW_INSECURE_HTTP=%s',
    (flag) => {
      const config = loadConfig(
        { PUBLIC_URL: 'http://192.168.1.10:8787', ALLOW_INSECURE_HTTP: flag },
        CWD,
      );
      expect(config).toMatchObject({
        publicUrl: 'http://192.168.1.10:8787',
        allowInsecureHttp: true,
      });
    },
  );

  it('keeps refusing plain HTTP with ALLOW_INSECURE_HTTP=0', () => {
    expect(() =>
      loadConfig({ PUBLIC_URL: 'http://192.168.1.10:8787', ALLOW_INSECURE_HTTP: '0' }, CWD),
    ).toThrow(/^PUBLIC_URL=/);
  });
});

describe('publicBaseUrl', () => {
  it('is PUBLIC_URL when set, this machine otherwise', () => {
    expect(publicBaseUrl({ publicUrl: 'https://s.example', port: 8787 })).toBe('https://s.example');
    expect(publicBaseUrl({ publicUrl: undefined, port: 9000 })).toBe('http://localhost:9000');
  });
});

describe('renderConfigDocs', () => {
  it('documents every variable in the text help', () => {
    const text = renderConfigDocs('text');
    for (const name of [
      'PORT',
      'HOST',
      'DATA_DIR',
      'DATABASE_URL',
      'PUBLIC_URL',
      'ALLOW_INSECURE_HTTP',
      'STATIC_DIR',
      'ENROLLMENT_CODE_TTL_HOURS',
      'TIME_ZONE',
    ]) {
      expect(text).toContain(`${name} (default:`);
    }
  });

  it('is the table the README quotes', () => {
    const readme = readFileSync(join(import.meta.dirname, 'README.md'), 'utf8');
    const table = /<!-- config-table:start[^>]*-->\n([\s\S]*?)\n<!-- config-table:end -->/.exec(
      readme,
    )?.[1];
    expect(table).toBe(renderConfigDocs('markdown'));
  });
});
