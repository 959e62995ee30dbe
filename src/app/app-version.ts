/**
 * The build's version, which a kiosk reports with its syncs (the fleet report): defined by
 * the build (config/app-version.ts), 'dev' where no build defined it (unit tests).
 */
export const APP_VERSION: string = import.meta.env.VITE_APP_VERSION ?? 'dev';
