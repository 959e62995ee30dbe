import { describe, expect, it } from 'vitest';
import { BranchLookSchema } from '../../shared/contract/branch-look';
import { checkLogo, logoPath, MAX_LOGO_BYTES } from './logo';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#1d4f91"/></svg>';

describe('a branch’s logo', () => {
  it('takes a PNG and an SVG by their bytes', () => {
    expect(checkLogo(PNG)).toMatchObject({ ok: true, contentType: 'image/png' });
    expect(checkLogo(Buffer.from(SVG))).toMatchObject({ ok: true, contentType: 'image/svg+xml' });
    expect(
      checkLogo(Buffer.from(`\uFEFF<?xml version="1.0"?>\n<!-- made by hand -->\n${SVG}`)),
    ).toMatchObject({ ok: true, contentType: 'image/svg+xml' });
  });

  it.each([
    ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'neither a PNG nor an SVG'],
    ['an HTML page', Buffer.from('<html><svg></svg></html>'), 'neither a PNG nor an SVG'],
    ['an empty file', Buffer.alloc(0), 'empty'],
    ['an SVG with a script', Buffer.from('<svg><script>alert(1)</script></svg>'), 'a script'],
    ['an SVG with an event handler', Buffer.from('<svg onload="alert(1)"></svg>'), 'event handler'],
    ['an SVG with an entity', Buffer.from('<svg><!ENTITY x "y"></svg>'), 'entity'],
    [
      'an SVG that loads another file',
      Buffer.from('<svg><image href="https://example.org/x.png"/></svg>'),
      'another resource',
    ],
    ['a file over the limit', Buffer.concat([PNG, Buffer.alloc(MAX_LOGO_BYTES)]), 'at most 200 KB'],
  ])('refuses %s, saying why', (_what, bytes, problem) => {
    const checked = checkLogo(bytes);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.message).toContain(problem);
  });

  it('is fetched from a path that names its version, as the device configuration allows', () => {
    const checked = checkLogo(PNG);
    if (!checked.ok) throw new Error(checked.message);
    const path = logoPath('east', checked.hash);
    expect(path).toBe(`/branding/east/logo?v=${checked.hash.slice(0, 16)}`);
    expect(BranchLookSchema.safeParse({ logoUrl: path }).success).toBe(true);
  });
});
