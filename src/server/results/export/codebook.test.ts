import { describe, expect, it } from 'vitest';
import type { TranslationTree } from '../../../shared/contract/translations';
import { LANGUAGES } from '../../../shared/languages';
import { builtInPackages } from '../../../surveys/packages';
import { buildCodebook } from './codebook';
import { exportColumns } from './columns';

const [pkg] = builtInPackages();
if (!pkg) throw new Error('no built-in survey');
const columns = exportColumns(pkg);

/** Whether a text is an i18next key of a survey package rather than a text. */
const looksLikeKey = (text: string) =>
  /^(questions|scales)\.[\w.-]+$/.test(text) || text === 'title';

describe('buildCodebook', () => {
  it.each(LANGUAGES)('gives every column rows with texts, none of them a key (%s)', (language) => {
    const codebook = buildCodebook(columns, pkg, language);
    const described = new Set(codebook.rows.map((row) => row.column));
    expect([...described]).toEqual(columns.map((column) => column.name));
    for (const row of codebook.rows) {
      expect(row.question, row.column).not.toBe('');
      expect(row.label, `${row.column} = ${row.value}`).not.toBe('');
      expect(looksLikeKey(row.question)).toBe(false);
      expect(looksLikeKey(row.label)).toBe(false);
    }
  });

  it('names every code of a coded column, N/A where offered and the empty cell', () => {
    const codebook = buildCodebook(columns, pkg, 'en');
    const values = (column: string) =>
      codebook.rows.filter((row) => row.column === column).map((row) => row.value);
    expect(values('overall-satisfaction')).toEqual([1, 2, 3, 4, 5, '']);
    expect(values('staff-courtesy')).toEqual([1, 2, 3, 4, 5, 'na', '']);
    expect(values('recommend')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, '']);
    expect(values('todays-visit.event')).toEqual([1, 0, '']);
    expect(values('gap-staff-service.perceived')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 'na', '']);
    expect(values('lives-locally')).toEqual(['yes', 'no', 'prefer-not-to-say', '']);
    expect(values('channel')).toEqual(['kiosk', 'staff', 'qr']);
    expect(values('completed')).toEqual([1, 0]);
    expect(values('one-improvement')).toEqual(['', "'…"]);
  });

  it('writes question texts and labels in the chosen language', () => {
    const ru = buildCodebook(columns, pkg, 'ru');
    const row = ru.rows.find((r) => r.column === 'overall-satisfaction' && r.value === 5);
    const texts = pkg.translations.ru as { questions: Record<string, { text: string }> };
    expect(row?.question).toBe(texts.questions['overall-satisfaction']?.text);
    expect(ru.title).toContain('Оцените работу библиотеки');
    expect(ru.headings.column).toBe('Столбец');
    const multi = ru.rows.find((r) => r.column === 'todays-visit.event' && r.value === 1);
    expect(multi?.question).toMatch(/ — /);
  });

  it('falls back to English for a text the language lacks, never to the key', () => {
    const hu = structuredClone(pkg.translations.hu) as TranslationTree;
    const questions = hu.questions as Record<string, Record<string, unknown>>;
    delete questions['overall-satisfaction']?.text;
    const codebook = buildCodebook(
      columns,
      { ...pkg, translations: { ...pkg.translations, hu } },
      'hu',
    );
    const row = codebook.rows.find((r) => r.column === 'overall-satisfaction');
    expect(row?.question).toBe('Overall, how satisfied are you with the library?');
  });

  it('guards texts of an imported package that look like formulas', () => {
    const en = structuredClone(pkg.translations.en) as TranslationTree;
    (en.questions as Record<string, Record<string, unknown>>)['age-band'] = {
      ...((en.questions as Record<string, Record<string, unknown>>)['age-band'] ?? {}),
      text: '=HYPERLINK("http://example.invalid")',
    };
    const codebook = buildCodebook(columns, { ...pkg, translations: { en } }, 'en');
    const row = codebook.rows.find((r) => r.column === 'age-band');
    expect(row?.question).toBe('\'=HYPERLINK("http://example.invalid")');
  });
});
