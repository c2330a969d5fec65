import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideTransloco, provideTranslocoTranspiler, TranslocoService } from '@jsverse/transloco';
import { UI_LANGUAGES } from '@returnlens/shared/contracts';
import { formatMessage, translationProblems } from '@returnlens/shared/i18n';
import { firstValueFrom, of } from 'rxjs';
import { describeHttpError } from '../weekly-report.resource';
import { HTTP_ERROR_MESSAGES, httpErrorText, provideHttpErrorText } from './http-errors';
import { IcuTranspiler } from './i18n';

/** The translation files beside the app (what the `httpErrors` loader fetches). */
const DIR = join(__dirname, '../../../../../../../apps/web/public/i18n/httpErrors');
const read = (lang: string) => JSON.parse(readFileSync(join(DIR, `${lang}.json`), 'utf8'));
const translated = UI_LANGUAGES.filter((l) => l !== 'en');

describe('what a failed request says', () => {
  it.each(translated)('%s: every English key, parsed, same placeholders, translated', (lang) => {
    expect(translationProblems(lang, HTTP_ERROR_MESSAGES, read(lang))).toEqual([]);
  });

  it('says it in the language given, with the API’s own message as it came', () => {
    const messages = read('pl');
    const polish = (key: string, params?: Record<string, unknown>) =>
      formatMessage('pl', messages[key], params ?? {});
    expect(describeHttpError({ status: 0 }, polish)).toBe(
      'Brak połączenia z API Returnlens. Czy serwer działa?',
    );
    expect(
      describeHttpError({ status: 400, error: { message: 'nieznany tydzień 2026-W99' } }, polish),
    ).toBe('Żądanie odrzucono: nieznany tydzień 2026-W99.');
    expect(describeHttpError({ status: 400 }, polish)).toBe(
      'Żądanie odrzucono: nieprawidłowe parametry.',
    );
    expect(describeHttpError({ status: 403, error: { message: 'Brak uprawnień' } }, polish)).toBe(
      'Serwer odpowiedział błędem (403): Brak uprawnień.',
    );
    expect(describeHttpError({}, polish)).toBe('Serwer odpowiedział błędem.');
  });

  it('follows the interface language once the app has installed it', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTransloco({
          config: { availableLangs: ['en', 'de'], defaultLang: 'en', fallbackLang: 'en' },
          loader: class {
            getTranslation() {
              return of({});
            }
          },
        }),
        provideTranslocoTranspiler(IcuTranspiler),
        provideHttpErrorText(),
      ],
    });
    const transloco = TestBed.inject(TranslocoService);
    await firstValueFrom(transloco.load('de'));
    transloco.setActiveLang('de');
    await new Promise((resolve) => setTimeout(resolve));
    const http = TestBed.inject(HttpTestingController);
    // Nothing is fetched until an error is described; English meanwhile.
    http.expectNone('/i18n/httpErrors/de.json');
    expect(describeHttpError({ status: 503 })).toBe(
      'The database is not available right now. Try again in a moment.',
    );
    http.expectOne('/i18n/httpErrors/de.json').flush(read('de'));
    await new Promise((resolve) => setTimeout(resolve));
    expect(describeHttpError({ status: 503 })).toBe(
      'Die Datenbank ist gerade nicht verfügbar. Versuchen Sie es gleich noch einmal.',
    );
    expect(httpErrorText()('serverStatus', { status: 500 })).toBe(
      'Der Server hat mit einem Fehler geantwortet (500).',
    );
  });
});
