import { describe, expect, it } from 'vitest';
import { parsedQuestions } from '../../../test/fixtures/surveys';
import {
  libraryServiceQualityV1,
  libraryServiceQualityV2,
} from '../../surveys/library-service-quality';
import type { QuestionInput } from '../contract/question';
import { questionsAcrossVersions } from './question-versions';

const rating = (id: string): QuestionInput => ({ id, type: 'rating', scale: 'quality' });
const version = (n: number, ...questions: QuestionInput[]) => ({
  version: n,
  questions: parsedQuestions(questions),
});
const ids = (structures: Parameters<typeof questionsAcrossVersions>[0]) =>
  questionsAcrossVersions(structures).questions.map((q) => q.id);

describe('the questions of every version of a survey', () => {
  it('are those of the only version, in its order, none marked', () => {
    const only = version(1, rating('a'), rating('b'));
    expect(questionsAcrossVersions([only])).toEqual({
      questions: only.questions,
      askedIn: {},
    });
  });

  it('put a retired question back where it stood, before the items that replaced it', () => {
    const v1 = version(1, rating('a'), rating('both'), rating('c'));
    const v2 = version(2, rating('a'), rating('one'), rating('other'), rating('c'));
    expect(ids([v1, v2])).toEqual(['a', 'both', 'one', 'other', 'c']);
    // The order the versions come in does not matter.
    expect(ids([v2, v1])).toEqual(['a', 'both', 'one', 'other', 'c']);
    expect(questionsAcrossVersions([v1, v2]).askedIn).toEqual({
      both: { from: null, until: 1 },
      one: { from: 2, until: null },
      other: { from: 2, until: null },
    });
  });

  it('put a retired first question first, and retired neighbours together in their order', () => {
    const v1 = version(1, rating('x'), rating('y'), rating('a'), rating('b'));
    const v2 = version(2, rating('a'), rating('b'), rating('z'));
    expect(ids([v1, v2])).toEqual(['x', 'y', 'a', 'b', 'z']);
  });

  it('name the first and the last version of a question asked in between', () => {
    const v1 = version(1, rating('a'));
    const v2 = version(2, rating('a'), rating('b'));
    const v3 = version(3, rating('a'), rating('c'));
    expect(ids([v1, v2, v3])).toEqual(['a', 'b', 'c']);
    expect(questionsAcrossVersions([v3, v1, v2]).askedIn).toEqual({
      b: { from: 2, until: 2 },
      c: { from: 3, until: null },
    });
  });

  it('ask a kept question as the latest version does, with options only older ones had', () => {
    const v1 = version(1, {
      id: 'did',
      type: 'multi',
      options: [{ id: 'borrow' }, { id: 'fax' }, { id: 'study' }],
    });
    const v2 = version(2, {
      id: 'did',
      type: 'multi',
      other: true,
      options: [{ id: 'borrow' }, { id: 'study' }, { id: 'print' }],
    });
    const [did] = questionsAcrossVersions([v1, v2]).questions;
    expect(did?.type === 'multi' && did.options.map((o) => o.id)).toEqual([
      'borrow',
      'fax',
      'study',
      'print',
    ]);
    expect(did?.type === 'multi' && did.other).toBe(true);
  });

  it('give the built-in questionnaire its split items after the item each replaced', () => {
    const { questions, askedIn } = questionsAcrossVersions([
      libraryServiceQualityV1,
      libraryServiceQualityV2,
    ]);
    expect(questions.map((q) => q.id).slice(3, 16)).toEqual([
      'recommend',
      'staff-helpful',
      'staff-helpfulness',
      'staff-courtesy',
      'found-what-needed',
      'collection-choice',
      'computers-wifi',
      'computers',
      'wifi',
      'opening-hours',
      'space-comfort',
      'space-comfortable',
      'space-quiet',
    ]);
    expect(questions).toHaveLength(25);
    const retired = { from: null, until: 1 };
    const added = { from: 2, until: null };
    expect(askedIn).toEqual({
      'staff-helpful': retired,
      'computers-wifi': retired,
      'space-comfort': retired,
      'staff-helpfulness': added,
      'staff-courtesy': added,
      computers: added,
      wifi: added,
      'space-comfortable': added,
      'space-quiet': added,
    });
  });
});
