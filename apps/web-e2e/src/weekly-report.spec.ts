import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useBrowserPage, WORKSPACE_ROOT } from '@returnlens/tools/testing';

const baseUrl = () => {
  const url = process.env['RETURNLENS_TEST_BASE_URL'];
  if (!url)
    throw new Error('RETURNLENS_TEST_BASE_URL is not set: run through the web-e2e jest config');
  return url;
};

async function openWeeklyReport(page: Page, query = ''): Promise<void> {
  await page.goto(`${baseUrl()}/weekly${query}`);
  await page.locator('[data-testid=pareto-chart] canvas').waitFor({ timeout: 30_000 });
  await page.locator('[data-testid=trend-chart] canvas').waitFor({ timeout: 30_000 });
}

describe('Weekly report in Chromium', () => {
  const browser = useBrowserPage();

  it('shows the demo data for the latest complete week: KPIs, Pareto and trend', async () => {
    const page = browser.page();
    await openWeeklyReport(page);
    await expect(page.title()).resolves.toBe('Weekly report · Returnlens');
    const claims = await page
      .locator('rl-kpi-tile')
      .first()
      .locator('[data-testid=kpi-value]')
      .innerText();
    expect(Number(claims.replace(/\D/g, ''))).toBeGreaterThan(100);
    await expect(page.locator('[data-testid=pareto-title]').innerText()).resolves.toMatch(
      /make up \d+\.\d% of claims/,
    );
    // The charts have painted pixels, not an empty canvas.
    const painted = await page
      .locator('[data-testid=pareto-chart] canvas')
      .evaluate((canvas: HTMLCanvasElement) => {
        const context = canvas.getContext('2d');
        if (!context) return 0;
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        let filled = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) filled++;
        return filled / (data.length / 4);
      });
    expect(painted).toBeGreaterThan(0.05);
    // The table alternative lists the same reasons as the chart.
    await page.locator('summary', { hasText: 'View as table' }).click();
    expect(await page.locator('.as-table tbody tr').count()).toBeGreaterThan(5);
  });

  it('moves between weeks through the URL, and back', async () => {
    const page = browser.page();
    await openWeeklyReport(page);
    const latestTitle = await page.locator('[data-testid=week-title]').innerText();
    const latestClaims = await page.locator('[data-testid=kpi-value]').first().innerText();
    await page.getByRole('link', { name: 'Previous week' }).click();
    await page.waitForURL(/\?week=\d{4}-W\d{2}$/);
    await page.locator('[data-testid=week-title]').filter({ hasNotText: latestTitle }).waitFor();
    const previousClaims = await page.locator('[data-testid=kpi-value]').first().innerText();
    expect(previousClaims).not.toBe(latestClaims);
    await page.goBack();
    await page.locator('[data-testid=week-title]').filter({ hasText: latestTitle }).waitFor();
  });

  it('opens every page from the navigation', async () => {
    const page = browser.page();
    await openWeeklyReport(page);
    for (const name of ['Suppliers', 'SLA', 'Feedback', 'Root causes', 'Data']) {
      await page
        .getByRole('navigation', { name: 'Pages' })
        .getByRole('link', { name: new RegExp(`^${name}`) })
        .click();
      await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    }
  });

  it('saves screenshots of the weekly report in light and dark themes', async () => {
    const page = browser.page();
    for (const theme of ['light', 'dark'] as const) {
      await openWeeklyReport(page, `?theme=${theme}`);
      await expect(page.evaluate(() => document.documentElement.dataset['theme'])).resolves.toBe(
        theme,
      );
      await page.waitForTimeout(500); // let the chart animations settle
      await page.screenshot({
        path: join(WORKSPACE_ROOT, `docs/screenshots/weekly-report-${theme}.png`),
        fullPage: true,
      });
    }
  });
});
