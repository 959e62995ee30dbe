/**
 * Puts a file the app made on the device for staff to keep: a download where the browser
 * has one (Blob and a link with `download`), else the share sheet with the file (Save to
 * Files on an iPad), else the file opened in a new tab to save from there. Says which
 * happened; throws when none could, so the staff view never fails silently.
 */

export type SaveMethod = 'downloaded' | 'shared' | 'opened';

/** How long the file's object URL lives after the download began, for a slow save dialog. */
const OBJECT_URL_LIFETIME_MS = 60_000;

export async function saveFile(
  text: string,
  name: string,
  type = 'application/json',
): Promise<SaveMethod> {
  const blob = new Blob([text], { type });
  if ('download' in HTMLAnchorElement.prototype) {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS);
    return 'downloaded';
  }
  const file = new File([blob], name, { type });
  if (navigator.canShare?.({ files: [file] })) {
    await navigator.share({ files: [file], title: name });
    return 'shared';
  }
  const url = URL.createObjectURL(blob);
  if (!window.open(url, '_blank')) {
    URL.revokeObjectURL(url);
    throw new Error('the browser could neither download, share nor open the file');
  }
  setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS);
  return 'opened';
}
