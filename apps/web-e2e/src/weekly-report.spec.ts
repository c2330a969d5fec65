import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useBrowserPage, WORKSPACE_ROOT } from '@returnlens/tools/testing';
import { markPosition } from './support/canvas';
import { baseUrl, signInAs } from './support/session';

async function openWeeklyReport(page: Page, query = ''): Promise<void> {
  await page.goto(`${baseUrl()}/weekly${query}`);
  await page.locator('[data-testid=pareto-chart] canvas').waitFor({ timeout: 30_000 });
  await page.locator('[data-testid=trend-chart] canvas').waitFor({ timeout: 30_000 });
}

describe('Weekly report in Chromium', () => {
  const browser = useBrowserPage();
  beforeEach(() => signInAs(browser.page(), 'owner'));

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
    // A blank canvas paints 0 %; the demo's Pareto paints about 5 % (its bar heights follow
    // the data), so 3 % tells a drawn chart from an empty one without tracking the data.
    expect(painted).toBeGreaterThan(0.03);
    // The table alternative lists the same reasons as the chart.
    await page.locator('summary', { hasText: 'View as table' }).click();
    expect(await page.locator('.as-table tbody tr').count()).toBeGreaterThan(5);
  });

  it('prints the first paint of the Weekly report (target: under 1.5 s)', async () => {
    const page = browser.page();
    await openWeeklyReport(page); // warm the server's caches, as a returning user would find them
    const paints: number[] = [];
    for (let run = 0; run < 3; run++) {
      const browserOfPage = page.context().browser();
      if (!browserOfPage) throw new Error('no browser');
      const context = await browserOfPage.newContext({ viewport: { width: 1400, height: 1000 } });
      const fresh = await context.newPage();
      await signInAs(fresh, 'owner'); // a returning user's session; the load is measured
      await openWeeklyReport(fresh);
      paints.push(
        await fresh.evaluate(
          () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        ),
      );
      await context.close();
    }
    const median = [...paints].sort((a, b) => a - b)[1];
    console.log(
      `Weekly report first contentful paint: median ${median.toFixed(0)} ms of ${paints.map((p) => p.toFixed(0)).join(', ')} ms (target < 1500 ms)`,
    );
    expect(Number.isFinite(median)).toBe(true);
  });

  it('drills down from a Pareto bar to exactly its claims, then narrows the report to that reason', async () => {
    const page = browser.page();
    await openWeeklyReport(page);
    const claims = page.locator('rl-kpi-tile').first().locator('[data-testid=kpi-value]');
    const before = await claims.innerText();
    // The largest bar's figure, from the chart's own table.
    await page.locator('summary', { hasText: 'View as table' }).click();
    const firstRow = page.locator('details.as-table tbody tr').first().locator('td');
    const reason = (await firstRow.nth(0).innerText()).trim();
    const figure = (await firstRow.nth(1).innerText()).trim();
    // The first (largest) bar, found from the left as a user would see it.
    const point = await markPosition(page.locator('[data-testid=pareto-chart] canvas'), {
      columnFirst: true,
      minY: 30,
    });
    await page.mouse.click(point.x, point.y);
    const drawer = page.locator('[data-testid=records-drawer]');
    await drawer.waitFor();
    const count = drawer.locator('[data-testid=records-count]');
    await count.filter({ hasText: /\S/ }).waitFor();
    // The drawer holds the bar's claims: as many as the bar says.
    await expect(count.innerText()).resolves.toMatch(new RegExp(` of ${figure}$`));
    await drawer.locator('[data-testid=records-table] tbody tr').first().waitFor();
    await page.screenshot({
      path: join(WORKSPACE_ROOT, 'docs/screenshots/records-drawer-light.png'),
    });
    await drawer
      .getByRole('button', { name: `Show the page for \u2068${reason}\u2069 only` })
      .click();
    await page.waitForURL(/[?&]reason=[a-z_]+/);
    await claims.filter({ hasNotText: before }).waitFor();
    expect(Number((await claims.innerText()).replace(/\D/g, ''))).toBe(
      Number(figure.replace(/\D/g, '')),
    );
    await expect(page.locator('[data-testid=chip]').first().innerText()).resolves.toMatch(
      /^Reason:/,
    );
  });

  it('opens the records behind a KPI tile: as many claims, or units, as the tile shows', async () => {
    const page = browser.page();
    await openWeeklyReport(page, '?theme=dark');
    const drawer = page.locator('[data-testid=records-drawer]');
    for (const [tile, testid] of [
      ['Claims received', 'records-count'],
      ['Units in claims', 'records-units'],
    ] as const) {
      const el = page.locator('rl-kpi-tile', { hasText: tile }).first();
      const value = (await el.locator('[data-testid=kpi-value]').innerText()).trim();
      await el.getByRole('button', { name: `Records behind ${tile}` }).click();
      await drawer.waitFor();
      const shown = drawer.locator(`[data-testid=${testid}]`);
      await shown.filter({ hasText: /\d/ }).waitFor();
      await expect(shown.innerText()).resolves.toMatch(
        testid === 'records-units' ? new RegExp(`^${value} units?$`) : new RegExp(` of ${value}$`),
      );
      if (testid === 'records-units') {
        await drawer.locator('[data-testid=records-table] tbody tr').first().waitFor();
        await page.screenshot({
          path: join(WORKSPACE_ROOT, 'docs/screenshots/records-drawer-dark.png'),
        });
      }
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'detached' });
    }
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
    for (const name of [
      'Suppliers',
      'SLA',
      'Feedback',
      'Root causes',
      'Data',
      'Admin',
      'Settings',
    ]) {
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
