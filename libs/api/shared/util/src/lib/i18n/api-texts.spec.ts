import { BadRequestException, ForbiddenException } from '@nestjs/common';
import { UI_LANGUAGES } from '@returnlens/shared/contracts';
import { flattenMessages, translationProblems } from '@returnlens/shared/i18n';
import { errorAnswer, localizeErrorBody } from '../errors/error-response';
import { CSV_COLUMN_LABELS } from './csv-labels/en';
import { CSV_LABEL_CATALOG, csvHeader } from './csv-labels';
import { ERROR_MESSAGES } from './errors/en';
import { ERROR_CATALOG, errorMessage } from './error-messages';
import { explicitLanguage, requestLanguage } from './request-language';

const translated = UI_LANGUAGES.filter((l) => l !== 'en');
const read = (kind: string, lang: string): object => require(`./${kind}/${lang}.json`);

/** Column names every language writes alike (codes and statistics' own names). */
const SAME_LABELS = ['SKU', 'p90', 'PPM', 'Definition', 'Label', 'Labels', 'Median', 'Name'];
const SAME_LABELS_TOO = [
  'Neutral',
  'Signal',
  'Status',
  'Text',
  'Trend',
  'Total',
  'Problem',
  'Classes',
];

describe('the API’s error messages', () => {
  it.each(translated)('%s: every key, parsed, same placeholders, translated', (lang) => {
    expect(translationProblems(lang, ERROR_MESSAGES, read('errors', lang))).toEqual([]);
  });

  const plurals = Object.entries(flattenMessages(ERROR_MESSAGES))
    .filter(([, message]) => message.includes(', plural,'))
    .map(([key]) => key.replace(/^errors\./, ''));

  it.each(['ru', 'pl', 'uk'] as const)('%s: plural forms for 1, 2, 5 and 22', (lang) => {
    expect(plurals.length).toBeGreaterThanOrEqual(5);
    const forms = (code: string, name: string) =>
      [1, 2, 5, 22].map((n) => errorMessage(lang, code, { [name]: n, max: 52 }));
    // Each count is written with its own number, and 1/2/5 take three different forms.
    const seconds = forms('too_many_requests', 'seconds');
    expect(seconds.map((m) => /\d+/.exec(m ?? '')?.[0])).toEqual(['1', '2', '5', '22']);
    const words = seconds.map((m) => (m ?? '').replace(/\d+/g, '#'));
    expect(new Set(words.slice(0, 3)).size).toBe(3);
    expect(words[3]).toBe(words[1]); // 22 is written like 2
  });

  it('writes the Russian plural forms a reader expects', () => {
    expect(errorMessage('ru', 'period_too_long', { count: 5, max: 52 })).toBe(
      'период охватывает 5 недель; запросите не более 52',
    );
    expect(errorMessage('ru', 'period_too_long', { count: 22, max: 52 })).toContain('22 недели');
    expect(errorMessage('ru', 'period_too_long', { count: 21, max: 52 })).toContain('21 неделю');
    expect(errorMessage('pl', 'password_too_short', { min: 12 })).toBe(
      'Hasło ma co najmniej 12 znaków.',
    );
  });

  it('names the permissions in the language and joins them with its “or”', () => {
    expect(
      errorMessage('pl', 'forbidden_role', { roles: ['viewer'], permissions: ['sla', 'settings'] }),
    ).toBe('Twoja rola (viewer) nie daje dostępu do: wskaźników SLA lub zmiany ustawień.');
    expect(
      errorMessage('de', 'forbidden_token', { scopes: ['read', 'ingest'], permissions: ['admin'] }),
    ).toBe(
      'Dieses API-Token (Bereiche: read, ingest) gibt keinen Zugriff auf Benutzer und Tokens.',
    );
  });

  it('answers null for a code it does not know', () => {
    expect(errorMessage('ru', 'no_such_code')).toBeNull();
    expect(ERROR_CATALOG.has('errors.sign_in_failed')).toBe(true);
  });

  it('translates an error with a code, keeps English words for English, and the rest as thrown', () => {
    const signIn = { statusCode: 401, error: 'Unauthorized', code: 'sign_in_failed', message: 'x' };
    expect(localizeErrorBody(signIn, 'ru').message).toBe('Неверный e-mail или пароль.');
    expect(localizeErrorBody(signIn, 'en').message).toBe('x');
    const plain = { statusCode: 400, error: 'Bad Request', message: 'from is not a date' };
    expect(localizeErrorBody(plain, 'he')).toBe(plain);

    const forbidden = new ForbiddenException({
      statusCode: 403,
      code: 'forbidden_role',
      params: { roles: ['viewer'], permissions: ['claims'] },
      message: 'Your role (viewer) does not give access to claims and the weekly report.',
    });
    const answer = errorAnswer(forbidden, { method: 'GET', originalUrl: '/api/x' }, 'uk');
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({
      code: 'forbidden_role',
      message: 'Ваша роль (viewer) не дає доступу до розділу: звернення та щотижневий звіт.',
    });
  });

  it('writes the server’s own errors (503, 500, bad JSON) in the language too', () => {
    const lost = Object.assign(new Error('Connection terminated unexpectedly'), {});
    expect(errorAnswer(lost, undefined, 'es').body).toMatchObject({
      code: 'database_unavailable',
      message:
        'La base de datos no está disponible en este momento; inténtalo de nuevo en un momento.',
    });
    const badJson = Object.assign(new Error('bad'), {
      type: 'entity.parse.failed',
      status: 400,
      expose: true,
    });
    expect(errorAnswer(badJson, undefined, 'pt').body.message).toBe(
      'O corpo do pedido não é JSON válido.',
    );
  });
});

