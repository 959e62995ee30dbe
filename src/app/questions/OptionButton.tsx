/**
 * One answer a patron can choose: a native radio or checkbox (so keyboards and screen
 * readers work as they expect) drawn as a large target of at least 48 px.
 */
import type { ComponentChildren } from 'preact';
import { ReadingBadge } from '../kiosk/read-aloud/ReadingBadge';
import { useBeingRead } from '../kiosk/read-aloud/reading-context';
import { readId } from '../kiosk/read-aloud/segments';

export function OptionButton(props: {
  type: 'radio' | 'checkbox';
  name: string;
  value: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ComponentChildren;
  /** Extra class for layout (e.g. a number on a scale, the N/A option). */
  variant?: 'number' | 'na' | 'face';
  describedBy?: string;
  lang?: string;
}) {
  // Highlighted while read aloud: its name and value are the id the reading gives it.
  const beingRead = useBeingRead(readId(props.name, props.value));
  return (
    <label
      class={`option${props.variant ? ` option-${props.variant}` : ''}`}
      lang={props.lang}
      data-reading={beingRead ? '' : undefined}
    >
      <input
        type={props.type}
        name={props.name}
        value={props.value}
        checked={props.checked}
        aria-describedby={props.describedBy}
        onChange={(event) => props.onChange((event.currentTarget as HTMLInputElement).checked)}
      />
      <span class="option-body">{props.children}</span>
      {beingRead && <ReadingBadge />}
    </label>
  );
}
