/**
 * Personal data a patron types into a free-text answer (an e-mail address, a phone number,
 * a library card number) is replaced by a marker in the patron's language before the answer
 * leaves the device, and again by the collector on arrival, so that neither a shared tablet's
 * outbox nor the collector's database keeps it.
 *
 * Phone numbers are found by libphonenumber-js, which knows every country's numbering plan
 * (which national numbers are real, how long they are, which prefixes a mobile number has).
 * Its smallest metadata still costs about 36 KB gzip, a third of the kiosk's first-screen
 * budget, so the app loads this module by import() after its first screen and before an
 * answer is queued (app/store/responses.ts), never as part of the first screen. A pattern set of our own would be smaller but would either
 * miss real numbers or take dates and prices for phone numbers.
 *
 * What is masked depends on the text alone, never on the time or the device, so the device
 * and the collector reach the same text; and masking a masked text changes nothing (the
 * markers hold no digit and no @, and what is left beside them was looked at and kept the
 * first time; the property tests try it). That is what keeps a re-sent response a
 * duplicate (the collector also matches the hash of the record as sent, so a device that
 * masked with older rules stays a duplicate; only a record sent unmasked, re-sent after the
 * collector's rules changed in a way that touches its text, could be answered conflict).
 */
import { findNumbers } from 'libphonenumber-js/min';
import type { Answers } from '../contract/answer';
import { MAX_OTHER_LENGTH, NOT_APPLICABLE } from '../contract/constants';
import type { Question } from '../contract/question';
import type { Language } from '../languages';

