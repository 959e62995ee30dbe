/**
 * Which answer is being read aloud, for the question components' highlight. The context's
 * value is the reader; by default the page's own, so the read-aloud button works wherever
 * it is placed with no provider around the screen (a test may provide another reader).
 * `useBeingRead(id)` re-renders a component only when its own answer starts or stops
 * being read, not on every segment.
 */
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { pageReader, type SpeechReader } from './speech';

export const ReaderContext = createContext<SpeechReader | undefined>(undefined);

/** The reader the components around answer to: the provided one, else the page's. */
export function useReader(): SpeechReader | undefined {
  return useContext(ReaderContext) ?? pageReader();
}

/** Follows a value of the reader, re-rendering only when it changes. */
export function useReaderState<T>(pick: (reader: SpeechReader) => T, none: T): T {
  const reader = useReader();
  const [value, setValue] = useState(() => (reader ? pick(reader) : none));
  useEffect(() => {
    if (!reader) return;
    const update = () => setValue(pick(reader));
    update();
    return reader.subscribe(update);
    // `pick` is a new function each render with the same meaning: only the reader counts.
  }, [reader]);
  return value;
}

/** Whether the thing with this id is being read now; never, for an undefined id. */
export function useBeingRead(id: string | undefined): boolean {
  return useReaderState((reader) => id !== undefined && reader.currentId === id, false);
}
