/**
 * Personal data in free text, end to end: a patron types a phone number, an e-mail address
 * and a card number; the draft keeps them while the patron can still see the text, and the
 * queued response holds the markers in the patron's language. The kiosk is offline, so the
 * masking module (loaded only at the first submit) comes from the service worker's cache.
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_SURVEYS } from '../../src/surveys';
import { KioskPage } from './pages/kiosk-page';
import { patronAnswers } from './support/answers';
import { goOffline, goOnline } from './support/browser';
import { readResponses } from './support/indexeddb';
import { useStack } from './support/stack';
import { appText, onlySurvey } from './support/texts';

const survey = onlySurvey(BUILT_IN_SURVEYS);

describe('personal data typed into the kiosk', () => {
  const stack = useStack();

  it('stays in the draft as typed until Send, and is masked in the queued response', async () => {
    const page = await stack.browser.context.newPage();
    await page.goto(stack.collector.url);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await goOffline(stack.browser.context);
    try {
      await page.reload();
      const kiosk = new KioskPage(page, survey);
      await kiosk.chooseLanguage('hu');
      const typed = {
        ...patronAnswers('hu'),
        'todays-visit': { selected: ['borrow-return'], other: 'Olvasójegy: 20231234' },
        'one-improvement':
          'Hívjanak a 06 30 123 4567-es számon vagy írjanak a kovacs.anna@gmail.com címre!',
      };
      await kiosk.start();
      await kiosk.answerThrough(typed);

      const [draft] = await readResponses(page);
      expect(draft).toMatchObject({ status: 'draft' });
      expect(draft?.answers['one-improvement']).toBe(typed['one-improvement']);

      await kiosk.button('review.submit').click();
      await kiosk
        .heading()
        .filter({ hasText: appText('hu', 'thanks.title') })
        .waitFor();
      const [queued] = await readResponses(page);
      expect(queued).toMatchObject({ status: 'queued', locale: 'hu' });
      expect(queued?.answers['one-improvement']).toBe(
        'Hívjanak a [telefonszám]-es számon vagy írjanak a [e-mail-cím] címre!',
      );
      expect(queued?.answers['todays-visit']).toEqual({
        selected: ['borrow-return'],
        other: 'Olvasójegy: [kártyaszám]',
      });
    } finally {
      await goOnline(stack.browser.context);
      await page.close();
    }
  });
});
