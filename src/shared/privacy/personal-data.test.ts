import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../contract/answer';
import type { Question } from '../contract/question';
import { LANGUAGES, type Language } from '../languages';
import {
  MAX_STRETCHES_LOOKED_INTO,
  maskAnswers,
  maskPersonalData,
  PERSONAL_DATA_MARKERS,
} from './personal-data';

const mask = (text: string, language: Language) => maskPersonalData(text, language).text;

describe('Hungarian comments', () => {
  it.each<[string, string]>([
    [
      'Nagyon kedves volt a könyvtáros, köszönöm! Ha kérdés van: kovacs.anna@gmail.com',
      'Nagyon kedves volt a könyvtáros, köszönöm! Ha kérdés van: [e-mail-cím]',
    ],
    [
      'Kérem, hívjanak vissza a 06 30 123 4567-es számon, ha megjött a könyv.',
      'Kérem, hívjanak vissza a [telefonszám]-es számon, ha megjött a könyv.',
    ],
    ['Telefonszámom: +36 20 987 6543', 'Telefonszámom: [telefonszám]'],
    ['Otthoni szám: 06-1-234-5678, este 6 után', 'Otthoni szám: [telefonszám], este 6 után'],
    ['Hívjanak a 30/123-4567 számon', 'Hívjanak a [telefonszám] számon'],
    [
      'Az olvasójegyem száma 20231234, nem működik a kölcsönzőautomatán.',
      'Az olvasójegyem száma [kártyaszám], nem működik a kölcsönzőautomatán.',
    ],
    ['olvasójegy: 12345678', 'olvasójegy: [kártyaszám]'],
    [
      'A 3. emeleten nagyon hideg van, 2024 óta így van.',
      'A 3. emeleten nagyon hideg van, 2024 óta így van.',
    ],
    [
      '1998-ban iratkoztam be, azóta minden héten jövök.',
      '1998-ban iratkoztam be, azóta minden héten jövök.',
    ],
    [
      'A nyomtatás oldalanként 50 Ft, a beiratkozás 1 500 Ft, ez így rendben van.',
      'A nyomtatás oldalanként 50 Ft, a beiratkozás 1 500 Ft, ez így rendben van.',
    ],
    [
      'Szombaton is lehetne nyitva 9:00–18:00 között.',
      'Szombaton is lehetne nyitva 9:00–18:00 között.',
    ],
    [
      '2026. 12. 01-jén jártam itt, és 3 könyvet nem találtam a polcon.',
      '2026. 12. 01-jén jártam itt, és 3 könyvet nem találtam a polcon.',
    ],
    [
      'Hiányzik a polcról: ISBN 978-963-07-1234-5, kérem pótolják.',
      'Hiányzik a polcról: ISBN 978-963-07-1234-5, kérem pótolják.',
    ],
    [
      'A 2023-2024-es évben 15 000 000 Ft-ot kapott a könyvtár, látszik rajta.',
      'A 2023-2024-es évben 15 000 000 Ft-ot kapott a könyvtár, látszik rajta.',
    ],
    ['írjon: anna (kukac) freemail (pont) hu', 'írjon: [e-mail-cím]'],
    ['A wifi 80%-ban működik csak.', 'A wifi 80%-ban működik csak.'],
    ['Telefon: (06 1) 234 5678', 'Telefon: [telefonszám]'],
    ['Mobilom: 06/30-123-4567 vagy +36-30-123-4567', 'Mobilom: [telefonszám] vagy [telefonszám]'],
    ['Hívj: 0630 1234567', 'Hívj: [telefonszám]'],
    [
      'Nyitvatartás most H–P 8–20, Szo 9–13, ez kevés.',
      'Nyitvatartás most H–P 8–20, Szo 9–13, ez kevés.',
    ],
    [
      'A 2024. március 5-i rendezvény nagyon jó volt.',
      'A 2024. március 5-i rendezvény nagyon jó volt.',
    ],
    ['1051 Budapest, Október 6. utca 12.', '1051 Budapest, Október 6. utca 12.'],
  ])('%s', (text, expected) => {
    expect(mask(text, 'hu')).toBe(expected);
  });
});

