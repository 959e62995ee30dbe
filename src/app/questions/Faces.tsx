/** Faces beside the points of a satisfaction scale, for patrons who read less easily. Decorative: the words carry the meaning. */
import { SCALE_POINTS } from '../../shared/contract/constants';

/** Mouth curves from a frown (the lowest rating) to a broad smile (the highest): one per point. */
export const MOUTHS = [
  'M14 33 Q24 23 34 33',
  'M15 32 Q24 27 33 32',
  'M15 30 L33 30',
  'M15 28 Q24 33 33 28',
  'M14 27 Q24 37 34 27',
];

export function Face(props: { point: number }) {
  return (
    <svg
      class="face"
      viewBox="0 0 48 48"
      width="40"
      height="40"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="24" cy="24" r="21" fill="currentColor" opacity="0.12" />
      <circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" stroke-width="2.5" />
      <circle cx="17" cy="19" r="2.6" fill="currentColor" />
      <circle cx="31" cy="19" r="2.6" fill="currentColor" />
      <path
        d={MOUTHS[props.point - SCALE_POINTS.rating.min]}
        fill="none"
        stroke="currentColor"
        stroke-width="2.8"
        stroke-linecap="round"
      />
    </svg>
  );
}
