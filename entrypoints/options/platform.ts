/** What the dashboard needs of where it runs: the extension, or the static web app (web/). */
export interface Platform {
  /** The browser's preferred languages, for the `auto` language setting. */
  languages: readonly string[];
  /** Opens an http(s) URL in a new tab. */
  openUrl: (url: string) => void;
  /** Offers a file to save. */
  download: (name: string, mime: string, text: string) => void;
  /** The first-run page, where guessed settings are confirmed (the extension's; the web app has none). */
  welcomeUrl?: string;
  /** Everything in the database as stored, as JSON text, for when it cannot be opened (lib/db/raw). */
  exportRaw?: () => Promise<string>;
  /** The extension's version and its privacy page (absent in the static web app). */
  about?: { version: string; privacyUrl: (lang: string) => string };
}