describe('Russian comments', () => {
  it.each<[string, string]>([
    [
      'Спасибо за выставку! Пишите мне на ivanova.olga@mail.ru, если будут новые.',
      'Спасибо за выставку! Пишите мне на [адрес эл. почты], если будут новые.',
    ],
    [
      'Позвоните, пожалуйста, когда книга вернётся: 8 (912) 345-67-89',
      'Позвоните, пожалуйста, когда книга вернётся: [номер телефона]',
    ],
    ['Мой телефон +7 912 345-67-89, Ольга', 'Мой телефон [номер телефона], Ольга'],
    ['звоните 89123456789 после обеда', 'звоните [номер телефона] после обеда'],
    ['тел. 345-67-89', 'тел. [номер телефона]'],
    [
      'Читательский билет № 12345678 не работает в автомате.',
      'Читательский билет № [номер карты] не работает в автомате.',
    ],
    [
      'Ксерокопия стоит 15 руб., а в соседней библиотеке 10 руб.',
      'Ксерокопия стоит 15 руб., а в соседней библиотеке 10 руб.',
    ],
    [
      'Штраф 350 руб. за три дня — это слишком много.',
      'Штраф 350 руб. за три дня — это слишком много.',
    ],
    [
      'Был здесь 01.12.2026, в читальном зале на 2 этаже было шумно.',
      'Был здесь 01.12.2026, в читальном зале на 2 этаже было шумно.',
    ],
    [
      'Хотелось бы, чтобы библиотека работала с 9:00 до 21:00.',
      'Хотелось бы, чтобы библиотека работала с 9:00 до 21:00.',
    ],
    [
      'Записан с 2015 года, беру по 5 книг в месяц.',
      'Записан с 2015 года, беру по 5 книг в месяц.',
    ],
    ['Кабинет 214 закрыт уже неделю.', 'Кабинет 214 закрыт уже неделю.'],
    ['Горячая линия 8-800-555-35-35 не отвечает', 'Горячая линия [номер телефона] не отвечает'],
    ['Всё отлично, спасибо!', 'Всё отлично, спасибо!'],
    ['тел.: 8 (495) 123-45-67', 'тел.: [номер телефона]'],
    ['8-912-345-67-89 или +7(912)3456789', '[номер телефона] или [номер телефона]'],
    ['Работайте с 10 до 19 часов, пожалуйста.', 'Работайте с 10 до 19 часов, пожалуйста.'],
    ['Адрес: 101000, Москва, ул. Ленина, д. 5', 'Адрес: 101000, Москва, ул. Ленина, д. 5'],
  ])('%s', (text, expected) => {
    expect(mask(text, 'ru')).toBe(expected);
  });
});

describe('Slovenian comments', () => {
  it.each<[string, string]>([
    [
      'Prosim, obvestite me na ana.novak@siol.net, ko bo knjiga na voljo.',
      'Prosim, obvestite me na [e-poštni naslov], ko bo knjiga na voljo.',
    ],
    ['Pokličite me na 041 123 456.', 'Pokličite me na [telefonska številka].'],
    ['Moja številka: +386 41 123 456', 'Moja številka: [telefonska številka]'],
    ['Doma: 01 234 56 78', 'Doma: [telefonska številka]'],
    [
      'Številka moje izkaznice je 12345678, ne deluje na avtomatu.',
      'Številka moje izkaznice je [številka kartice], ne deluje na avtomatu.',
    ],
    ['pišite na ana.novak (afna) gmail (pika) com', 'pišite na [e-poštni naslov]'],
    [
      'Knjižnica bi lahko bila odprta od 8. do 20. ure tudi ob sobotah.',
      'Knjižnica bi lahko bila odprta od 8. do 20. ure tudi ob sobotah.',
    ],
    [
      'Članarina 12,50 € je za upokojence previsoka.',
      'Članarina 12,50 € je za upokojence previsoka.',
    ],
    [
      'Bila sem tu 1.12.2026 in čitalnica je bila zaprta.',
      'Bila sem tu 1.12.2026 in čitalnica je bila zaprta.',
    ],
    ['Na 2. nadstropju ni wifija.', 'Na 2. nadstropju ni wifija.'],
    ['Odlično, prijazno osebje!', 'Odlično, prijazno osebje!'],
    ['Izposodila sem si 4 knjige in 2 DVD-ja.', 'Izposodila sem si 4 knjige in 2 DVD-ja.'],
    [
      'Pokličite na 040/123-456 ali 041-123-456',
      'Pokličite na [telefonska številka] ali [telefonska številka]',
    ],
    ['Iz tujine: +386 (0)41 123 456', 'Iz tujine: [telefonska številka]'],
    [
      'Prihajam iz 1000 Ljubljana, vsak dan ob 17.00 uri.',
      'Prihajam iz 1000 Ljubljana, vsak dan ob 17.00 uri.',
    ],
    [
      'Fotokopija stane 0,10 EUR, cena 3,50 EUR za tiskanje.',
      'Fotokopija stane 0,10 EUR, cena 3,50 EUR za tiskanje.',
    ],
    [
      'Naročilo št. 852289 še ni prispelo, tel. 852 289 ne odgovarja.',
      'Naročilo št. 852289 še ni prispelo, tel. [telefonska številka] ne odgovarja.',
    ],
  ])('%s', (text, expected) => {
    expect(mask(text, 'sl')).toBe(expected);
  });
});

