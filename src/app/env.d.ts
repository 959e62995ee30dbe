/** What the build defines for the app beyond Vite's own (config/app-version.ts). */
interface ImportMetaEnv {
  /** The build's version: APP_VERSION at build time, else the git commit, else 'unknown'. */
  readonly VITE_APP_VERSION?: string;
}
