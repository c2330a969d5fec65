import { CHANNELS, CLAIM_TYPES } from '@returnlens/shared/contracts';
import { STORY_PRODUCT_SKU, STORY_SUPPLIER_ID } from './catalog';
import { generateDemoShop, seasonality, type DemoShop } from './generate';

const DAY = 86_400_000;
const END = new Date('2026-11-23T00:00:00Z');

function weeklyCounts(dates: readonly Date[], end: Date, weeks: number): number[] {
  const counts = new Array<number>(weeks).fill(0);
  for (const date of dates) {
    const weeksAgo = Math.floor((end.getTime() - date.getTime()) / (7 * DAY));
    if (weeksAgo >= 0 && weeksAgo < weeks) counts[weeks - 1 - weeksAgo]++;
  }
  return counts;
}

const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;

describe('generateDemoShop', () => {
  let shop: DemoShop;

  beforeAll(() => {
    shop = generateDemoShop({ end: END });
  });

  it('is deterministic for a seed and end date', () => {
    const again = generateDemoShop({ end: END, scale: 0.05 });
    const once = generateDemoShop({ end: END, scale: 0.05 });
    expect(JSON.stringify(again.claims.slice(0, 50))).toBe(
      JSON.stringify(once.claims.slice(0, 50)),
    );
    expect(again.sales.length).toBe(once.sales.length);
    const otherSeed = generateDemoShop({ end: END, scale: 0.05, seed: 7 });
    expect(JSON.stringify(otherSeed.claims.slice(0, 50))).not.toBe(
      JSON.stringify(once.claims.slice(0, 50)),
    );
  });

  it('has the size of a mid-size shop’s year', () => {
    expect(shop.suppliers).toHaveLength(40);
    expect(shop.products).toHaveLength(1500);
    expect(shop.sales.length).toBeGreaterThan(270_000);
    expect(shop.sales.length).toBeLessThan(330_000);
    expect(shop.claims.length).toBeGreaterThan(21_000);
    expect(shop.claims.length).toBeLessThan(29_000);
    expect(shop.feedback.length).toBeGreaterThan(35_000);
    expect(shop.feedback.length).toBeLessThan(45_000);
    expect(shop.start.getTime()).toBe(END.getTime() - 364 * DAY);
    expect(shop.sales.every((s) => s.orderedAt >= shop.start && s.orderedAt < END)).toBe(true);
  });

  it('has every claim type and channel, open and closed claims, with lifecycle timestamps in order', () => {
    expect(new Set(shop.claims.map((c) => c.type))).toEqual(new Set(CLAIM_TYPES));
    expect(new Set(shop.claims.map((c) => c.channel))).toEqual(new Set(CHANNELS));
    const statuses = new Set(shop.claims.map((c) => c.status));
    expect(statuses).toEqual(new Set(['open', 'in_progress', 'resolved', 'cancelled']));
    for (const claim of shop.claims) {
      expect(claim.openedAt.getTime()).toBeLessThan(END.getTime());
      if (claim.firstResponseAt)
        expect(claim.firstResponseAt.getTime()).toBeGreaterThanOrEqual(claim.openedAt.getTime());
      if (claim.resolvedAt)
        expect(claim.resolvedAt.getTime()).toBeGreaterThanOrEqual(claim.openedAt.getTime());
      if (claim.refundedAt)
        expect(claim.refundedAt.getTime()).toBeGreaterThanOrEqual(claim.resolvedAt!.getTime());
      if (claim.refundAmount !== null) expect(claim.currency).toBe('EUR');
      if (claim.status === 'open' || claim.status === 'in_progress')
        expect(claim.resolvedAt).toBeNull();
    }
    // Some claims arrive without a reason code, only text: text intelligence has work to do.
    const unstated = shop.claims.filter((c) => c.statedReasonCode === null);
    expect(unstated.length).toBeGreaterThan(500);
    expect(unstated.every((c) => c.reasonText)).toBe(true);
  });

  it('writes reviews in English, German, Polish, Russian, Portuguese and Hebrew', () => {
    const texts = shop.feedback.map((f) => f.text ?? '');
    const has = (pattern: RegExp) => texts.some((t) => pattern.test(t));
    expect(has(/[\u0590-\u05FF]/)).toBe(true); // Hebrew
    expect(has(/[\u0400-\u04FF]/)).toBe(true); // Cyrillic
    expect(has(/Polecam|Dostawa|Szybka/)).toBe(true);
    expect(has(/Lieferung|zufrieden/)).toBe(true);
    expect(has(/Recomendo|entrega|Ótim/)).toBe(true);
    expect(has(/Delivery|Works perfectly|Love it/)).toBe(true);
    expect(shop.feedback.some((f) => f.source === 'csat' && f.claimId)).toBe(true);
  });

  it('tells story 1: supplier Kestrel’s defect claims jump in the last three weeks', () => {
    const kestrelSkus = new Set(
      shop.products.filter((p) => p.supplierId === STORY_SUPPLIER_ID).map((p) => p.sku),
    );
    const defects = shop.claims.filter(
      (c) => c.statedReasonCode === 'product_defect' && kestrelSkus.has(c.sku),
    );
    const perWeek = weeklyCounts(
      defects.map((c) => c.openedAt),
      END,
      16,
    );
    const before = mean(perWeek.slice(0, 12));
    const lastThree = mean(perWeek.slice(13));
    expect(lastThree).toBeGreaterThan(2.5 * before);
  });

  it('costs money where claims are handled with goods: replacements and repairs, Kestrel most of all', () => {
    for (const claim of shop.claims) {
      const handled = claim.resolution === 'replacement' || claim.resolution === 'repair';
      expect([claim.externalId, claim.costAmount !== null]).toEqual([claim.externalId, handled]);
      if (claim.costAmount !== null) {
        expect(claim.costAmount).toBeGreaterThan(0);
        expect(claim.currency).toBe('EUR');
      }
    }
    // The last 12 weeks' cost of poor quality (refunds paid + handling cost, in the week the
    // money went out) per supplier: Kestrel's bad lot puts it first.
    const supplierOf = new Map(shop.products.map((p) => [p.sku, p.supplierId]));
    const from = END.getTime() - 12 * 7 * DAY;
    const cost = new Map<string, number>();
    for (const c of shop.claims) {
      const at = (c.refundedAt ?? c.resolvedAt)?.getTime();
      if (at === undefined || at < from) continue;
      const money = (c.refundedAt ? (c.refundAmount ?? 0) : 0) + (c.costAmount ?? 0);
      const supplier = supplierOf.get(c.sku)!;
      cost.set(supplier, (cost.get(supplier) ?? 0) + money);
    }
    const ranked = [...cost].sort((a, b) => b[1] - a[1]);
    expect(ranked[0][0]).toBe(STORY_SUPPLIER_ID);
    expect(ranked[0][1]).toBeGreaterThan(1.4 * ranked[1][1]);
  });

  it('tells story 2: one product’s not-as-described returns spike after its listing changed', () => {
    const product = shop.products.find((p) => p.sku === STORY_PRODUCT_SKU)!;
    expect(product.listingChangedAt).not.toBeNull();
    const changedAt = product.listingChangedAt!.getTime();
    const nad = shop.claims.filter(
      (c) => c.sku === STORY_PRODUCT_SKU && c.statedReasonCode === 'not_as_described',
    );
    const weeksAfter = (END.getTime() - changedAt) / (7 * DAY);
    const after =
      nad.filter((c) => c.openedAt.getTime() >= changedAt + 5 * DAY).length / (weeksAfter - 1);
    const before =
      nad.filter((c) => c.openedAt.getTime() < changedAt).length /
      ((changedAt - shop.start.getTime()) / (7 * DAY));
    expect(after).toBeGreaterThan(4 * before);
  });

  it('tells story 3: claims opened at weekends breach the 24 h first-response target far more often', () => {
    const breachShare = (days: number[]) => {
      const claims = shop.claims.filter(
        (c) => c.firstResponseAt && days.includes(c.openedAt.getUTCDay()),
      );
      const breached = claims.filter(
        (c) => c.firstResponseAt!.getTime() - c.openedAt.getTime() > DAY,
      );
      return breached.length / claims.length;
    };
    expect(breachShare([0, 6])).toBeGreaterThan(3 * breachShare([2, 3, 4]));
  });

  it('tells story 4: late deliveries drag review ratings down', () => {
    const lateOrders = new Set(
      shop.sales.filter((s) => s.deliveredAt && s.deliveredAt > s.promisedAt).map((s) => s.orderId),
    );
    const reviews = shop.feedback.filter(
      (f) => f.source !== 'csat' && f.rating !== null && f.orderId,
    );
    const late = reviews.filter((f) => lateOrders.has(f.orderId!)).map((f) => f.rating!);
    const onTime = reviews.filter((f) => !lateOrders.has(f.orderId!)).map((f) => f.rating!);
    expect(late.length).toBeGreaterThan(1000);
    expect(mean(late)).toBeLessThan(mean(onTime) - 0.5);
  });

  it('tells story 5: Black Friday and December are the seasonal peaks', () => {
    expect(seasonality(new Date('2025-11-28T00:00:00Z'))).toBeGreaterThan(2); // Black Friday 2025
    const perDay = new Map<string, number>();
    for (const sale of shop.sales) {
      const day = sale.orderedAt.toISOString().slice(0, 10);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    const median = [...perDay.values()].sort((a, b) => a - b)[Math.floor(perDay.size / 2)];
    expect(perDay.get('2025-11-28')).toBeGreaterThan(2 * median);
    expect(
      mean(['2025-12-08', '2025-12-09', '2025-12-10'].map((d) => perDay.get(d)!)),
    ).toBeGreaterThan(1.4 * median);
    expect(
      mean(['2026-01-13', '2026-01-14', '2026-01-15'].map((d) => perDay.get(d)!)),
    ).toBeLessThan(median);
  });
});
