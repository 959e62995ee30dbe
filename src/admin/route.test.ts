import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from './route';

describe('the route in the hash', () => {
  it.each([
    ['', 'overview', ''],
    ['#/questions?survey=lsq&from=2025-01-01', 'questions', 'survey=lsq&from=2025-01-01'],
    ['#/nowhere', 'overview', ''],
    ['#comments', 'comments', ''],
  ])('%j → %s with %j', (hash, page, query) => {
    const route = parseRoute(hash);
    expect(route.page).toBe(page);
    expect(route.query.toString()).toBe(query);
  });

  it('reads the setup token', () => {
    expect(parseRoute('#setup=abc%2Bdef')).toMatchObject({ page: 'setup', token: 'abc+def' });
  });

  it('writes a page with its query, leaving out empty values', () => {
    expect(routeHash('comments', new URLSearchParams('q=&tag=hours&page=2'))).toBe(
      '#/comments?tag=hours&page=2',
    );
    expect(routeHash('devices')).toBe('#/devices');
  });
});
