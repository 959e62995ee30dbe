/**
 * The library's own look on the welcome screen: its logo, its display name, a strip in its
 * accent colour. Shown only when the branch set them (`branch set --display-name --logo
 * --accent`); the rest of the kiosk keeps its own design. The accent was checked on the
 * collector for 4.5:1 against the kiosk's background, so the name in it stays readable.
 */
import { useBranchLook, useEnrollment } from '../store';

export function BranchBrand() {
  const look = useBranchLook();
  const enrollment = useEnrollment();
  if (!look || (!look.displayName && !look.logo && !look.accent)) return null;
  // Set through the style object (CSSOM), which the app's content policy allows.
  const style = look.accent ? { '--accent': look.accent } : undefined;
  return (
    <div class="branch-brand" data-accent={look.accent ? '' : undefined} style={style}>
      {look.logo && (
        <img
          class="branch-logo"
          src={look.logo.dataUrl}
          // Beside the name, the logo says nothing more; alone, it names the library.
          alt={look.displayName ? '' : (enrollment?.branch.name ?? '')}
          draggable={false}
        />
      )}
      {look.displayName && <p class="branch-name">{look.displayName}</p>}
    </div>
  );
}
