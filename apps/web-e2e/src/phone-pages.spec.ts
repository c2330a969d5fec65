import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHANNELS, REASONS } from '@returnlens/shared/contracts';
import { launchChromium, signIn, watchForErrors } from '@returnlens/tools/testing';
import { baseUrl, DEMO } from './support/session';

/**
 * Every page on a phone (390 × 844, docs/i18n.md): the navigation behind the menu button, the
 * filter bar behind a "Filters" button that opens it as a sheet, and that button's count in
 * Russian plural forms. Screenshots of every page go where the language tests put theirs.
 */
const PAGE_SHOTS = process.env['I18N_SHOTS'] ?? join(tmpdir(), 'returnlens-i18n-shots');
const PHONE = { width: 390, height: 844 };
/** Each page, and whether it has the filter bar (the weekly report's picks no period). */
const PAGES: readonly (readonly [string, boolean])[] = [
  ['/weekly', true],
  ['/suppliers', true],
  ['/sla', true],
  ['/feedback', true],
  ['/root-causes', true],
  ['/money', true],
  ['/data', false],
  ['/admin', false],
  ['/settings', false],
  ['/subscriptions', false],
];

/**
 * The elements reaching past the right edge of the screen, outermost first (a table scrolling
 * inside its own panel does not count: only what makes the page itself scroll sideways).
 */
function widerThanThePhone(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    const walk = (element: Element): void => {
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.position === 'fixed') return;
      if (element.getBoundingClientRect().right > width + 1) {
        const name = `${element.tagName.toLowerCase()}${[...element.classList].map((c) => `.${c}`).join('')}`;
        found.push(name);
        return; // its children overflow with it
      }
      if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX)) return;
      for (const child of element.children) walk(child);
    };
    for (const child of document.body.children) walk(child);
    return found.slice(0, 5);
  });
}

