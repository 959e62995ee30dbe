/**
 * Keeps texts people typed from running as formulas when an export is opened in a
 * spreadsheet (CSV injection, as OWASP describes it). Excel, LibreOffice and Google Sheets
 * read a cell that begins with =, +, - or @ as a formula, and a leading tab or carriage
 * return can hide such a start; "=HYPERLINK(…)" in a patron's comment would otherwise be a
 * link that sends data elsewhere when a librarian clicks it. A leading apostrophe makes the
 * cell plain text.
 *
 * Only texts a patron or staff member typed pass through here: free-text answers, "other"
 * texts, and the codebook's texts (staff may import a survey package's translations). Codes
 * are never guarded: numbers are written as numbers (none of our codes is negative, and
 * gap scores, the only signed figures, are not exported), and ids are lower-case slugs.
 */

/** The first characters that make a spreadsheet treat a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The text, with an apostrophe before it when its first character could start a formula. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
