import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getBranchLook, getOpeningHours } from '../store';
import { db, useDatabase } from '../store/database';
import { refreshBranchLook } from './branch-look-refresh';
import type { CollectorDeps } from './http';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>';
const LOGO_URL = '/branding/east/logo?v=0123456789abcdef';
const HOURS = [{ day: 'mon' as const, opens: '09:00', closes: '17:00' }];

function deps(reply: () => Response | Promise<Response>, asked: string[] = []): CollectorDeps {
  return {
    baseUrl: 'https://collector.test',
    fetch: async (url) => {
      asked.push(url);
      return reply();
    },
    now: () => 0,
    timers: { setTimeout: () => 0, clearTimeout: () => undefined },
  };
}

const svgReply = () =>
  new Response(SVG, { status: 200, headers: { 'Content-Type': 'image/svg+xml' } });

beforeEach(() => {
  useDatabase(`branch-look-test-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('the branch’s hours and look on the device', () => {
  it('keeps the hours with their zone, and no hours as always open', async () => {
    expect(await getOpeningHours()).toEqual({ hours: null });
    await refreshBranchLook(deps(svgReply), {
      openingHours: HOURS,
      timeZone: 'Europe/Vilnius',
      look: {},
    });
    expect(await getOpeningHours()).toEqual({ hours: HOURS, timeZone: 'Europe/Vilnius' });
    await refreshBranchLook(deps(svgReply), { openingHours: null, look: {} });
    expect(await getOpeningHours()).toEqual({ hours: null });
  });

  it('keeps the logo’s file as a data: URL and fetches it again only when its URL changes', async () => {
    const asked: string[] = [];
    const config = {
      openingHours: null,
      look: { displayName: 'East', accent: '#1d4f91', logoUrl: LOGO_URL },
    };
    await refreshBranchLook(deps(svgReply, asked), config);
    const look = await getBranchLook();
    expect(look).toMatchObject({ displayName: 'East', accent: '#1d4f91' });
    expect(look.logo?.url).toBe(LOGO_URL);
    expect(atob(look.logo?.dataUrl.replace('data:image/svg+xml;base64,', '') ?? '')).toBe(SVG);
    await refreshBranchLook(deps(svgReply, asked), config);
    expect(asked).toEqual([`https://collector.test${LOGO_URL}`]);
  });

  it('keeps the logo it has when a new one cannot be fetched, or is not an image', async () => {
    await refreshBranchLook(deps(svgReply), { openingHours: null, look: { logoUrl: LOGO_URL } });
    const newer = '/branding/east/logo?v=fedcba9876543210';
    await refreshBranchLook(
      deps(() => Promise.reject(new TypeError('offline'))),
      { openingHours: null, look: { logoUrl: newer } },
    );
    expect((await getBranchLook()).logo?.url).toBe(LOGO_URL);
    await refreshBranchLook(
      deps(() => new Response('<html>', { status: 200, headers: { 'Content-Type': 'text/html' } })),
      { openingHours: null, look: { logoUrl: newer } },
    );
    expect((await getBranchLook()).logo?.url).toBe(LOGO_URL);
  });

  it('forgets the logo, name and accent once the branch takes them away', async () => {
    await refreshBranchLook(deps(svgReply), {
      openingHours: null,
      look: { displayName: 'East', logoUrl: LOGO_URL },
    });
    await refreshBranchLook(deps(svgReply), { openingHours: null, look: {} });
    expect(await getBranchLook()).toEqual({});
  });
});