describe('every page on a phone', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[][] = [];

  async function open(locale: string): Promise<Page> {
    const context = await browser.newContext({ locale, viewport: PHONE });
    contexts.push(context);
    const page = await context.newPage();
    errors.push(watchForErrors(page));
    return page;
  }

  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(PAGE_SHOTS, { recursive: true });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    expect(errors.flat()).toEqual([]);
  });

  it('opens the navigation from the menu button and the filters as a sheet on every page', async () => {
    const page = await open('en-US');
    await signIn(page, baseUrl(), DEMO.owner, 'demo');
    const nav = page.locator('[data-testid=nav]');
    const menu = page.locator('[data-testid=menu-button]');
    const filters = page.locator('[data-testid=filters-button]');
    const sheet = page.locator('[data-testid=filter-sheet]');
    const tooWide: string[] = [];
    for (const [path, hasFilters] of PAGES) {
      const name = path.slice(1);
      await page.goto(`${baseUrl()}${path}?theme=light`);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(700); // charts drawn
      // The page has the whole width: no sidebar beside it, nothing wider than the phone.
      await expect(nav.isVisible()).resolves.toBe(false);
      const mainBox = (await page.locator('main').boundingBox())!;
      expect([path, Math.round(mainBox.x), Math.round(mainBox.width)]).toEqual([path, 0, 390]);
      await page.screenshot({ path: join(PAGE_SHOTS, `${name}-phone-light.png`) });
      const wider = await widerThanThePhone(page);
      if (wider.length) tooWide.push(`${path}: ${wider.join(', ')}`);

      await menu.click();
      await nav.waitFor({ state: 'visible' });
      await expect(menu.getAttribute('aria-expanded')).resolves.toBe('true');
      await page.waitForTimeout(300); // the sheet's slide
      const navBox = (await page.locator('[data-testid=sidebar]').boundingBox())!;
      expect([path, navBox.x, navBox.x + navBox.width <= 390]).toEqual([path, 0, true]);
      await page.screenshot({ path: join(PAGE_SHOTS, `${name}-phone-menu-light.png`) });
      await page.keyboard.press('Escape');
      await nav.waitFor({ state: 'hidden' });

      if (!hasFilters) {
        await expect(filters.count()).resolves.toBe(0);
        continue;
      }
      await expect(sheet.isVisible()).resolves.toBe(false);
      await filters.click();
      await sheet.waitFor({ state: 'visible' });
      await expect(filters.getAttribute('aria-expanded')).resolves.toBe('true');
      // A sheet from the bottom edge, as wide as the phone, its controls inside the screen.
      const sheetBox = (await sheet.boundingBox())!;
      expect([path, sheetBox.x, sheetBox.width]).toEqual([path, 0, 390]);
      expect(Math.round(sheetBox.y + sheetBox.height)).toBe(844);
      const controls = await sheet
        .locator('select, input')
        .evaluateAll((elements) => elements.map((e) => e.getBoundingClientRect().right));
      expect([path, controls.filter((right) => right > 390)]).toEqual([path, []]);
      await page.screenshot({ path: join(PAGE_SHOTS, `${name}-phone-filters-light.png`) });
      await page.locator('[data-testid=filters-done]').click();
      await sheet.waitFor({ state: 'hidden' });
    }
    expect(tooWide).toEqual([]);
  });

  it('adds a filter from the sheet into the address, and keeps it when the sheet closes', async () => {
    const page = await open('en-US');
    await signIn(page, baseUrl(), DEMO.owner, 'demo');
    await page.goto(`${baseUrl()}/sla?clock=business`);
    const filters = page.locator('[data-testid=filters-button]');
    await filters.waitFor();
    await expect(filters.innerText()).resolves.toBe('Filters');
    await filters.click();
    await page.locator('[data-testid=add-filter]').selectOption('channel');
    await page.locator('[data-testid=add-value]').selectOption('email');
    await page.waitForURL(/channel=email/);
    expect(new URL(page.url()).searchParams.get('clock')).toBe('business');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=filter-sheet]').waitFor({ state: 'hidden' });
    await expect(filters.innerText()).resolves.toBe('1 filter');
  });

  it.each([
    ['ru-RU', 'ru', /фильтр/, ['1 фильтр', '2 фильтра', '5 фильтров', '22 фильтра']],
    ['pl-PL', 'pl', /filtr/, ['1 filtr', '2 filtry', '5 filtrów', '22 filtry']],
  ] as const)(
    'counts the filters in %s plural forms: 1, 2, 5 and 22',
    async (locale, lang, word, expected) => {
      const page = await open(locale);
      await signIn(page, baseUrl(), DEMO.owner, 'demo');
      // Up to 22 chips: reasons, then channels.
      const values = [
        ...REASONS.map((reason) => ['reason', reason.code] as const),
        ...CHANNELS.map((channel) => ['channel', channel] as const),
      ];
      expect(values.length).toBeGreaterThanOrEqual(22);
      const address = (count: number) => {
        const query = new Map<string, string[]>();
        for (const [key, value] of values.slice(0, count)) {
          query.set(key, [...(query.get(key) ?? []), value]);
        }
        return [...query].map(([key, list]) => `${key}=${list.join(',')}`).join('&');
      };
      const seen: string[] = [];
      for (const count of [1, 2, 5, 22]) {
        await page.goto(`${baseUrl()}/sla?${address(count)}`);
        const filters = page.locator('[data-testid=filters-button]');
        await filters.waitFor();
        // The browser's language (the demo owner has no language of their own).
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
        // The chips come once the filter bar has read the address and its vocabulary.
        await page.waitForFunction(
          (n) => document.querySelectorAll('[data-testid=chip]').length === n,
          count,
        );
        await page.waitForFunction(
          (source) =>
            new RegExp(source).test(
              document.querySelector('[data-testid=filters-button]')?.textContent ?? '',
            ),
          word.source,
        );
        seen.push(await filters.innerText());
        if (count === 5) {
          await filters.click();
          await page.locator('[data-testid=filter-sheet]').waitFor({ state: 'visible' });
          await page.waitForTimeout(300);
          await page.screenshot({
            path: join(PAGE_SHOTS, `sla-phone-filters-${lang}-light.png`),
          });
        }
      }
      expect(seen).toEqual(expected);
    },
  );
});
