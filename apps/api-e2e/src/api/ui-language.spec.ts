import type { CurrentUser, LanguageAnswer } from '@returnlens/shared/contracts';
import { startApiProcess, truncateShopData, type ApiProcess } from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { bearer } from '../support/ingest-client';
import { createUser, Session } from '../support/mail-and-hooks';

/**
 * The interface language (docs/i18n.md): the user's choice (kept with the account), else the
 * browser's Accept-Language, else the shop's default.
 */
describe('the interface language', () => {
  let api: ApiProcess;
  const db = () => testDatabaseUrl();
  const ask = async (acceptLanguage?: string) => {
    const response = await fetch(`${api.baseUrl}/api/auth/language`, {
      headers: acceptLanguage ? { 'Accept-Language': acceptLanguage } : {},
    });
    expect(response.status).toBe(200);
    return (await response.json()) as LanguageAnswer;
  };

  beforeAll(async () => {
    api = await startApiProcess({ DATABASE_URL: db(), DEMO_DATA: 'off', PORT: '3938' });
    await truncateShopData(db());
    await createUser(db(), {
      email: 'dana@example.com',
      name: 'Dana',
      roles: ['manager'],
      password: 'a long enough password',
    });
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('follows the browser for a visitor, else the shop’s default', async () => {
    expect(await ask('pl-PL,pl;q=0.9,en;q=0.5')).toMatchObject({
      language: 'pl',
      source: 'browser',
    });
    // The first language the dashboard speaks, in the browser's order.
    expect(await ask('fr-FR,fr;q=0.9,he;q=0.8,en;q=0.5')).toMatchObject({ language: 'he' });
    expect(await ask('fr-FR, it')).toMatchObject({ language: 'en', source: 'shop' });
    expect(await ask()).toMatchObject({
      language: 'en',
      source: 'shop',
      shopDefault: 'en',
      languages: ['en', 'ru', 'pl', 'he', 'uk', 'de', 'pt', 'es'],
    });

    // An admin sets the shop's default: browsers naming none of ours get it.
    const admin = await bearer(db(), ['admin']);
    const put = (body: unknown, headers: Record<string, string>) =>
      fetch(`${api.baseUrl}/api/auth/shop-language`, {
        method: 'PUT',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await put({ language: 'uk' }, admin)).status).toBe(204);
    expect(await ask('fr')).toMatchObject({ language: 'uk', source: 'shop', shopDefault: 'uk' });
    expect(await ask('ru')).toMatchObject({ language: 'ru', source: 'browser' });
    const bad = await put({ language: 'fr' }, admin);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('en|ru|pl|he|uk|de|pt|es');
    expect((await put({ language: 'de' }, await bearer(db(), ['read']))).status).toBe(403);
  });

  it('keeps a user’s choice with the account, through sign-out and sign-in', async () => {
    let session = await Session.signIn(api.baseUrl, 'dana@example.com', 'a long enough password');
    expect((await session.request('GET', '/api/auth/me')).body).toMatchObject({ language: null });
    expect((await session.request('PUT', '/api/auth/language', { language: 'he' })).status).toBe(
      204,
    );
    expect((await session.request('GET', '/api/auth/language')).body).toMatchObject({
      language: 'he',
      source: 'user',
    });
    expect((await session.request('POST', '/api/auth/logout')).status).toBe(204);
    session = await Session.signIn(api.baseUrl, 'dana@example.com', 'a long enough password');
    const me = (await session.request('GET', '/api/auth/me')).body as CurrentUser;
    expect(me.language).toBe('he');
    expect((await session.request('GET', '/api/auth/language')).body).toMatchObject({
      language: 'he',
      source: 'user',
    });
    // A language the dashboard does not speak is refused; null follows the browser again.
    expect((await session.request('PUT', '/api/auth/language', { language: 'xx' })).status).toBe(
      400,
    );
    expect((await session.request('PUT', '/api/auth/language', { language: null })).status).toBe(
      204,
    );
    expect((await session.request('GET', '/api/auth/language')).body).toMatchObject({
      source: 'shop',
    });
  });
});
