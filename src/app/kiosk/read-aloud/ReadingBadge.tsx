/** The loudspeaker on the corner of the answer being read aloud (with its outline, read-aloud.css). */
import { SpeakerIcon } from './SpeakerIcon';
import './read-aloud.css';

export function ReadingBadge() {
  return (
    <span class="reading-badge" aria-hidden="true">
      <SpeakerIcon />
    </span>
  );
}