export const PERSONAL_DATA_KINDS = ['email', 'phone', 'card'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/**
 * The markers, as a reader of each language expects to find them in a comment. They live
 * here rather than in the locale files because the collector masks too and has no i18next;
 * the compiler keeps every language complete. A marker holds no digit and no @, so it is
 * never masked itself.
 */
export const PERSONAL_DATA_MARKERS: Record<Language, Record<PersonalDataKind, string>> = {
  en: { email: '[e-mail]', phone: '[phone number]', card: '[card number]' },
  hu: { email: '[e-mail-cím]', phone: '[telefonszám]', card: '[kártyaszám]' },
  ru: { email: '[адрес эл. почты]', phone: '[номер телефона]', card: '[номер карты]' },
  sl: { email: '[e-poštni naslov]', phone: '[telefonska številka]', card: '[številka kartice]' },
  lt: { email: '[el. pašto adresas]', phone: '[telefono numeris]', card: '[kortelės numeris]' },
};

/**
 * The countries whose national formats are recognised without a +: the libraries this
 * product serves (Hungary, Russia, Slovenia, Lithuania) and the UK. A number with + and
 * its country code is recognised whichever country it belongs to.
 */
const HOME_COUNTRIES = ['HU', 'RU', 'SI', 'LT', 'GB'] as const;

/** Fewer digits than this in one run is a count, a room, a year or a short code. */
const CARD_MIN_DIGITS = 8;

export interface MaskResult {
  text: string;
  /** The kinds found, each once, in the order of PERSONAL_DATA_KINDS. */
  found: PersonalDataKind[];
}

interface Span {
  start: number;
  end: number;
  kind: PersonalDataKind;
}

// --- E-mail addresses --------------------------------------------------------------------

const LOCAL = String.raw`[\p{L}\p{N}!#$%&'*+/=?^_\x60{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_\x60{|}~-]+)*`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?`;
const TLD = String.raw`\p{L}{2,24}`;
/** "(at)", "[at]", "{at}" and the word for @ in each language: kukac, собака, afna, eta. */
const AT_WORD = '(?:at|kukac|собака|afna|eta)';
const DOT_WORD = '(?:dot|pont|точка|pika|taškas)';
const OPEN = String.raw`[(\[{<]`;
const CLOSE = String.raw`[)\]}>]`;
const DOT = String.raw`(?:\.|\s*${OPEN}\s*${DOT_WORD}\s*${CLOSE}\s*)`;

const EMAIL_PATTERNS: readonly RegExp[] = [
  // jan.kovacs@gmail.com, and "jan @ gmail.com" as some keyboards space it.
  new RegExp(String.raw`(?<![\p{L}\p{N}])${LOCAL}\s?@\s?(?:${LABEL}\.)+${TLD}(?!\p{L})`, 'gu'),
  // jan(at)gmail.com, jan [kukac] gmail [pont] hu: written so that spam robots miss them.
  new RegExp(
    String.raw`(?<![\p{L}\p{N}])${LOCAL}\s*${OPEN}\s*${AT_WORD}\s*${CLOSE}\s*(?:${LABEL}${DOT})+${TLD}(?!\p{L})`,
    'giu',
  ),
  // "jan at gmail dot com": only with "dot" spelt out too, so "look at library.com" stays.
  new RegExp(
    String.raw`(?<![\p{L}\p{N}])${LOCAL}\s+at\s+(?:${LABEL}\s+dot\s+)+${TLD}(?!\p{L})`,
    'giu',
  ),
];

function emailSpans(text: string): Span[] {
  return EMAIL_PATTERNS.flatMap((pattern) =>
    [...text.matchAll(pattern)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      kind: 'email' as const,
    })),
  );
}

// --- What stays as written ---------------------------------------------------------------

/** Space as numbers are grouped: a space, a no-break space or a narrow no-break space. */
const SP = String.raw`[ \u00A0\u202F]`;
/**
 * Words or signs as alternatives, `(?:a|b|…)`. Those with letters other than ASCII go in
 * ordinary strings, not String.raw: the collector's bundle escapes such letters in ordinary
 * strings only, which keeps its source one byte a character in memory (vite.config.ts).
 */
function anyOf(...alternatives: string[]): string {
  return `(?:${alternatives.join('|')})`;
}
const CURRENCY = anyOf(
  ...['Ft\\.?', 'HUF', 'forint\\p{L}*', '€', 'EUR', 'eur\\p{L}*', 'евро', '₽', 'руб\\p{L}*\\.?'],
  ...['р\\.', 'RUB', '£', 'GBP', '\\$', 'USD', 'ct', 'ct\\.', 'cent\\p{L}*'],
);

/**
 * Numbers that look long but are not personal: dates, times and opening hours, prices,
 * ISBNs and percentages. They are blanked out before phone numbers and card numbers are
 * looked for, so neither can start or end inside one.
 */
const KEPT_PATTERNS: readonly RegExp[] = [
  // 2026-12-01, 2026.12.01., 2026. 12. 01.
  new RegExp(
    String.raw`(?<!\d)\d{4}(?:-\d{1,2}-\d{1,2}|\.${SP}?\d{1,2}\.${SP}?\d{1,2}\.?)(?!\d)`,
    'gu',
  ),
  // 1.12.2026, 01.12.2026, 1. 12. 2026, 12/01/2026
  new RegExp(String.raw`(?<!\d)\d{1,2}(?:\.${SP}?\d{1,2}\.${SP}?|/\d{1,2}/)\d{2,4}\.?(?!\d)`, 'gu'),
  // 9:00, 18.30, 9:00–18:00
  /(?<!\d)\d{1,2}[:.]\d{2}(?:\s?[-–—]\s?\d{1,2}[:.]\d{2})?(?!\d)/gu,
  // 12,50 €, 1 500 Ft, 350 руб., 12 500 000 Ft
  new RegExp(
    String.raw`(?<!\d)\d{1,3}(?:(?:${SP}|[.,])\d{3})*(?:[.,]\d{1,2})?${SP}?${CURRENCY}(?![\p{L}\p{N}])`,
    'gu',
  ),
  // € 12.50, £1,500, $20
  new RegExp(String.raw`${anyOf('€', '£', '\\$')}${SP}?\d[\d.,]*`, 'gu'),
  // ISBN 978-963-07-1234-5, ISBN-10: 0-306-40615-2: a book, not a person
  /ISBN(?:-?1[03])?:?\s?(?:\d[\s-]?){9,12}[\dXx]/giu,
  // 12 %, 12,5%
  /(?<!\d)\d+(?:[.,]\d+)?\s?%/gu,
  // 2023-2024, 2023/24, 1998–2001: years from and to
  /(?<!\d)(?:19|20)\d\d\s?[-–—/]\s?(?:(?:19|20)\d\d|\d\d)(?!\d)/gu,
  // 15 000 000, 1 250 000: a count grouped by thousands (a phone number's first group
  // starts with 0 or is written with its +)
  new RegExp(
    String.raw`(?<!\d[\s\-./()]{0,2}|[+\d])[1-9]\d{0,2}(?:${SP}\d{3}){2,}(?![\d\-])`,
    'gu',
  ),
];

function keptSpans(text: string): { start: number; end: number }[] {
  return KEPT_PATTERNS.flatMap((pattern) =>
    [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length })),
  );
}

/** The text with every kept number replaced by letters, so no number is found in it. */
function blankOut(text: string, spans: readonly { start: number; end: number }[]): string {
  const chars = text.split('');
  for (const span of spans) for (let i = span.start; i < span.end; i++) chars[i] = 'x';
  return chars.join('');
}

// --- Phone numbers -----------------------------------------------------------------------

/**
 * A number written with its country code whose digits libphonenumber-js finds no plan for
 * (a new range, a typo in one digit) is still a phone number: + and 8 to 15 digits.
 */
const INTERNATIONAL = /(?<![\p{L}+])\+\d(?:[\s\-./()]{0,2}\d){7,14}(?!\d)/gu;

/**
 * A number named as a phone number ("tel.: 234-567", "моб. 345-67-89") is one even when it is
 * short, local or invalid: six digits or more after the word.
 */
const PHONE_WORDS = anyOf(
  ...['tel', 'telefon\\p{L}*', 'mob', 'mobil\\p{L}*', 'phone', 'cell', 'gsm'],
  ...['тел', 'телефон\\p{L}*', 'моб', 'мобильн\\p{L}*', 'сот', 'сотов\\p{L}*'],
);
const NUMBER_WORDS = anyOf('sz\\.', 'št\\.', 'nr\\.', 'no\\.', '№');
const NAMED = new RegExp(
  String.raw`(?<=(?:^|[^\p{L}])${PHONE_WORDS}\.?(?:${SP}?${NUMBER_WORDS})?${SP}?:?${SP}?)\+?\(?\d(?:[\s\-./()]{0,2}\d){5,14}(?!\d)`,
  'giu',
);

/**
 * A number found inside a stretch with more digits beside it ("900123" in "07700 900123") is
 * part of a longer number. Only the stretch itself is looked at, not what stands around it,
 * which masking may change.
 */
function standsAlone(stretch: string, start: number, end: number): boolean {
  return !/\d/u.test(stretch.slice(0, start)) && !/\d/u.test(stretch.slice(end));
}

/**
 * The character beside a stretch as libphonenumber-js is shown it: a letter as a letter (a
 * number glued to a word is none), anything else as a space, so that a neighbour masked in
 * the meantime ("7" become "]") does not change what is found.
 */
function neighbour(char: string | undefined): string {
  if (char === undefined) return '';
  return /\p{L}/u.test(char) ? 'a' : ' ';
}

/**
 * Slovenia's service numbers make one six-digit number in ten valid ("#852289", an order
 * number), and a seven-digit one is as often a count or a code. A number found by the
 * library is a phone number from eight digits on, or from seven when written with its +
 * or trunk prefix (0, or 8 in Russia and Lithuania); a shorter one only when named so
 * ("tel. 234-567", NAMED).
 */
function longEnough(written: string): boolean {
  const digits = written.replace(/\D/gu, '').length;
  return digits >= 8 || (digits === 7 && /^[+(]?[+08]/u.test(written));
}

/** Digits with what people write between them in a phone number: the stretches looked into. */
const NUMBER_LIKE = /[+(]?\d(?:[\d\s\-./()]*\d)?\)?/gu;

/**
 * libphonenumber-js takes about a tenth of a millisecond per stretch and country, and a
 * stolen device token may send a thousand responses a minute, so the stretches it looks
 * into are counted per response (a survey may have many text questions), not per text. A
 * stretch longer than any phone number written out is a list of numbers; and a response
 * has a few numbers, not dozens. Either is masked whole as a card number once it has six
 * digits, without asking the library: nothing is let through unlooked at. The count goes
 * in the order of the answers, so the device and the collector spend it alike, and a
 * masked response has only stretches already looked into and let through: masking it
 * again looks at the same ones and changes nothing.
 */
const MAX_PHONE_STRETCH = 48;
export const MAX_STRETCHES_LOOKED_INTO = 12;

/** What is left of a response's stretches for libphonenumber-js. */
interface LookupBudget {
  left: number;
}

function phoneSpans(blanked: string, budget: LookupBudget): Span[] {
  const spans: Span[] = [];
  for (const stretch of blanked.matchAll(NUMBER_LIKE)) {
    const digits = stretch[0].replace(/\D/gu, '').length;
    if (digits < 6) continue;
    const start = stretch.index;
    const end = start + stretch[0].length;
    if (end - start > MAX_PHONE_STRETCH || budget.left === 0) {
      spans.push({ start, end, kind: 'card' });
      continue;
    }
    budget.left -= 1;
    const before = neighbour(blanked[start - 1]);
    const window = before + stretch[0] + neighbour(blanked[end]);
    for (const defaultCountry of HOME_COUNTRIES) {
      for (const found of findNumbers(window, { defaultCountry, v2: true })) {
        const inStretch = {
          start: found.startsAt - before.length,
          end: found.endsAt - before.length,
        };
        const written = stretch[0].slice(inStretch.start, inStretch.end);
        if (standsAlone(stretch[0], inStretch.start, inStretch.end) && longEnough(written)) {
          spans.push({ start: start + inStretch.start, end: start + inStretch.end, kind: 'phone' });
        }
      }
    }
  }
  for (const m of blanked.matchAll(INTERNATIONAL)) {
    spans.push({ start: m.index, end: m.index + m[0].length, kind: 'phone' });
  }
  return spans;
}

/** Named numbers are looked for in the text itself: after "tel." nothing is a date or a price. */
function namedPhoneSpans(text: string): Span[] {
  return [...text.matchAll(NAMED)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    kind: 'phone' as const,
  }));
}

/**
 * A card number is named so ("olvasójegy: 12345678", "читательский билет № 12345678"), and
 * it is written as one run of digits. Eight digits without a trunk prefix (0, 8) or a + are
 * also a valid Budapest or London number, so such a run is taken for a card unless it is
 * named as a phone.
 */
const CARD_NAME =
  /(?:card|kártyá?\p{L}*|olvasójegy\p{L}*|билет\p{L}*|карт\p{L}*|izkaznic\p{L}*|kartic\p{L}*|pažymėjim\p{L}*|kortel\p{L}*)(?:\s(?:number|no\.|nr\.|szám\p{L}*|номер|№|številka|št\.|numeris))?\s?[:#№]?\s?$/iu;

function looksLikeCard(text: string, span: Span): boolean {
  const written = text.slice(span.start, span.end);
  return (
    CARD_NAME.test(text.slice(Math.max(0, span.start - 40), span.start)) ||
    /^[1-79]\d+$/u.test(written)
  );
}

// --- Card numbers and other long digit runs ----------------------------------------------

/**
 * Eight digits or more in a row, perhaps grouped by single spaces or dashes. Eight decimals
 * (3,14159265) are masked too: a rule that kept them would let "1,12345678" through, and
 * would keep or mask the same digits depending on whether what stood before them was masked.
 */
const DIGIT_RUN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])\d+(?:(?:${SP}|-)\d+)*(?![\p{L}\p{N}])`,
  'gu',
);
const YEAR = /^(?:19|20)\d\d$/u;

function cardSpans(blanked: string): Span[] {
  const spans: Span[] = [];
  for (const m of blanked.matchAll(DIGIT_RUN)) {
    const run = m[0];
    const groups = run.split(/[^\d]/u);
    if (groups.join('').length < CARD_MIN_DIGITS) continue;
    // 2023-2024, 2019 2020 2021: years, not a number
    if (groups.every((group) => YEAR.test(group))) continue;
    spans.push({ start: m.index, end: m.index + run.length, kind: 'card' });
  }
  return spans;
}

// --- Putting it together -----------------------------------------------------------------

/**
 * A find widened to the stretches of digits and separators it touches: "(06 1) 234 5678 9012"
 * is masked whole, not down to "(06 1) [card number]". What is left after masking is then
 * only stretches nothing was found in, with the same neighbours, so masking again finds
 * nothing either.
 */
function wholeStretches(span: Span, stretches: readonly { start: number; end: number }[]): Span {
  let { start, end } = span;
  for (const stretch of stretches) {
    if (stretch.start < span.end && stretch.end > span.start) {
      start = Math.min(start, stretch.start);
      end = Math.max(end, stretch.end);
    }
  }
  return { ...span, start, end };
}

/** The earliest span wins; of two starting together, the longer; then e-mail, phone, card. */
function chooseSpans(spans: Span[]): Span[] {
  const rank = (kind: PersonalDataKind) => PERSONAL_DATA_KINDS.indexOf(kind);
  const sorted = [...spans].sort(
    (a, b) => a.start - b.start || b.end - a.end || rank(a.kind) - rank(b.kind),
  );
  const chosen: Span[] = [];
  for (const span of sorted) {
    const last = chosen.at(-1);
    if (last && span.start < last.end) {
      // Overlapping finds of one number (a phone match inside a longer digit run): the
      // marker covers both, named after the first.
      last.end = Math.max(last.end, span.end);
      continue;
    }
    chosen.push({ ...span });
  }
  return chosen;
}

function replaceSpans(
  text: string,
  spans: readonly Span[],
  markers: Record<PersonalDataKind, string>,
): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + markers[span.kind];
    at = span.end;
  }
  return out + text.slice(at);
}

