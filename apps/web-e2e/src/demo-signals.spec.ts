import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import type { WeeklyReport } from '@returnlens/shared/contracts';
import { shiftIsoWeek } from '@returnlens/shared/metrics';
import { useBrowserPage } from '@returnlens/tools/testing';
import { baseUrl, signInAs } from './support/session';

/** The demo's supplier with the bad lot (libs/shared/demo-data, story 1). */
const KESTREL = 'SUP-001';

async function weekly(page: Page, week = ''): Promise<WeeklyReport> {
  const response = await page.request.get(
    `${baseUrl()}/api/analytics/weekly${week ? `?week=${week}` : ''}`,
  );
  expect(response.status()).toBe(200);
  return (await response.json()) as WeeklyReport;
}

async function ownerPage(page: Page): Promise<Page> {
  await signInAs(page, 'owner');
  return page;
}

/**
 * The demo's stories, told honestly (issue "Signals an owner can act on"): the demo data ends
 * today, so its latest complete week is last week and the current one is incomplete.
 */
describe('Signals on the demo data', () => {
  const browser = useBrowserPage();

  it('flags Kestrel Electronics’ bad lot in each of the last three complete weeks', async () => {
    const page = browser.page();
    await signInAs(page, 'owner');
    const latest = await weekly(page);
    expect(latest.weekComplete).toBe(true);
    for (const back of [0, 1, 2]) {
      const week = shiftIsoWeek(latest.week, -back).week;
      const report = back === 0 ? latest : await weekly(page, week);
      const kestrel = report.movers.find((m) => m.kind === 'supplier' && m.key === KESTREL);
      expect([week, kestrel?.metric, kestrel?.direction]).toEqual([week, 'defect_rate', 'up']);
      expect(kestrel!.qValue).toBeLessThan(0.05);
      expect(kestrel!.topReason).toBe('product_defect');
    }
  });

  it('never tests the incomplete current week, nor an order week still in its return window', async () => {
    const page = browser.page();
    await signInAs(page, 'owner');
    const latest = await weekly(page);
    const current = await weekly(page, shiftIsoWeek(latest.week, 1).week);
    expect(current.weekComplete).toBe(false);
    const tiles = [
      current.claimsReceived,
      current.unitsReturned,
      current.kpis.returnRate,
      ...current.kpis.refundsPaid.map((r) => r.kpi),
    ].filter((k) => k !== null);
    for (const kpi of tiles) expect(kpi!.significant).toBe(false);
    expect(current.claimsReceived.untested).toBe('incomplete_week');
    expect(current.movers).toEqual([]);
    expect(current.moversTest.untested).toBe('incomplete_week');
    // The latest complete week (Black Friday's in the demo): its own order cohort is young,
    // so the return-rate tile is of an older, mature week and this one is never tested.
    const cohort = latest.returnCohorts.weeks.find((w) => w.week.week === latest.week.week)!;
    expect(cohort.mature).toBe(false);
    expect(latest.kpis.returnRate?.week?.week).not.toBe(latest.week.week);
    const tested = latest.returnCohorts.weeks.find(
      (w) => w.week.week === latest.kpis.returnRate?.week?.week,
    );
    expect(tested?.mature).toBe(true);
  });

  it('refuses a buyer the claim records but opens the supplier evidence in full', async () => {
    const page = browser.page();
    await signInAs(page, 'buyer');
    const claims = await page.request.get(`${baseUrl()}/api/analytics/records/claims`);
    expect(claims.status()).toBe(403);
    // A year of Kestrel's claims: far beyond one page of records.
    const to = (await weekly(await ownerPage(browser.page()))).week;
    await signInAs(page, 'buyer');
    const year = `from=${shiftIsoWeek(to, -51).week}&to=${to.week}&supplier=${KESTREL}`;
    const evidence = await page.request.get(
      `${baseUrl()}/api/analytics/records/supplier-claims?${year}&pageSize=1`,
    );
    expect(evidence.status()).toBe(200);
    const { total } = (await evidence.json()) as { total: number };
    const csv = await page.request.get(
      `${baseUrl()}/api/analytics/records/supplier-claims?${year}&format=csv`,
    );
    expect(csv.status()).toBe(200);
    const rows = parse(await csv.text(), { columns: true, bom: true }) as unknown[];
    // Every claim, not a first page of them.
    expect(total).toBeGreaterThan(1000);
    expect(rows).toHaveLength(total);
  });
});
