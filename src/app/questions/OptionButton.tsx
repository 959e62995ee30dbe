/**
 * One answer a patron can choose: a native radio or checkbox (so keyboards and screen
 * readers work as they expect) drawn as a large target of at least 48 px.
 */
import type { ComponentChildren } from 'preact';

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
  return (
    <label class={`option${props.variant ? ` option-${props.variant}` : ''}`} lang={props.lang}>
      <input
        type={props.type}
        name={props.name}
        value={props.value}
        checked={props.checked}
        aria-describedby={props.describedBy}
        onChange={(event) => props.onChange((event.currentTarget as HTMLInputElement).checked)}
      />
      <span class="option-body">{props.children}</span>
    </label>
  );
}
