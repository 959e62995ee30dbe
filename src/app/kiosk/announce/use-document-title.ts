/**
 * The tab's title, in the screen's language: a visitor's phone shows it in its tab list,
 * and a screen reader says it when the tab is switched to. index.html's own title is only
 * the one before the app starts.
 */
import { useEffect } from 'preact/hooks';

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
