import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useBrowserPage, WORKSPACE_ROOT } from '@returnlens/tools/testing';
import { markPosition, paintedShare } from './support/canvas';
import { baseUrl, signInAs } from './support/session';

const PAGES = [
  { path: '/suppliers', heading: 'Suppliers', charts: ['funnel-chart'], shot: 'suppliers' },
  { path: '/sla', heading: 'SLA', charts: ['attainment-chart', 'channel-chart'], shot: 'sla' },
  {
    path: '/feedback',
    heading: 'Feedback',
    charts: [
      'ratings-chart',
      'delivery-chart',
      'sentiment-chart',
      'aspects-chart',
      'language-chart',
    ],
    shot: 'feedback',
  },
  {
    path: '/root-causes',
    heading: 'Root causes',
    charts: ['treemap-chart', 'heatmap-chart', 'stated-chart'],
    shot: 'root-causes',
  },
  {
    path: '/money',
    heading: 'Money & resolutions',
    charts: ['money-chart', 'mix-chart', 'mix-supplier-chart', 'cost-supplier-chart'],
    shot: 'money',
  },
] as const;

async function waitForCharts(page: Page, charts: readonly string[]): Promise<void> {
  for (const chart of charts)
    await page.locator(`[data-testid=${chart}] canvas`).first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1200); // let the chart animations settle
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c !== ''));
}

