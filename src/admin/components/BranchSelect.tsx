/** A labelled choice of one branch, as the dashboard's forms ask for it. */
import type { Branch } from '../context';

export function BranchSelect(props: {
  id: string;
  label: string;
  branches: readonly Branch[];
  value: string;
  onChange: (branchId: string) => void;
  name?: string;
  required?: boolean;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        name={props.name}
        value={props.value}
        required={props.required}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        {props.branches.map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
          </option>
        ))}
      </select>
    </div>
  );
}
