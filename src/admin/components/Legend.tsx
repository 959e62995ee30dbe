/** The key of a chart's colours, in words; hidden from screen readers, who read the table. */
export function Legend(props: { items: { label: string; colour: string }[] }) {
  return (
    <ul class="legend" aria-hidden="true">
      {props.items.map((item) => (
        <li key={item.label}>
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            <rect width="14" height="14" rx="2" fill={item.colour} />
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
