/**
 * The voices this browser can speak with, kept current. Chrome's list is empty until its
 * `voiceschanged` event; Safari's may be full at once and never fire the event: the list is
 * read at once and again on every event. Undefined where the browser has no speech
 * synthesis at all.
 */
import { useEffect, useState } from 'preact/hooks';

function engine(): SpeechSynthesis | undefined {
  return typeof window === 'undefined' ? undefined : window.speechSynthesis;
}

export function useVoices(): readonly SpeechSynthesisVoice[] | undefined {
  const synth = engine();
  const [voices, setVoices] = useState<readonly SpeechSynthesisVoice[] | undefined>(() =>
    synth?.getVoices(),
  );
  useEffect(() => {
    if (!synth) return;
    const update = () => setVoices(synth.getVoices());
    update();
    synth.addEventListener('voiceschanged', update);
    return () => synth.removeEventListener('voiceschanged', update);
  }, [synth]);
  return voices;
}
