/** The control for a question, by its type: a new question type fails `tsc -b` here until it has one. */
import { useState } from 'preact/hooks';
import { assertNever } from '../../shared/assert-never';
import type { AnswerValue } from '../../shared/contract/answer';
import type { Question } from '../../shared/contract/question';
import { completeGap, GapScale } from './GapScale';
import { MultiChoice } from './MultiChoice';
import { NpsScale } from './NpsScale';
import { RatingScale } from './RatingScale';
import { SingleChoice } from './SingleChoice';
import { TextAnswer } from './TextAnswer';

export function QuestionInput(props: {
  question: Question;
  value: AnswerValue | undefined;
  labelledBy: string;
  onChange: (value: AnswerValue | undefined) => void;
}) {
  const { question, value, onChange } = props;
  const [gapPartial, setGapPartial] = useState({});
  switch (question.type) {
    case 'rating':
      return <RatingScale question={question} value={value} onChange={onChange} />;
    case 'nps':
      return <NpsScale question={question} value={value} onChange={onChange} />;
    case 'single':
      return <SingleChoice question={question} value={value} onChange={onChange} />;
    case 'multi':
      return <MultiChoice question={question} value={value} onChange={onChange} />;
    case 'text':
      return (
        <TextAnswer
          question={question}
          value={value}
          labelledBy={props.labelledBy}
          onChange={onChange}
        />
      );
    case 'gap':
      return (
        <GapScale
          question={question}
          value={value}
          partial={gapPartial}
          onPartial={(partial) => {
            setGapPartial(partial);
            onChange(completeGap(partial));
          }}
        />
      );
    default:
      return assertNever(question, 'question type');
  }
}
