/**
 * Puts a file the app made on the device for staff to keep: a download where the browser
 * has one (Blob and a link with `download`), else the share sheet with the file (Save to
 * Files on an iPad), else the file opened in a new tab to save from there. Says which
 * happened; throws when none could, so the staff view never fails silently.
 */

export type SaveMethod = 'downloaded' | 'shared' | 'opened';

/** How long the file's object URL lives after the download began, for a slow save dialog. */
const OBJECT_URL_LIFETIME_MS = 60_000;

/** What saving needs of the browser; tests pass their own. */
export interface SaveTarget {
  /** Whether a link's `download` attribute saves a file (not on every browser). */
  canDownload: boolean;
  /** Starts the download of `url` as `name` through such a link. */
  download(url: string, name: string): void;
  /** Whether the share sheet takes this file. */
  canShare(file: File): boolean;
  share(file: File): Promise<void>;
  /** Opens `url` in a new tab; false when the browser refused (a pop-up blocker). */
  open(url: string): boolean;
  createUrl(blob: Blob): string;
  /** Lets go of an object URL, once the browser had time to read it. */
  releaseUrl(url: string, afterMs: number): void;
}

export function browserSaveTarget(): SaveTarget {
  return {
    canDownload: 'download' in HTMLAnchorElement.prototype,
    download(url, name) {
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.rel = 'noopener';
      document.body.append(link);
      link.click();
      link.remove();
    },
    canShare: (file) => navigator.canShare?.({ files: [file] }) ?? false,
    share: (file) => navigator.share({ files: [file], title: file.name }),
    open: (url) => window.open(url, '_blank') !== null,
    createUrl: (blob) => URL.createObjectURL(blob),
    releaseUrl: (url, afterMs) => setTimeout(() => URL.revokeObjectURL(url), afterMs),
  };
}

export async function saveFile(
  text: string,
  name: string,
  target: SaveTarget = browserSaveTarget(),
  type = 'application/json',
): Promise<SaveMethod> {
  const blob = new Blob([text], { type });
  if (target.canDownload) {
    const url = target.createUrl(blob);
    target.download(url, name);
    target.releaseUrl(url, OBJECT_URL_LIFETIME_MS);
    return 'downloaded';
  }
  const file = new File([blob], name, { type });
  if (target.canShare(file)) {
    await target.share(file);
    return 'shared';
  }
  const url = target.createUrl(blob);
  if (!target.open(url)) {
    target.releaseUrl(url, 0);
    throw new Error('the browser could neither download, share nor open the file');
  }
  target.releaseUrl(url, OBJECT_URL_LIFETIME_MS);
  return 'opened';
}
