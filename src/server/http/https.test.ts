import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { START, TIME_ZONE } from '../../../test/fixtures/collector';
import { type TestDatabase, testDialects } from '../../../test/fixtures/test-databases';
import { createApp } from './app';
import { STRICT_TRANSPORT_SECURITY } from './https';

// Headers do not touch the database: SQLite is enough.
const sqlite = testDialects.find((d) => d.name === 'sqlite');

describe('Strict-Transport-Security', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    if (!sqlite) throw new Error('SQLite is always available');
    database = await sqlite.create();
  });
  afterAll(() => database.drop());

  const app = (publicUrl: string | undefined) =>
    createApp({
      storage: database.storage,
      staticDir: database.env.DATA_DIR,
      timeZone: TIME_ZONE,
      now: () => START,
      publicUrl,
    });

  it.each([
    [
      'an API reply behind a TLS proxy',
      'https://survey.library.example',
      'http://localhost/api/v1/health',
    ],
    ['an error reply', 'https://survey.library.example', 'http://localhost/api/v1/nothing'],
    ['a page', 'https://survey.library.example', 'http://localhost/kiosk-page'],
    ['a request that came over HTTPS', undefined, 'https://survey.library.example/api/v1/health'],
  ])('is sent for a year on %s (PUBLIC_URL %s, %s)', async (_what, publicUrl, url) => {
    const reply = await app(publicUrl).request(url);
    expect(reply.headers.get('strict-transport-security')).toBe(STRICT_TRANSPORT_SECURITY);
    expect(STRICT_TRANSPORT_SECURITY).toBe('max-age=31536000');
  });

  it.each([
    [undefined, 'http://localhost/api/v1/health'],
    ['http://localhost:8787', 'http://localhost:8787/api/v1/health'],
    ['http://192.168.1.10:8787', 'http://192.168.1.10:8787/api/v1/nothing'],
  ])('is not sent over plain HTTP (PUBLIC_URL %s, %s)', async (publicUrl, url) => {
    const reply = await app(publicUrl).request(url);
    expect(reply.headers.has('strict-transport-security')).toBe(false);
    // The other security headers are sent either way.
    expect(reply.headers.get('x-frame-options')).toBe('DENY');
  });
});
