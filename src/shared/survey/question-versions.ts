/**
 * The questions of every version of a survey, for results that span versions. Answers are
 * counted by survey and question id, whatever the version, so a question every version
 * asked is one row of results; a question only older versions asked (retired) and one only
 * newer versions ask (new) each have their own, with the versions that asked them.
 *
 * The order is the latest version's, with each retired question put back where it stood:
 * right after the question before it in its own version (the first one still there), so a
 * double-barrelled item stands just before the items that replaced it. An option a later
 * version dropped from a choice question is kept the same way, so its counts still show.
 */
import type { Question } from '../contract/question';
import type { SurveyStructure } from '../contract/survey-package';

/** The first and the last version that asked a question; null: the first / the latest one. */
export interface AskedIn {
  from: number | null;
  until: number | null;
}

export interface QuestionsAcrossVersions {
  /** Every question of every version, in the order above. */
  questions: Question[];
  /** The questions not asked in every version, by id. */
  askedIn: Record<string, AskedIn>;
}

/**
 * `later` with each item of `earlier` it lacks put back after the item before it in
 * `earlier` that `later` has (at the start when none). Items are matched by id.
 */
function mergeInOrder<T extends { id: string }>(later: readonly T[], earlier: readonly T[]): T[] {
  const merged = [...later];
  let after = -1;
  for (const item of earlier) {
    const at = merged.findIndex((m) => m.id === item.id);
    if (at >= 0) {
      after = at;
    } else {
      after += 1;
      merged.splice(after, 0, item);
    }
  }
  return merged;
}

/** A question as the later version asks it, with options only the earlier one had. */
function withEarlierOptions(later: Question, earlier: Question): Question {
  if (later.type === 'single' && earlier.type === 'single') {
    return { ...later, options: mergeInOrder(later.options, earlier.options) };
  }
  if (later.type === 'multi' && earlier.type === 'multi') {
    return {
      ...later,
      options: mergeInOrder(later.options, earlier.options),
      other: later.other || earlier.other,
    };
  }
  return later;
}

export function questionsAcrossVersions(
  structures: readonly Pick<SurveyStructure, 'version' | 'questions'>[],
): QuestionsAcrossVersions {
  const newestFirst = [...structures].sort((a, b) => b.version - a.version);
  let questions: Question[] = [];
  const versions = new Map<string, number[]>();
  for (const structure of newestFirst) {
    const merged = mergeInOrder(questions, structure.questions);
    const earlier = new Map(structure.questions.map((q) => [q.id, q]));
    questions = merged.map((q) => {
      const asked = earlier.get(q.id);
      return asked && asked !== q ? withEarlierOptions(q, asked) : q;
    });
    for (const q of structure.questions) {
      versions.set(q.id, [...(versions.get(q.id) ?? []), structure.version]);
    }
  }
  const first = newestFirst.at(-1)?.version;
  const latest = newestFirst[0]?.version;
  const askedIn: Record<string, AskedIn> = {};
  for (const [id, asked] of versions) {
    const from = Math.min(...asked);
    const until = Math.max(...asked);
    if (from !== first || until !== latest) {
      askedIn[id] = { from: from === first ? null : from, until: until === latest ? null : until };
    }
  }
  return { questions, askedIn };
}