describe('Lithuanian comments', () => {
  it.each<[string, string]>([
    [
      'Praneškite man el. paštu jonas.petraitis@gmail.com, kai knyga grįš.',
      'Praneškite man el. paštu [el. pašto adresas], kai knyga grįš.',
    ],
    ['Skambinkite +370 612 34567', 'Skambinkite [telefono numeris]'],
    ['Mano telefonas 8 612 34567, Jonas', 'Mano telefonas [telefono numeris], Jonas'],
    [
      'Skaitytojo pažymėjimas 12345678 neveikia savitarnos aparate.',
      'Skaitytojo pažymėjimas [kortelės numeris] neveikia savitarnos aparate.',
    ],
    ['Kabinetas 12 visada užrakintas.', 'Kabinetas 12 visada užrakintas.'],
    [
      'Lankiausi 2026-12-01, skaitykla buvo pilna žmonių.',
      'Lankiausi 2026-12-01, skaitykla buvo pilna žmonių.',
    ],
    [
      'Spausdinimas kainuoja 0,10 Eur už lapą, tai brangu.',
      'Spausdinimas kainuoja 0,10 Eur už lapą, tai brangu.',
    ],
    [
      'Darbo laikas 9-18h netinka dirbantiems žmonėms.',
      'Darbo laikas 9-18h netinka dirbantiems žmonėms.',
    ],
    ['Tik 50% knygų yra naujos.', 'Tik 50% knygų yra naujos.'],
    ['Ačiū už puikų aptarnavimą!', 'Ačiū už puikų aptarnavimą!'],
    [
      'Darbo telefonas +370 5 212 3456 arba 8 5 212 3456',
      'Darbo telefonas [telefono numeris] arba [telefono numeris]',
    ],
    ['Rašykite SMS +37061234567', 'Rašykite SMS [telefono numeris]'],
    ['Adresas LT-01100 Vilnius', 'Adresas LT-01100 Vilnius'],
    ['Renginys 2026 m. gruodžio 1 d. buvo puikus.', 'Renginys 2026 m. gruodžio 1 d. buvo puikus.'],
  ])('%s', (text, expected) => {
    expect(mask(text, 'lt')).toBe(expected);
  });
});

