import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, signIn, watchForErrors, WORKSPACE_ROOT } from '@returnlens/tools/testing';
import { baseUrl, DEMO } from './support/session';

/**
 * The interface in the shop's language and on a phone (docs/i18n.md): the sign-in page
 * follows the browser's language, a signed-in user's choice is kept with the account, Hebrew
 * mirrors the layout, and at 390 px the navigation opens from a menu button.
 */
const SHOTS = join(WORKSPACE_ROOT, 'docs/screenshots');
/** Every page in Hebrew and Polish, light and dark (to look at; not committed). */
const PAGE_SHOTS = process.env['I18N_SHOTS'] ?? join(tmpdir(), 'returnlens-i18n-shots');
const PAGES = [
  '/weekly',
  '/suppliers',
  '/sla',
  '/feedback',
  '/root-causes',
  '/money',
  '/data',
  '/admin',
  '/settings',
  '/subscriptions',
];

describe('languages and the phone layout', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[][] = [];

  async function open(locale: string, viewport = { width: 1400, height: 1000 }): Promise<Page> {
    const context = await browser.newContext({ locale, viewport });
    contexts.push(context);
    const page = await context.newPage();
    errors.push(watchForErrors(page));
    return page;
  }

  /** Sets (or clears) a signed-in user's language through the API, as the picker does. */
  async function choose(page: Page, language: string | null): Promise<void> {
    const cookies = await page.context().cookies();
    const xsrf = cookies.find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
    const response = await page.request.put(`${baseUrl()}/api/auth/language`, {
      data: { language },
      headers: { 'X-XSRF-TOKEN': xsrf },
    });
    expect(response.status()).toBe(204);
  }

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    expect(errors.flat()).toEqual([]);
  });

  it('shows the sign-in page in the browser’s language, mirrored for Hebrew', async () => {
    const pl = await open('pl-PL');
    await pl.goto(`${baseUrl()}/login`);
    await pl.locator('h1', { hasText: 'Logowanie' }).waitFor();
    expect(
      await pl.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
    ).toEqual(['pl', 'ltr']);
    // Four demo logins: Polish "4 konta demo" (few).
    await expect(pl.locator('[data-testid=demo-title]').innerText()).resolves.toMatch(
      /^4 konta demo/,
    );

    const he = await open('he-IL');
    await he.goto(`${baseUrl()}/login`);
    await he.locator('h1', { hasText: 'כניסה' }).waitFor();
    expect(
      await he.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
    ).toEqual(['he', 'rtl']);
  });

  it('mirrors the dashboard in Hebrew: the navigation on the right, in Hebrew', async () => {
    const page = await open('he-IL');
    await signIn(page, baseUrl(), DEMO.owner, 'demo');
    await page.goto(`${baseUrl()}/weekly`);
    const sidebar = page.locator('[data-testid=sidebar]');
    await sidebar.waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const box = (await sidebar.boundingBox())!;
    expect(box.x).toBeGreaterThan(700); // right of the middle of 1400 px
    const labels = await page.locator('[data-testid=nav] a span').allInnerTexts();
    expect(labels.length).toBeGreaterThanOrEqual(9);
    // No English in the navigation (SLA is the same word in Hebrew text).
    expect(labels.filter((l) => /[A-Za-z]{2,}/.test(l.replace('SLA', '')))).toEqual([]);
    mkdirSync(SHOTS, { recursive: true });
    for (const theme of ['light', 'dark'] as const) {
      await page.goto(`${baseUrl()}/weekly?theme=${theme}`);
      await page.locator('rl-kpi-tile').first().waitFor();
      await page.waitForTimeout(800);
      await page.screenshot({ path: join(SHOTS, `weekly-he-${theme}.png`) });
    }
  });

  it('keeps a user’s choice through sign-out and sign-in, without leaving the page', async () => {
    const page = await open('en-US');
    await signIn(page, baseUrl(), DEMO.manager, 'demo');
    try {
      await page.goto(`${baseUrl()}/sla?theme=light`);
      const picker = page.locator('[data-testid=language]');
      await picker.waitFor();
      const before = page.url();
      // The title is set once the page's messages are loaded: wait for it, as below.
      await page.waitForFunction(() => document.title !== 'Returnlens');
      await expect(page.title()).resolves.toBe('SLA · Returnlens');
      await picker.selectOption('pl');
      await page.locator('[data-testid=nav]').getByText('Raport tygodniowy').waitFor();
      expect(page.url()).toBe(before);
      // The tab title follows the language too.
      await page.goto(`${baseUrl()}/weekly?theme=light`);
      await page.waitForFunction(() => document.title === 'Raport tygodniowy · Returnlens');
      await page.goto(before);
      await page.locator('[data-testid=nav]').getByText('Raport tygodniowy').waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl');
      await page.screenshot({ path: join(SHOTS, `sla-pl-light.png`) });
      // Signed out: the sign-in page follows the browser (English) again …
      await page.locator('[data-testid=sign-out]').click();
      await page.locator('h1', { hasText: 'Sign in' }).waitFor();
      // … and signed in again, the account's Polish.
      await signIn(page, baseUrl(), DEMO.manager, 'demo');
      await page.goto(`${baseUrl()}/sla`);
      await page.locator('[data-testid=nav]').getByText('Raport tygodniowy').waitFor();
    } finally {
      await choose(page, null); // the demo account follows the browser again
    }
  });

  it('shows every page in Hebrew and Polish, translated, in both themes', async () => {
    mkdirSync(PAGE_SHOTS, { recursive: true });
    // The page's heading and the line under it ("SLA" is "SLA" in every language).
    const heading = (page: Page) => page.locator('main h1').first();
    const headline = async (page: Page) =>
      `${await heading(page).innerText()} ${await page
        .locator('main h1 ~ p, main header p')
        .first()
        .innerText()
        .catch(() => '')}`;
    // The English headings, to tell a translated page from an untranslated one.
    const english = new Map<string, string>();
    const en = await open('en-US');
    await signIn(en, baseUrl(), DEMO.owner, 'demo');
    for (const path of PAGES) {
      await en.goto(`${baseUrl()}${path}`);
      await heading(en).waitFor();
      await en.waitForTimeout(300);
      english.set(path, await headline(en));
    }
    for (const [locale, lang] of [
      ['he-IL', 'he'],
      ['pl-PL', 'pl'],
    ] as const) {
      const page = await open(locale);
      await signIn(page, baseUrl(), DEMO.owner, 'demo');
      for (const path of PAGES) {
        for (const theme of ['light', 'dark'] as const) {
          await page.goto(`${baseUrl()}${path}?theme=${theme}`);
          await heading(page).waitFor();
          await page.waitForTimeout(700);
          // The page speaks the language: no English marking, its heading translated.
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
          expect(await page.locator('main').getAttribute('lang')).toBeNull();
          const text = await headline(page);
          expect([path, text === english.get(path)]).toEqual([path, false]);
          if (lang === 'he')
            expect([path, text]).toEqual([path, expect.stringMatching(/[\u05d0-\u05ea]/)]);
          const name = `${path.slice(1)}-${lang}-${theme}.png`;
          await page.screenshot({ path: join(PAGE_SHOTS, name), fullPage: true });
        }
      }
    }
  });

  it('opens the weekly report on a phone: the first KPI in view, the navigation from the menu', async () => {
    const page = await open('en-US', { width: 390, height: 844 });
    await signIn(page, baseUrl(), DEMO.owner, 'demo');
    await page.goto(`${baseUrl()}/weekly?theme=light`);
    const tile = page.locator('rl-kpi-tile').first();
    await tile.waitFor();
    const box = (await tile.boundingBox())!;
    expect(box.y + Math.min(box.height, 60)).toBeLessThan(844);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    const nav = page.locator('[data-testid=nav]');
    await expect(nav.isVisible()).resolves.toBe(false);
    await page.screenshot({ path: join(SHOTS, `weekly-phone-light.png`) });
    await page.locator('[data-testid=menu-button]').click();
    await nav.waitFor({ state: 'visible' });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, `weekly-phone-menu-light.png`) });
    await nav.getByText('SLA', { exact: true }).click();
    await page.waitForURL(/\/sla/);
    await nav.waitFor({ state: 'hidden' });
  });
});