/**
 * Replaces e-mail addresses, phone numbers and runs of eight digits or more (card numbers)
 * by markers in `language`. Dates, times, prices, ISBNs, years, counts and short numbers
 * stay as written.
 */
export function maskPersonalData(text: string, language: Language): MaskResult {
  return maskText(text, language, { left: MAX_STRETCHES_LOOKED_INTO });
}

function maskText(text: string, language: Language, budget: LookupBudget): MaskResult {
  const markers = PERSONAL_DATA_MARKERS[language];
  const found = new Set<PersonalDataKind>();
  let masked = text;
  // Until none is left: an address glued to the one before it ("a@b.hu0c@d.hu") is found
  // only once that one is a marker. Each round removes an @ or a spelt-out at, and the
  // markers hold neither, so the rounds end.
  while (/[@({[<]|\sat\s/iu.test(masked)) {
    const emails = chooseSpans(emailSpans(masked));
    if (emails.length === 0) break;
    found.add('email');
    masked = replaceSpans(masked, emails, markers);
  }
  if (/\d/u.test(masked)) {
    const blanked = blankOut(masked, keptSpans(masked));
    const phones = phoneSpans(blanked, budget).map((span) =>
      looksLikeCard(masked, span) ? { ...span, kind: 'card' as const } : span,
    );
    const stretches = [...blanked.matchAll(NUMBER_LIKE)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
    }));
    const numbers = chooseSpans(
      [...namedPhoneSpans(masked), ...phones, ...cardSpans(blanked)].map((span) =>
        wholeStretches(span, stretches),
      ),
    );
    for (const span of numbers) found.add(span.kind);
    masked = replaceSpans(masked, numbers, markers);
  }
  return { text: masked, found: PERSONAL_DATA_KINDS.filter((kind) => found.has(kind)) };
}

/** Cuts to `max` UTF-16 units without leaving half of a surrogate pair at the end. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/u.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/** A text as a patron typed it, masked; a marker can make it longer, never past `max`. */
function maskedText(text: string, language: Language, max: number, budget: LookupBudget): string {
  const masked = maskText(text, language, budget).text;
  return masked === text ? text : cut(masked, Math.max(max, text.length));
}

/** Option ids are slugs: a one-word string of this shape is an option, not a patron's text. */
const OPTION_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/u;

/**
 * The answers with every free text masked: text questions' answers and the "Other" text of
 * multi questions. With the survey's questions, exactly those are masked and a text stays
 * within its question's maxLength (a longer marker cuts the end of a text already at its
 * limit, or the collector would refuse it as too long). Without them (a device that no
 * longer has the draft's survey version), every string that is not an option id is
 * masked and kept within the length it had. Returns the same object when nothing changed.
 * The stretches libphonenumber-js looks into are counted over all of them (see
 * MAX_STRETCHES_LOOKED_INTO).
 */
export function maskAnswers(
  answers: Answers,
  language: Language,
  questions?: readonly Question[],
): Answers {
  const byId = questions && new Map(questions.map((question) => [question.id, question]));
  const budget: LookupBudget = { left: MAX_STRETCHES_LOOKED_INTO };
  let changed = false;
  const out: Answers = {};
  for (const [id, value] of Object.entries(answers)) {
    let next = value;
    const question = byId?.get(id);
    if (typeof value === 'string' && value !== NOT_APPLICABLE) {
      if (question?.type === 'text') next = maskedText(value, language, question.maxLength, budget);
      else if (!byId && !OPTION_ID.test(value))
        next = maskedText(value, language, value.length, budget);
    } else if (typeof value === 'object' && 'selected' in value && value.other !== undefined) {
      if (!byId || question?.type === 'multi') {
        const other = maskedText(
          value.other,
          language,
          byId ? MAX_OTHER_LENGTH : value.other.length,
          budget,
        );
        if (other !== value.other) next = { ...value, other };
      }
    }
    if (next !== value) changed = true;
    out[id] = next;
  }
  return changed ? out : answers;
}