describe('English comments', () => {
  it.each<[string, string]>([
    [
      'Please let me know when the book is back: sarah.jones@outlook.com',
      'Please let me know when the book is back: [e-mail]',
    ],
    ['Call me on 07911 123456 after 5pm', 'Call me on [phone number] after 5pm'],
    ['Landline 020 7946 0958', 'Landline [phone number]'],
    ['or +44 7911 123456 from abroad', 'or [phone number] from abroad'],
    ['My German number: +49 30 12345678', 'My German number: [phone number]'],
    [
      'My card 1234-5678 does not work; call after 18:00 on 2026-12-01.',
      'My card [card number] does not work; call after 18:00 on 2026-12-01.',
    ],
    ['card number 1234 5678 9012', 'card number [card number]'],
    ['jan(at)gmail.com wrote this', '[e-mail] wrote this'],
    ['write to jan at gmail dot com', 'write to [e-mail]'],
    ['Look at library.com at 9:30 for the events.', 'Look at library.com at 9:30 for the events.'],
    ['Room 214 is too cold, 3 radiators are off.', 'Room 214 is too cold, 3 radiators are off.'],
    [
      'Fines of £1,500 in total since 2019 2020 2021?',
      'Fines of £1,500 in total since 2019 2020 2021?',
    ],
    ['Open 9:00–18:00 please, also on 12/01/2026.', 'Open 9:00–18:00 please, also on 12/01/2026.'],
    ['ISBN-10: 0-306-40615-2 is missing', 'ISBN-10: 0-306-40615-2 is missing'],
    [
      'From abroad +44 (0)20 7946 0958, or 0800 123 4567',
      'From abroad [phone number], or [phone number]',
    ],
    [
      'Postcode SW1A 1AA, borrowed 1234 books since 1998',
      'Postcode SW1A 1AA, borrowed 1234 books since 1998',
    ],
    ['ISBN 9780306406157 please', 'ISBN 9780306406157 please'],
    [
      'Windows 10 and v2.3.4 on the PCs, 12:30-14:00 is busy',
      'Windows 10 and v2.3.4 on the PCs, 12:30-14:00 is busy',
    ],
    ['In 2019, 2020 and 2021 it was better', 'In 2019, 2020 and 2021 it was better'],
  ])('%s', (text, expected) => {
    expect(mask(text, 'en')).toBe(expected);
  });
});

describe('what was masked', () => {
  it('names each kind found once, in a fixed order', () => {
    expect(maskPersonalData('12345678, a@b.hu, 06 30 123 4567, c@d.hu', 'hu')).toEqual({
      text: '[kártyaszám], [e-mail-cím], [telefonszám], [e-mail-cím]',
      found: ['email', 'phone', 'card'],
    });
    expect(maskPersonalData('Köszönöm!', 'hu')).toEqual({ text: 'Köszönöm!', found: [] });
  });

  it('writes the markers in the language asked for', () => {
    for (const language of LANGUAGES) {
      expect(mask('a@b.com 06 30 123 4567', language)).toBe(
        `${PERSONAL_DATA_MARKERS[language].email} ${PERSONAL_DATA_MARKERS[language].phone}`,
      );
    }
  });
});

describe('properties', () => {
  const languages = fc.constantFrom(...LANGUAGES);
  const commentish = fc.string({
    unit: fc.constantFrom(
      ...'0123456789 -+()./:@,%€Ftрубat dot kukac ISBN tel. card 2024 06 30 +36 8 (912) x.y@z.hu'.split(
        '',
      ),
      '06 30 123 4567',
      '2026-12-01',
      ' 12345678 ',
      'a@b.hu',
    ),
    maxLength: 80,
  });

  it('masking a masked text changes nothing', () => {
    fc.assert(
      fc.property(commentish, languages, (text, language) => {
        const once = mask(text, language);
        expect(mask(once, language)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves a text with no digit, no @ and no spelt-out or bracketed at as it is', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }).filter((text) => !/[\d@]|\bat\b|\(|\[|\{|</u.test(text)),
        languages,
        (text, language) => {
          expect(mask(text, language)).toBe(text);
        },
      ),
    );
  });

  const fragment = fc.constantFrom(
    '06 30 123 4567',
    '+7 912 345-67-89',
    '041 123 456',
    '123 456',
    '(06 1) 234',
    '12345678',
    '2026-12-01',
    '1 500 Ft',
    'room 214',
    'a@b.hu',
    'tel. 234-567',
    'ISBN 978-963-07-1234-5',
    '3,14159265',
    '9:00–18:00',
  );
  const separator = fc.constantFrom(' ', ', ', '; ', '\n', ' és ', '-', '/');
  const numberHeavy = fc
    .array(fc.tuple(fragment, separator), { maxLength: 30 })
    .map((parts) => parts.flat().join(''));

  it('masking a masked text changes nothing, however many numbers it holds', () => {
    fc.assert(
      fc.property(numberHeavy, languages, (text, language) => {
        const once = mask(text, language);
        expect(mask(once, language)).toBe(once);
      }),
      { numRuns: 200 },
    );
  });

  it('masking masked answers changes nothing, the count of numbers looked into shared by them', () => {
    const questions = [
      { id: 'a', type: 'text', maxLength: 2000 },
      { id: 'b', type: 'text', maxLength: 2000 },
      { id: 'c', type: 'multi', options: [{ id: 'x' }, { id: 'y' }], other: true },
    ] as unknown as Question[];
    fc.assert(
      fc.property(numberHeavy, numberHeavy, numberHeavy, languages, (a, b, c, language) => {
        const answers: Answers = { a, b, c: { selected: [], other: c.slice(0, 200) } };
        const once = maskAnswers(answers, language, questions);
        expect(maskAnswers(once, language, questions)).toEqual(once);
      }),
      { numRuns: 100 },
    );
  });

  it('leaves no digit of a run of eight to sixteen digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8,16}$/u), languages, (digits, language) => {
        expect(mask(`szám ${digits} vége`, language)).not.toMatch(/\d/u);
      }),
    );
  });
});

