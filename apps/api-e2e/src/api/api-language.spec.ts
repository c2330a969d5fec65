import type { MetricDefinition, UiLanguage } from '@returnlens/shared/contracts';
import {
  rebuildRollups,
  startApiProcess,
  truncateShopData,
  withClient,
  type ApiProcess,
} from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { insertClaims, WEEKLY_FIXTURE } from '../support/fixtures';
import { bearer } from '../support/ingest-client';
import { createUser, Session } from '../support/mail-and-hooks';

interface Definitions {
  readonly language: UiLanguage;
  readonly metrics: readonly MetricDefinition[];
}

const defectRate = (answer: Definitions) => answer.metrics.find((m) => m.id === 'defect_rate');

/**
 * What the API itself writes, in the caller's language (docs/i18n.md): the "why this number"
 * definitions, CSV column labels when a download asks for `lang`, and error messages — from
 * `?lang=`, the signed-in user's stored language, `Accept-Language`, else the shop's default.
 */
describe('the API in the caller’s language', () => {
  let api: ApiProcess;
  let token: Record<string, string>;
  const db = () => testDatabaseUrl();
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${api.baseUrl}${path}`, { headers: { ...token, ...headers } });

  beforeAll(async () => {
    api = await startApiProcess({
      DATABASE_URL: db(),
      DEMO_DATA: 'off',
      PORT: '3967',
      SHOP_TIMEZONE: 'UTC',
    });
    await truncateShopData(db());
    await withClient(db(), (client) => insertClaims(client, WEEKLY_FIXTURE));
    // Rows written straight into the tables, not through ingestion: rollups rebuilt.
    await rebuildRollups(db(), 'UTC');
    await createUser(db(), {
      email: 'noa@example.com',
      name: 'Noa',
      roles: ['manager'],
      password: 'a long enough password',
    });
    token = await bearer(db(), ['read']);
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('writes the definitions in the browser’s language, else English, and names it', async () => {
    const polish = (await (
      await get('/api/analytics/definitions', { 'Accept-Language': 'pl-PL,pl;q=0.9,en;q=0.5' })
    ).json()) as Definitions;
    expect(polish.language).toBe('pl');
    expect(defectRate(polish)).toMatchObject({ name: 'Wskaźnik wad' });
    expect(defectRate(polish)?.includes).toContain('sprzedane w okresie');

    const english = (await (await get('/api/analytics/definitions')).json()) as Definitions;
    expect(english.language).toBe('en');
    expect(defectRate(english)).toMatchObject({ name: 'Defect rate' });
    expect(english.metrics.map((m) => m.id)).toEqual(polish.metrics.map((m) => m.id));

    // ?lang= is explicit and wins over the header; an unknown one is refused.
    const hebrew = (await (
      await get('/api/analytics/definitions?lang=he', { 'Accept-Language': 'pl' })
    ).json()) as Definitions;
    expect(hebrew).toMatchObject({ language: 'he' });
    expect(defectRate(hebrew)?.name).toBe('שיעור פגמים');
    const unknown = await get('/api/analytics/definitions?lang=fr');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ field: 'lang' });
  });

  it('follows a signed-in user’s stored language over the browser’s', async () => {
    const session = await Session.signIn(api.baseUrl, 'noa@example.com', 'a long enough password');
    expect((await session.request('PUT', '/api/auth/language', { language: 'he' })).status).toBe(
      204,
    );
    const answer = await session.request('GET', '/api/analytics/definitions');
    expect(answer.body.language).toBe('he');
    expect(defectRate(answer.body as Definitions)?.name).toBe('שיעור פגמים');
    expect(defectRate(answer.body as Definitions)?.definition).toContain('confirmed_defect');
    // Back to following the browser: English (this request names no language).
    expect((await session.request('PUT', '/api/auth/language', { language: null })).status).toBe(
      204,
    );
    expect((await session.request('GET', '/api/analytics/definitions')).body.language).toBe('en');
  });

  it('labels CSV columns in the language a download asks for, and keeps field names otherwise', async () => {
    const period = 'from=2026-W06&to=2026-W10';
    const header = async (query: string, headers: Record<string, string> = {}) => {
      const response = await get(
        `/api/analytics/records/claims?format=csv&${period}${query}`,
        headers,
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      return (await response.text()).replace(/^\uFEFF/, '').split(/\r?\n/)[0];
    };
    const polish = await header('&lang=pl');
    expect(polish.startsWith('Zgłoszenie,Typ,Kanał,SKU,Produkt,Dostawca,Przyczyna')).toBe(true);
    const names = await header('');
    expect(names.startsWith('externalId,type,channel,sku,productName,supplierId,reasonCode')).toBe(
      true,
    );
    // Accept-Language alone does not change a machine-readable header.
    expect(await header('', { 'Accept-Language': 'pl' })).toBe(names);
    // The same labels in a table export of a JSON answer.
    const pareto = await get(`/api/analytics/pareto?format=csv&${period}&lang=de`);
    const paretoHeader = (await pareto.text()).replace(/^\uFEFF/, '').split(/\r?\n/)[0];
    expect(paretoHeader).toMatch(/Anzahl|Anteil/);
    expect(paretoHeader).not.toMatch(/\bcount\b|\bshare\b/);
  });

  it('writes error messages in the caller’s language, with a stable code', async () => {
    const anonymous = (headers: Record<string, string>) =>
      fetch(`${api.baseUrl}/api/analytics/kpis`, { headers });
    const russian = await anonymous({ 'Accept-Language': 'ru-RU,ru;q=0.9' });
    expect(russian.status).toBe(401);
    expect(await russian.json()).toMatchObject({
      code: 'unauthenticated',
      message: 'Сначала войдите или передайте API-токен как "Authorization: Bearer <token>".',
    });
    const english = await anonymous({});
    expect(await english.json()).toMatchObject({
      code: 'unauthenticated',
      message: 'Sign in first, or send an API token as "Authorization: Bearer <token>".',
    });

    const signIn = await fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': 'ru' },
      body: JSON.stringify({ email: 'noa@example.com', password: 'not the password' }),
    });
    expect(signIn.status).toBe(401);
    expect(await signIn.json()).toMatchObject({
      code: 'sign_in_failed',
      message: 'Неверный e-mail или пароль.',
    });

    // A filter error (400) names the field and speaks the language of ?lang=.
    const reversed = await get('/api/analytics/kpis?from=2026-W10&to=2026-W06&lang=ru');
    expect(reversed.status).toBe(400);
    expect(await reversed.json()).toMatchObject({
      field: 'from',
      code: 'period_reversed',
      message: 'from (2026-W10) позже, чем to (2026-W06)',
    });
  });
});
