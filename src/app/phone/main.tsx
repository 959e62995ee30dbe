/**
 * The phone's own entry script. The collector names it in the page it serves for a public
 * link (`/s/<token>`, with the link's first screen written in) in place of the kiosk's
 * entry, so a visitor's phone over mobile data downloads and runs only the phone's code:
 * none of the kiosk's start (its guards, the staff screens, the kiosk's services). A page
 * served without its first screen, or by the service worker, runs the kiosk's entry, which
 * imports the same phone boot on `/s/` (main.tsx).
 */
// First: before any module builds a schema (see the module).
import '../../shared/zod-without-eval';
import { showStartFailure } from '../StartFailure';
import { bootPhone } from './boot';

const root = document.getElementById('app') as HTMLElement;
bootPhone(root).catch((error: unknown) => showStartFailure(root, error));