describe('a response with many numbers', () => {
  it('masks the numbers beyond those looked into as card numbers, never lets them through', () => {
    const phones = Array.from({ length: MAX_STRETCHES_LOOKED_INTO + 2 }, () => '06 30 123 4567');
    expect(mask(phones.join(', '), 'en')).toBe(
      [
        ...Array.from({ length: MAX_STRETCHES_LOOKED_INTO }, () => '[phone number]'),
        '[card number]',
        '[card number]',
      ].join(', '),
    );
  });

  it('masks a list longer than any phone number whole', () => {
    expect(mask('(06 1) 234 (06 1) 234 (06 1) 234 (06 1) 234 (06 1) 234 vége', 'hu')).toBe(
      '[kártyaszám] vége',
    );
  });

  it('masks eight decimals too: they cannot be told from a card number after a comma', () => {
    expect(mask('π ≈ 3,14159265, e ≈ 2,718', 'hu')).toBe('π ≈ 3,[kártyaszám], e ≈ 2,718');
  });
});

describe('masking the answers of a response', () => {
  const questions = [
    { id: 'comment', type: 'text', maxLength: 40 },
    { id: 'branch', type: 'single', options: [{ id: 'a-12345678' }, { id: 'b' }] },
    { id: 'services', type: 'multi', options: [{ id: 'x' }, { id: 'y' }], other: true },
  ] as unknown as Question[];

  it('masks text answers and the Other text, never an option id', () => {
    const answers: Answers = {
      comment: 'tel 06 30 123 4567',
      branch: 'a-12345678',
      services: { selected: ['x'], other: 'kovacs@gmail.com' },
    };
    expect(maskAnswers(answers, 'hu', questions)).toEqual({
      comment: 'tel [telefonszám]',
      branch: 'a-12345678',
      services: { selected: ['x'], other: '[e-mail-cím]' },
    });
  });

  it('keeps a text within its question’s length when a marker is longer than the number', () => {
    const text = `${'a'.repeat(31)} 12345678`;
    const masked = maskAnswers({ comment: text }, 'sl', questions).comment;
    expect(masked).toBe(`${'a'.repeat(31)} [številk`);
    expect(masked).toHaveLength(40);
  });

  it('returns the same object when nothing is personal, and leaves N/A alone', () => {
    const answers: Answers = { comment: 'na', branch: 'b' };
    expect(maskAnswers(answers, 'en', questions)).toBe(answers);
  });

  it('without the questions, masks every string that is not an option id, within its own length', () => {
    const answers: Answers = {
      comment: 'call 06 30 123 4567 please',
      branch: 'a-12345678',
      services: { selected: ['x'], other: 'a@b.hu' },
    };
    expect(maskAnswers(answers, 'en')).toEqual({
      comment: 'call [phone number] please',
      branch: 'a-12345678',
      services: { selected: ['x'], other: '[e-mai' },
    });
  });
});
