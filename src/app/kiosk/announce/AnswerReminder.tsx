/**
 * "Please choose an answer to go on", said each time Next is pressed without one. The
 * paragraph is always on the question screen, empty until needed, so its words are an
 * alert's change rather than an alert inserted with its text (which screen readers miss);
 * each press puts in a new text node (`attempt`), so a second press in a row is said again.
 * The answers' group names it as its description while it shows (QuestionScreen).
 */

export function AnswerReminder(props: {
  id: string;
  /** The words while the reminder shows; undefined while it does not. */
  text: string | undefined;
  /** How many times Next was pressed on this question. */
  attempt: number;
}) {
  const { text } = props;
  return (
    <p id={props.id} class={text ? 'alert alert-info' : undefined} role="alert">
      {text && <span key={props.attempt}>{text}</span>}
    </p>
  );
}
