/**
 * A visitor's first screen as the collector writes it into the page of `/s/<token>`, so a
 * phone over mobile data paints it from the HTML, before the app's scripts have arrived:
 * the survey's welcome screen (with the access bar above it, as the phone shows it) for an
 * open link, the polite notice for a closed or unknown one. The markup is the app's own
 * (KioskApp with AccessControls and WelcomeScreen; PhoneNotice), element for element and
 * class for class, so when the app renders into the same element it reuses these nodes and
 * nothing moves. It takes every text ready-made (the collector reads the locale files and
 * the survey's package) and has no state, no effects and no handlers: a tap on Start before
 * the app is ready is kept by the page's small inline script and replayed (early-start.ts).
 *
 * Only plain Preact, the shared language list and this file's props: the collector renders
 * it with preact-render-to-string, which escapes every text and attribute.
 */
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../shared/languages';

/** The app texts the first screen shows (locales/<language>/app.json). */
export interface FirstScreenAppTexts {
  welcome: { start: string; privacy: string };
  language: { choose: string };
  access: { bar: string; textSize: string; highContrast: string };
}

export type FirstScreenProps =
  | {
      kind: 'welcome';
      language: Language;
      /** The survey's title and introduction in `language`, as the app's `ts` gives them. */
      title: string;
      intro: string;
      texts: FirstScreenAppTexts;
    }
  | {
      kind: 'closed' | 'invalid';
      title: string;
      body: string;
    };

/** The text sizes the access bar offers (kiosk/access/access-settings.ts: TEXT_SIZES). */
const TEXT_SIZES = [100, 150, 200] as const;
/** A visitor's phone starts at the normal size (the settings last until the page closes). */
const NORMAL_TEXT_SIZE = 100;

function AccessBar(props: { language: Language; texts: FirstScreenAppTexts['access'] }) {
  const percent = new Intl.NumberFormat(props.language, { style: 'percent' });
  return (
    <aside class="access-bar" aria-label={props.texts.bar}>
      <div class="access-size" role="radiogroup" aria-labelledby="access-size-label">
        <span id="access-size-label" class="access-size-label">
          {props.texts.textSize}
        </span>
        <span class="access-size-options">
          {TEXT_SIZES.map((size) => (
            <label key={size} class="access-size-option">
              <input
                type="radio"
                name="access-text-size"
                value={String(size)}
                checked={size === NORMAL_TEXT_SIZE}
              />
              <span class="access-size-body">{percent.format(size / 100)}</span>
            </label>
          ))}
        </span>
      </div>
      <button type="button" class="access-toggle" aria-pressed={false}>
        <span class="access-check" aria-hidden="true" />
        {props.texts.highContrast}
      </button>
    </aside>
  );
}

export function PhoneFirstScreen(props: FirstScreenProps) {
  if (props.kind !== 'welcome') {
    return (
      <div class="screen phone-notice" data-notice={props.kind}>
        <main class="centered">
          <h1>{props.title}</h1>
          <p>{props.body}</p>
        </main>
      </div>
    );
  }
  const { language, texts } = props;
  return (
    <div class="kiosk" data-stage="welcome">
      <AccessBar language={language} texts={texts.access} />
      <div class="screen welcome">
        <main class="welcome-main">
          <h1 class="welcome-title">{props.title}</h1>
          <p class="welcome-intro">{props.intro}</p>
          <nav class="language-picker" aria-label={texts.language.choose}>
            <ul class="language-list">
              {LANGUAGES.map((code) => (
                <li key={code}>
                  <button
                    type="button"
                    class="language-button"
                    lang={code}
                    aria-pressed={code === language}
                  >
                    {LANGUAGE_NAMES[code]}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <button type="button" class="button button-primary button-large" data-early-start="">
            {texts.welcome.start}
          </button>
          <p class="welcome-privacy">{texts.welcome.privacy}</p>
        </main>
      </div>
    </div>
  );
}
