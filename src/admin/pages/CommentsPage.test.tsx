import { renderToString } from 'preact-render-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Comment } from '../../shared/contract/results';
import type { StaffSession } from '../../shared/contract/staff';
import { LanguageProvider, type SignedIn, SignedInProvider } from '../context';
import { switchLanguage } from '../i18n';
import { parseRoute } from '../route';
import { CommentItem, QuestionFilter } from './CommentsPage';

const session: StaffSession = {
  user: { email: 'ana@library.example', role: 'admin', branchId: null },
  idleExpiresAt: '2025-06-01T12:00:00Z',
  expiresAt: '2025-06-02T12:00:00Z',
};

const signedIn: SignedIn = {
  session,
  isAdmin: true,
  branches: [],
  surveys: [],
  branchName: (id) => id,
  route: parseRoute('#/comments'),
  navigate: () => {},
  refresh: () => {},
};

function comment(text: string): Comment {
  return {
    responseId: '01890a5d-ac96-774b-bcce-b302099a8057',
    questionId: 'improve',
    kind: 'text',
    text,
    day: '2025-05-14',
    branchId: 'east',
    locale: 'en',
    channel: 'kiosk',
    headlineRating: 4,
    tags: ['<b>tag</b>'],
  };
}

function render(text: string): string {
  return renderToString(
    <LanguageProvider language="en" setLanguage={() => {}}>
      <SignedInProvider value={signedIn}>
        <CommentItem
          comment={comment(text)}
          question="What could we do better?"
          onTagsChanged={() => {}}
        />
      </SignedInProvider>
    </LanguageProvider>,
  );
}

describe('a comment', () => {
  beforeAll(() => switchLanguage('en'));

  it.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)>'],
    ['<script>alert(1)</script>', '&lt;script>alert(1)&lt;/script>'],
    ['Tom & Jerry "quoted"', 'Tom &amp; Jerry &quot;quoted&quot;'],
  ])('shows %s as the patron typed it, never as markup', (text, escaped) => {
    const html = render(text);
    expect(html).toContain(escaped);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
  });

  it('shows a tag as text too', () => {
    expect(render('fine')).toContain('&lt;b>tag&lt;/b>');
  });
});

describe('the question filter', () => {
  beforeAll(() => switchLanguage('en'));

  it('names the question the comments are limited to, as text, with a way back to all', () => {
    const html = renderToString(
      <LanguageProvider language="en" setLanguage={() => {}}>
        <QuestionFilter question="What <b>else</b>?" onClear={() => {}} />
      </LanguageProvider>,
    );
    expect(html).toContain('Question: What &lt;b>else&lt;/b>?');
    expect(html).toMatch(/<button type="button"[^>]*>Show comments on every question<\/button>/);
  });
});