describe('the language of a request', () => {
  const request = (
    query: Record<string, unknown>,
    acceptLanguage?: string,
    principal?: { kind: string; language?: 'pl' | 'he' | null },
  ) => ({ query, headers: { 'accept-language': acceptLanguage }, principal });

  it('takes ?lang=, else the user’s choice, else Accept-Language, else the shop’s', () => {
    const user = { kind: 'session', language: 'he' as const };
    expect(requestLanguage(request({ lang: 'uk' }, 'pl', user), 'de')).toBe('uk');
    expect(requestLanguage(request({}, 'pl', user), 'de')).toBe('he');
    expect(
      requestLanguage(request({}, 'pl-PL,pl;q=0.9', { kind: 'session', language: null }), 'de'),
    ).toBe('pl');
    expect(requestLanguage(request({}, 'fr-FR'), 'de')).toBe('de');
    // A token has no language of its own: its headers speak.
    expect(requestLanguage(request({}, 'ru', { kind: 'token', language: 'he' }), 'de')).toBe('ru');
    // A ?lang= the interface does not speak is not followed.
    expect(requestLanguage(request({ lang: 'fr' }, 'es'), 'de')).toBe('es');
  });

  it('reads an explicit ?lang= and refuses one the interface does not speak', () => {
    expect(explicitLanguage({ query: { lang: 'pl' } })).toBe('pl');
    expect(explicitLanguage({ query: {} })).toBeNull();
    expect(explicitLanguage({ query: { lang: '' } })).toBeNull();
    expect(() => explicitLanguage({ query: { lang: 'fr' } })).toThrow(BadRequestException);
  });
});

describe('CSV column labels', () => {
  it.each(translated)('%s: every column, translated', (lang) => {
    expect(
      translationProblems(lang, CSV_COLUMN_LABELS, read('csv-labels', lang), [
        ...SAME_LABELS,
        ...SAME_LABELS_TOO,
      ]),
    ).toEqual([]);
  });

  it('keeps field names without a language, labels them with one, and unknown fields as they are', () => {
    expect(csvHeader(['openedAt', 'kpi.value', 'somethingNew'], null)).toEqual([
      'openedAt',
      'kpi.value',
      'somethingNew',
    ]);
    expect(csvHeader(['openedAt', 'kpi.value', 'somethingNew'], 'pl')).toEqual([
      'Otwarto',
      'Wskaźnik: wartość',
      'somethingNew',
    ]);
    expect(csvHeader(['externalId', 'reasonCode'], 'en')).toEqual(['Claim', 'Reason']);
    expect(CSV_LABEL_CATALOG.format('he', 'quantity')).toBe('יחידות');
  });
});