describe('Dashboard pages in Chromium', () => {
  // Any console error, page error or failed request fails the test.
  const browser = useBrowserPage({ viewport: { width: 1400, height: 1000 } });
  beforeEach(() => signInAs(browser.page(), 'owner'));

  for (const spec of PAGES) {
    it(`opens ${spec.path} on the demo data, draws its charts and saves light and dark screenshots`, async () => {
      const page = browser.page();
      for (const theme of ['light', 'dark'] as const) {
        await page.goto(`${baseUrl()}${spec.path}?theme=${theme}`);
        await page.getByRole('heading', { level: 1, name: spec.heading, exact: true }).waitFor();
        await waitForCharts(page, spec.charts);
        for (const chart of spec.charts)
          expect(
            await paintedShare(page.locator(`[data-testid=${chart}] canvas`).first()),
          ).toBeGreaterThan(0.01);
        // Every chart announces what it shows.
        const label = await page
          .locator(`[data-testid=${spec.charts[0]}] [role=img]`)
          .getAttribute('aria-label');
        expect(label?.length ?? 0).toBeGreaterThan(20);
        // No panel is left in an error state.
        expect(await page.locator('[role=alert]').count()).toBe(0);
        // Grow the viewport to the whole page first, so the charts resize and settle before
        // the capture rather than during it.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.setViewportSize({ width: 1400, height });
        await page.waitForTimeout(1200);
        await page.screenshot({
          path: join(WORKSPACE_ROOT, `docs/screenshots/${spec.shot}-${theme}.png`),
          fullPage: true,
        });
        await page.setViewportSize({ width: 1400, height: 1000 });
      }
    });
  }

  it('drills down from a bar, then cross-filters: the reason goes into the URL and the numbers follow; back undoes it', async () => {
    const page = browser.page();
    await page.goto(`${baseUrl()}/root-causes`);
    await waitForCharts(page, ['stated-chart']);
    const total = page.locator('[data-testid=rc-total]');
    const before = await total.innerText();
    // Bars of reasons the shop stated are drawn in #0072B2; the first is the largest reason.
    const point = await markPosition(page.locator('[data-testid=stated-chart] canvas').first(), {
      rgb: [0, 114, 178],
      minY: 40, // below the legend
    });
    // The bar opens its claims; from the drawer, the page narrows to that reason.
    await page.mouse.click(point.x, point.y);
    const drawer = page.locator('[data-testid=records-drawer]');
    await drawer.waitFor();
    await drawer.getByRole('button', { name: /^Show the page for .* only$/ }).click();
    await page.waitForURL(/[?&]reason=[a-z_]+/);
    await total.filter({ hasNotText: before }).waitFor();
    const after = await total.innerText();
    const count = (text: string) => Number(text.split(' claims')[0].replace(/\D/g, ''));
    expect(count(after)).toBeLessThan(count(before));
    await expect(page.locator('[data-testid=chip]').first().innerText()).resolves.toMatch(
      /^Reason:/,
    );
    // The heatmap follows the filter: one reason row left.
    await page.goBack();
    await total.filter({ hasText: before }).waitFor();
    expect(page.url()).not.toMatch(/reason=/);
  });

  it('shows what reviews say about each aspect beside the products that come back, and filters by a product', async () => {
    const page = browser.page();
    await page.goto(`${baseUrl()}/feedback`);
    await waitForCharts(page, ['aspects-chart']);
    await expect(page.locator('[data-testid=aspects-title]').innerText()).resolves.toMatch(
      /draws the most criticism|more positively than negatively/,
    );
    // At least one aspect bar is drawn: a saturated (negative or positive) segment below the
    // legend; markPosition throws when there is none.
    const canvas = page.locator('[data-testid=aspects-chart] canvas').first();
    const bar = await markPosition(canvas, { minY: 30 });
    const box = await canvas.boundingBox();
    expect(bar.y).toBeGreaterThan((box?.y ?? 0) + 30);
    const rows = page.locator('[data-testid=review-products] tbody tr');
    await rows.first().waitFor();
    const sku = (await rows.first().locator('.sku').innerText()).trim();
    await rows.first().click();
    await page.waitForURL((url) => url.searchParams.get('product') === sku);
    await expect(page.locator('[data-testid=chip]').first().innerText()).resolves.toMatch(
      /^Product:/,
    );
  });

  it('shows how often the text contradicts the stated reason and opens those claims', async () => {
    const page = browser.page();
    await page.goto(`${baseUrl()}/root-causes`);
    const count = page.locator('[data-testid=mismatch-count]');
    await count.waitFor({ timeout: 30_000 });
    await expect(page.locator('[data-testid=mismatch-title]').innerText()).resolves.toMatch(
      /claims with text .* read as another reason|agrees with the stated reason/,
    );
    await expect(count.innerText()).resolves.toMatch(/^[\d,]+\s+of [\d,]+/);
    // The claims behind it (the ⋯ menu works whether or not any claim disagrees).
    await page
      .getByRole('button', { name: /^More for .*(another reason|agrees with the stated reason)/ })
      .click();
    await page.getByRole('menuitem', { name: 'View records' }).click();
    const drawer = page.locator('[data-testid=records-drawer]');
    await drawer.waitFor();
    await expect(drawer.innerText()).resolves.toContain(
      'Stated reason differs from the one read in the text',
    );
    await drawer.locator('[data-testid=records-count]').filter({ hasText: /\S/ }).waitFor();
    await expect(drawer.locator('[data-testid=records-count]').innerText()).resolves.toMatch(
      /^(Records 1–\d+ of [\d,]+|No records)$/,
    );
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
  });

  it('rates feedback after late deliveries apart from on-time ones, and opens the late ones', async () => {
    const page = browser.page();
    await page.goto(`${baseUrl()}/feedback`);
    await waitForCharts(page, ['delivery-chart']);
    // The demo's late deliveries are rated lower than the on-time ones.
    const heading = page.locator('[data-testid=by-delivery-title]');
    await heading.filter({ hasText: /Late deliveries/ }).waitFor();
    await expect(heading.innerText().then((t) => t.trim())).resolves.toMatch(
      /^Late deliveries: net sentiment [−+]?\d+ against [−+]?\d+ on time \([\d,]+ and [\d,]+ items\)$/,
    );
    const [late, onTime] = (await heading.innerText())
      .match(/net sentiment ([−+]?\d+) against ([−+]?\d+)/)!
      .slice(1)
      .map((n) => Number(n.replace('−', '-')));
    expect(late).toBeLessThan(onTime);
    await page.getByRole('button', { name: /^More for Late deliveries/ }).click();
    await page.getByRole('menuitem', { name: 'View records' }).click();
    const drawer = page.locator('[data-testid=records-drawer]');
    await drawer.waitFor();
    await expect(drawer.innerText()).resolves.toContain('Feedback after a late delivery');
    await drawer.locator('[data-testid=records-count]').filter({ hasText: /of/ }).waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
  });

  it('keeps the period in the URL: quick picks change the figures and back restores them', async () => {
    const page = browser.page();
    await page.goto(`${baseUrl()}/feedback`);
    const total = page.locator('[data-testid=feedback-total]');
    await total.waitFor();
    const twelveWeeks = await total.innerText();
    await page.locator('[data-testid=period]').selectOption('4w');
    await page.waitForURL(/period=4w/);
    await total.filter({ hasNotText: twelveWeeks }).waitFor();
    await expect(page.locator('[data-testid=from]').inputValue()).resolves.toMatch(
      /^\d{4}-W\d{2}$/,
    );
    await page.goBack();
    await total.filter({ hasText: twelveWeeks }).waitFor();
  });

  it('opens the records behind a chart in a drawer: paged, sortable, with a CSV of the same filters', async () => {
    const page = browser.page();
    await page.goto(`${baseUrl()}/suppliers`);
    await waitForCharts(page, ['funnel-chart']);
    // Open the first supplier of the scorecard (the worst by its interval's lower bound).
    const first = page.locator('[data-testid=scorecard] tbody tr').first().locator('a');
    const name = await first.innerText();
    await first.click();
    await page.waitForURL(/\/suppliers\/[^/?]+/);
    const supplierId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page
      .locator('[data-testid=evidence-summary]')
      .filter({ hasText: `Supplier: ${name}` })
      .waitFor();

    // ⋯ → View records
    await page
      .getByRole('button', { name: /^More for .*defect rate/ })
      .first()
      .click();
    await page.getByRole('menuitem', { name: 'View records' }).click();
    const drawer = page.locator('[data-testid=records-drawer]');
    await drawer.waitFor();
    await drawer.locator('[data-testid=records-table] tbody tr').first().waitFor();
    await expect(drawer.locator('[data-testid=records-count]').innerText()).resolves.toMatch(
      /^Records 1–\d+ of [\d,]+$/,
    );
    // Sort by units, ascending after two clicks.
    const units = drawer.getByRole('button', { name: /^Units/ });
    await units.click();
    await drawer.locator('th[aria-sort=descending]', { hasText: 'Units' }).waitFor();
    await units.click();
    await drawer.locator('th[aria-sort=ascending]', { hasText: 'Units' }).waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });

    // The evidence pack's CSV: the supplier's claims, under the same filters, its columns
    // labelled in the interface language (the dashboard's links ask with `lang`).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid=evidence-csv]').click(),
    ]);
    const rows = parseCsv(
      readFileSync((await download.path()) ?? '', 'utf8').replace(/^\uFEFF/, ''),
    );
    const header = rows[0];
    expect(header).toEqual(expect.arrayContaining(['Claim', 'Supplier', 'Reason', 'Opened']));
    expect(rows.length).toBeGreaterThan(1);
    const column = header.indexOf('Supplier');
    expect(new Set(rows.slice(1).map((r) => r[column]))).toEqual(new Set([supplierId]));

    // Why this number
    await page
      .getByRole('button', { name: /^More for .*defect rate/ })
      .first()
      .click();
    await page.getByRole('menuitem', { name: 'Why this number' }).click();
    await page.locator('[data-testid=definition-defect_rate]').waitFor();
    await expect(page.locator('[data-testid=why-panel]').innerText()).resolves.toContain('Wilson');
  });

  it('shows reviews in their own direction and filters them by rating', async () => {
    const page = browser.page();
    await page.goto(`${baseUrl()}/feedback?language=he`);
    const reviews = page.locator('[data-testid=reviews] .text');
    await reviews.first().waitFor();
    const direction = await reviews.first().evaluate((el) => getComputedStyle(el).direction);
    expect(direction).toBe('rtl');
    await page.locator('[data-testid=review-rating]').selectOption('1');
    await page.waitForURL(/rating=1/);
    await page
      .locator('[data-testid=reviews] .stars')
      .first()
      .filter({ hasText: '★☆☆☆☆' })
      .waitFor();
    const stars = await page.locator('[data-testid=reviews] .stars').allInnerTexts();
    expect(stars.every((s) => s === '★☆☆☆☆')).toBe(true);
  });
});
