import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../sync/http';
import { PAGE_REPLIES_ID, pageReplies, withPageReplies } from './page-replies';

const LINK = '/api/v1/public/links/abc';
const SURVEY = '/api/v1/surveys/s/versions/2';

function pageWith(text: string | undefined) {
  return {
    getElementById: (id: string) =>
      id === PAGE_REPLIES_ID && text !== undefined ? ({ textContent: text } as HTMLElement) : null,
  };
}

function collector() {
  const asked: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    asked.push(`${init.method ?? 'GET'} ${url}`);
    return new Response('{"from":"collector"}', { status: 200 });
  };
  return { asked, deps: { baseUrl: 'https://c.example', fetch } };
}

describe('the API replies a phone reads from its page', () => {
  it('answers each GET the page has once, with its body and ETag, and asks the collector after', async () => {
    const replies = pageReplies(
      pageWith(
        JSON.stringify({
          [LINK]: { body: { token: 'abc', title: '\u003c/script>' } },
          [SURVEY]: { etag: '"e1"', body: { id: 's' } },
        }),
      ),
    );
    const { asked, deps } = collector();
    const first = withPageReplies(deps, replies);
    const link = await first.fetch(`https://c.example${LINK}`, { method: 'GET' });
    expect(await link.json()).toEqual({ token: 'abc', title: '</script>' });
    const survey = await first.fetch(`https://c.example${SURVEY}`, {});
    expect(survey.headers.get('etag')).toBe('"e1"');
    expect(asked).toEqual([]);
    // Once: a second read is the collector's, and so is anything but a GET.
    expect(await (await first.fetch(`https://c.example${LINK}`, { method: 'GET' })).json()).toEqual(
      {
        from: 'collector',
      },
    );
    await first.fetch(`https://c.example${SURVEY}`, { method: 'POST' });
    expect(asked).toEqual([`GET https://c.example${LINK}`, `POST https://c.example${SURVEY}`]);
  });

  it.each([
    ['no data block', undefined],
    ['no JSON', '{"'],
    ['another shape', '{"/x": 3}'],
    ['a list', '[1]'],
  ])('has none for a page with %s', (_, text) => {
    expect(pageReplies(pageWith(text)).size).toBe(0);
  });
});
