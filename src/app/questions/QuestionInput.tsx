/** The control for a question, by its type: a new question type fails `tsc -b` here until it has one. */
import { assertNever } from '../../shared/assert-never';
import type { AnswerValue, GapAnswer } from '../../shared/contract/answer';
import type { Question } from '../../shared/contract/question';
import { GapScale } from './GapScale';
import { MultiChoice } from './MultiChoice';
import { NpsScale } from './NpsScale';
import { RatingScale } from './RatingScale';
import { SingleChoice } from './SingleChoice';
import { TextAnswer } from './TextAnswer';

export function QuestionInput(props: {
  question: Question;
  value: AnswerValue | undefined;
  /** The lines of a gap item answered so far, while not all three are. */
  gapLines: Partial<GapAnswer> | undefined;
  labelledBy: string;
  /** A choice: written at once. */
  onChange: (value: AnswerValue | undefined) => void;
  /** A line of a gap item: every line answered so far. Written at once. */
  onGapLines: (lines: Partial<GapAnswer>) => void;
  /** A keystroke: written a moment later, with the ones that follow. */
  onType: (value: AnswerValue | undefined) => void;
  /** The patron left a text field: what they typed is written now. */
  onTypingDone: () => void;
}) {
  const { question, value, onChange, onType, onTypingDone } = props;
  switch (question.type) {
    case 'rating':
      return <RatingScale question={question} value={value} onChange={onChange} />;
    case 'nps':
      return <NpsScale question={question} value={value} onChange={onChange} />;
    case 'single':
      return <SingleChoice question={question} value={value} onChange={onChange} />;
    case 'multi':
      return (
        <MultiChoice
          question={question}
          value={value}
          onChange={onChange}
          onType={onType}
          onTypingDone={onTypingDone}
        />
      );
    case 'text':
      return (
        <TextAnswer
          question={question}
          value={value}
          labelledBy={props.labelledBy}
          onType={onType}
          onTypingDone={onTypingDone}
        />
      );
    case 'gap':
      return (
        <GapScale
          question={question}
          value={value}
          lines={props.gapLines ?? {}}
          onLines={props.onGapLines}
        />
      );
    default:
      return assertNever(question, 'question type');
  }
}
