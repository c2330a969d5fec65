import {
  CHANNELS,
  reasonCategoryOf,
  type Channel,
  type ClaimStatus,
  type ClaimType,
  type FeedbackSource,
  type InspectionOutcome,
  type ReasonCode,
  type Resolution,
} from '@returnlens/shared/contracts';
import {
  CATEGORY_PROFILES,
  COMMON_REASON_RATES,
  DEMO_CATEGORIES,
  STORY_SUPPLIER_ID,
  generateProducts,
  generateSuppliers,
  type DemoCategory,
  type DemoProduct,
  type DemoSupplier,
} from './catalog';
import {
  CLAIM_TEXTS,
  DEMO_LANGUAGES,
  REVIEW_PHRASES,
  type DemoLanguage,
  type ReviewAspect,
} from './phrases';
import { Random, WeightedTable } from './random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CURRENCY = 'EUR';

export interface DemoOptions {
  /** Same seed and end, same data. */
  readonly seed?: number;
  /** The data covers the 364 days before this instant (default: today 00:00 UTC). */
  readonly end?: Date;
  /** Multiplies the order volume; 1 is a mid-size shop (~300k order lines a year). */
  readonly scale?: number;
  readonly products?: number;
}

export interface DemoSale {
  readonly externalId: string;
  readonly orderId: string;
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly currency: string;
  readonly orderedAt: Date;
  readonly promisedAt: Date;
  readonly deliveredAt: Date | null;
  readonly customerId: string;
}

export interface DemoClaim {
  readonly externalId: string;
  readonly type: ClaimType;
  readonly channel: Channel;
  readonly orderId: string;
  readonly sku: string;
  readonly quantity: number;
  readonly statedReasonCode: ReasonCode | null;
  readonly reasonText: string | null;
  readonly openedAt: Date;
  readonly firstResponseAt: Date | null;
  readonly resolvedAt: Date | null;
  readonly refundedAt: Date | null;
  readonly status: ClaimStatus;
  readonly resolution: Resolution | null;
  readonly refundAmount: number | null;
  /** What handling cost the shop besides a refund: replacement goods, repair, shipping. */
  readonly costAmount: number | null;
  readonly currency: string | null;
  readonly inspectionOutcome: InspectionOutcome | null;
  readonly contactCount: number;
  readonly assignee: string | null;
  readonly customerId: string;
}

export interface DemoFeedback {
  readonly externalId: string;
  readonly source: FeedbackSource;
  readonly sku: string | null;
  readonly orderId: string | null;
  readonly claimId: string | null;
  readonly rating: number | null;
  readonly text: string | null;
  readonly createdAt: Date;
}

export interface DemoShop {
  readonly start: Date;
  readonly end: Date;
  readonly suppliers: readonly DemoSupplier[];
  readonly products: readonly DemoProduct[];
  readonly sales: readonly DemoSale[];
  readonly claims: readonly DemoClaim[];
  readonly feedback: readonly DemoFeedback[];
}

export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** Black Friday: the day after the fourth Thursday of November. */
function blackFriday(year: number): number {
  const first = new Date(Date.UTC(year, 10, 1)).getUTCDay();
  const firstThursday = 1 + ((4 - first + 7) % 7);
  return Date.UTC(year, 10, firstThursday + 22);
}

/** Seasonal multiplier of order volume: Black Friday, the December gift peak, a quiet January. */
export function seasonality(day: Date): number {
  const t = day.getTime();
  const bf = blackFriday(day.getUTCFullYear());
  if (t >= bf - DAY && t <= bf + 3 * DAY) return 2.6;
  const month = day.getUTCMonth();
  const date = day.getUTCDate();
  if (month === 11) return date <= 20 ? 1.75 : 0.95;
  return [0.75, 0.85, 0.95, 1, 1.05, 1.1, 1.05, 0.95, 1, 1, 1.1, 1.75][month];
}

const WEEKDAY_FACTOR = [1.05, 1.1, 1, 1, 1, 0.95, 0.85]; // Sunday first, as getUTCDay()

const CATEGORY_SEASON: Partial<Record<DemoCategory, (month: number) => number>> = {
  Garden: (m) => (m >= 3 && m <= 7 ? 2.2 : 0.5),
  'Sports & outdoor': (m) => (m >= 4 && m <= 7 ? 1.5 : 0.9),
  Toys: (m) => (m === 10 || m === 11 ? 2 : 0.9),
};

/** Calibrates the category reason rates to ~8% of order lines with a claim. */
const PRODUCT_REASON_SCALE = 1.2;

const AGENTS = [
  'Anna K.',
  'Tomasz W.',
  'Lena M.',
  'David R.',
  'Sofia P.',
  'Noam B.',
  'Irina S.',
  'Marco L.',
];

/** Working hours of the help desk: Monday–Friday 08:00–18:00 UTC; nobody works weekends. */
function isWorking(t: number): boolean {
  const d = new Date(t);
  const day = d.getUTCDay();
  const hour = d.getUTCHours();
  return day >= 1 && day <= 5 && hour >= 8 && hour < 18;
}

function nextWorkingStart(t: number): number {
  let cursor = t;
  for (let i = 0; i < 24 * 8 && !isWorking(cursor); i++) {
    cursor = Math.floor(cursor / HOUR) * HOUR + HOUR;
  }
  return Math.max(cursor, t);
}

/** Adds `hours` of working time (help-desk hours) to `t`. */
function addWorkingHours(t: number, hours: number): number {
  let cursor = nextWorkingStart(t);
  let left = hours * HOUR;
  while (left > 0) {
    const endOfHour = Math.floor(cursor / HOUR) * HOUR + HOUR;
    const step = Math.min(left, endOfHour - cursor);
    cursor += step;
    left -= step;
    if (left > 0) cursor = nextWorkingStart(cursor);
  }
  return cursor;
}

interface ClaimContext {
  readonly sale: DemoSale;
  readonly product: DemoProduct;
  readonly supplier: DemoSupplier;
  readonly language: DemoLanguage;
  readonly channelPreference: Channel;
  readonly late: boolean;
  readonly inPeak: boolean;
}

/**
 * A deterministic year of a mid-size shop, with the stories of the README: a supplier's bad
 * lot in the last three weeks, a listing change that brings `not_as_described` returns,
 * weekend claims that wait until Monday, late deliveries that pull ratings down, and the
 * Black Friday / December peak followed by January returns.
 */
export function generateDemoShop(options: DemoOptions = {}): DemoShop {
  const random = new Random(options.seed ?? 20_261_123);
  const end = startOfUtcDay(options.end ?? new Date());
  const start = new Date(end.getTime() - 364 * DAY);
  const scale = options.scale ?? 1;
  const endT = end.getTime();

  const suppliers = generateSuppliers(random);
  const supplierById = new Map(suppliers.map((s) => [s.externalId, s]));
  const products = generateProducts(
    random,
    suppliers,
    options.products ?? 1500,
    new Date(endT - 8 * 7 * DAY + 3 * DAY),
  );
  const tables = new Map<DemoCategory, WeightedTable<DemoProduct>>();
  for (const category of DEMO_CATEGORIES) {
    const inCategory = products.filter((p) => p.category === category);
    tables.set(
      category,
      new WeightedTable(
        inCategory,
        inCategory.map((p) => p.popularity),
      ),
    );
  }
  const storyLotFrom = endT - 35 * DAY;

  const sales: DemoSale[] = [];
  const claims: DemoClaim[] = [];
  const feedback: DemoFeedback[] = [];
  const customers: { id: string; language: DemoLanguage; channel: Channel }[] = [];
  const languageTable = new WeightedTable(
    DEMO_LANGUAGES.map((l) => l.code),
    DEMO_LANGUAGES.map((l) => l.share),
  );
  const channelTable = new WeightedTable<Channel>(
    [...CHANNELS],
    [0.15, 0.3, 0.25, 0.15, 0.1, 0.05],
  );
  let orderNumber = 100_000;

  const baseOrders = 580 * scale;
  for (let dayT = start.getTime(); dayT < endT; dayT += DAY) {
    const day = new Date(dayT);
    const month = day.getUTCMonth();
    const growth = 0.92 + (0.16 * (dayT - start.getTime())) / (endT - start.getTime());
    const orders = random.poisson(
      baseOrders * seasonality(day) * WEEKDAY_FACTOR[day.getUTCDay()] * growth,
    );
    const inPeak = seasonality(day) > 1.5;
    const categoryWeights = DEMO_CATEGORIES.map(
      (c) => CATEGORY_PROFILES[c].share * (CATEGORY_SEASON[c]?.(month) ?? 1),
    );
    const categoryTable = new WeightedTable(DEMO_CATEGORIES, categoryWeights);

    for (let o = 0; o < orders; o++) {
      const orderId = `SO-${++orderNumber}`;
      const returning = customers.length > 500 && random.chance(0.3);
      const customer = returning
        ? random.pick(customers)
        : {
            id: `C-${String(customers.length + 1).padStart(6, '0')}`,
            language: languageTable.pick(random),
            channel: channelTable.pick(random),
          };
      if (!returning) customers.push(customer);

      // Evening-heavy order times.
      const hour =
        random.weighted([8, 10, 12, 14, 16, 18, 20, 22], [3, 6, 8, 7, 7, 9, 11, 6]) +
        random.next() * 2;
      const orderedAt = dayT + hour * HOUR;
      const promisedAt = orderedAt + random.int(2, 4) * DAY;
      const late = random.chance(inPeak ? 0.17 : 0.06);
      const deliveredT = late
        ? promisedAt + random.between(1, 9) * DAY
        : promisedAt - random.between(0, 1.5) * DAY;
      const deliveredAt = deliveredT <= endT ? new Date(deliveredT) : null;
      const lines = 1 + (random.chance(0.3) ? 1 : 0) + (random.chance(0.08) ? 1 : 0);

      for (let line = 1; line <= lines; line++) {
        const product = tables.get(categoryTable.pick(random))!.pick(random);
        const sale: DemoSale = {
          externalId: `${orderId}-${line}`,
          orderId,
          sku: product.sku,
          quantity: random.chance(0.9) ? 1 : random.int(2, 3),
          unitPrice: product.unitPrice,
          currency: CURRENCY,
          orderedAt: new Date(orderedAt),
          promisedAt: new Date(promisedAt),
          deliveredAt,
          customerId: customer.id,
        };
        sales.push(sale);
        const context: ClaimContext = {
          sale,
          product,
          supplier: supplierById.get(product.supplierId)!,
          language: customer.language,
          channelPreference: customer.channel,
          late,
          inPeak,
        };
        const reason = pickClaimReason(
          random,
          context,
          orderedAt >= storyLotFrom,
          seasonality(day) > 2,
        );
        const claim = reason ? buildClaim(random, context, reason, claims.length + 1, endT) : null;
        if (claim) {
          claims.push(claim);
          if (claim.resolvedAt && random.chance(0.25))
            feedback.push(buildCsat(random, claim, context.language, feedback.length + 1, endT));
        }
        if (deliveredAt && random.chance(0.12)) {
          const review = buildReview(random, context, claim, feedback.length + 1, endT);
          if (review) feedback.push(review);
        }
      }
    }
  }

  claims.sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
  feedback.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return { start, end, suppliers, products, sales, claims, feedback };
}

function pickClaimReason(
  random: Random,
  c: ClaimContext,
  inStoryLot: boolean,
  blackFridayWeek: boolean,
): ReasonCode | null {
  const rates = CATEGORY_PROFILES[c.product.category].reasonRates;
  const listingChanged =
    c.product.listingChangedAt !== null && c.sale.orderedAt >= c.product.listingChangedAt;
  let u = random.next();
  const take = (reason: ReasonCode, rate: number): boolean => {
    u -= rate;
    return u < 0;
  };
  for (const [reason, base] of Object.entries(rates) as [ReasonCode, number][]) {
    let rate = base * PRODUCT_REASON_SCALE;
    if (reasonCategoryOf(reason) === 'product_quality') rate *= c.supplier.quality;
    if (reason === 'product_defect' && c.supplier.externalId === STORY_SUPPLIER_ID && inStoryLot)
      rate *= 7;
    if (reason === 'not_as_described' && listingChanged) rate *= 9;
    if (reason === 'changed_mind' && c.sale.orderedAt.getUTCMonth() === 11) rate *= 1.6;
    if (reason === 'damaged_in_transit' && c.inPeak) rate *= 1.5;
    if (take(reason, rate)) return reason;
  }
  for (const [reason, base] of Object.entries(COMMON_REASON_RATES) as [ReasonCode, number][]) {
    let rate = base;
    if (reason === 'promo_terms_unclear' && blackFridayWeek) rate *= 6;
    if (reason === 'slow_response' && c.inPeak) rate *= 3;
    if (take(reason, rate)) return reason;
  }
  if (c.late && take('late_delivery', 0.15)) return 'late_delivery';
  return null;
}

function claimTypeFor(random: Random, reason: ReasonCode, daysSinceDelivery: number): ClaimType {
  switch (reason) {
    case 'product_defect':
      if (daysSinceDelivery > 30) return 'warranty_repair';
      return random.weighted<ClaimType>(
        ['return_defective', 'exchange', 'warranty_repair'],
        [0.65, 0.15, 0.2],
      );
    case 'missing_parts':
      return random.weighted<ClaimType>(
        ['complaint', 'exchange', 'return_defective'],
        [0.4, 0.4, 0.2],
      );
    case 'not_as_described':
      return random.chance(0.8) ? 'return' : 'exchange';
    case 'wrong_size':
      return random.chance(0.6) ? 'exchange' : 'return';
    case 'wrong_item':
      return random.chance(0.6) ? 'exchange' : 'return';
    case 'damaged_in_transit':
      return random.chance(0.5) ? 'return_defective' : 'exchange';
    case 'changed_mind':
    case 'found_cheaper':
      return 'return';
    case 'usage_question':
    case 'installation_help':
      return random.chance(0.4) ? 'return_defective' : 'complaint';
    default:
      return 'complaint';
  }
}

/** Days from delivery (or from the promise, for late orders) until the customer opens the claim. */
function openingDelayDays(random: Random, reason: ReasonCode): number {
  switch (reason) {
    case 'product_defect':
      return random.chance(0.1) ? random.between(31, 200) : 0.5 + random.exponential(7);
    case 'changed_mind':
    case 'found_cheaper':
      return 0.5 + random.exponential(5);
    case 'late_delivery':
      return random.between(1, 4);
    case 'damaged_in_transit':
    case 'missing_parts':
    case 'wrong_item':
      return random.between(0, 2);
    default:
      return 0.3 + random.exponential(3);
  }
}

function buildClaim(
  random: Random,
  c: ClaimContext,
  reason: ReasonCode,
  n: number,
  endT: number,
): DemoClaim | null {
  const deliveredT = c.sale.deliveredAt?.getTime();
  const baseT = reason === 'late_delivery' ? c.sale.promisedAt.getTime() : (deliveredT ?? null);
  if (baseT === null) return null;
  const delay = openingDelayDays(random, reason);
  // Claims are opened in waking hours.
  let openedT = Math.floor((baseT + delay * DAY) / DAY) * DAY + random.between(7, 23) * HOUR;
  if (openedT < c.sale.orderedAt.getTime()) openedT = c.sale.orderedAt.getTime() + HOUR;
  if (openedT >= endT) return null;

  const type = claimTypeFor(random, reason, deliveredT ? (openedT - deliveredT) / DAY : 0);
  const channel = random.chance(0.8) ? c.channelPreference : random.pick(CHANNELS);

  // First response: chat answers within minutes in working hours; everything else queues.
  // Nobody works weekends, so Friday-evening and weekend claims wait for Monday's backlog.
  const queueMedian =
    { chat: 0.3, phone: 1, web_form: 3, email: 5, marketplace: 6, store: 2 }[channel] *
    (c.inPeak ? 2 : 1);
  const opensOffHours = !isWorking(openedT);
  const mondayBacklog =
    new Date(nextWorkingStart(openedT)).getUTCDay() === 1 && opensOffHours ? 2.5 : 1;
  const responseT = addWorkingHours(openedT, random.logNormal(queueMedian * mondayBacklog, 0.8));
  const breachedFirstResponse = responseT - openedT > 24 * HOUR;

  const handlingDays: Record<ClaimType, [number, number]> = {
    return: [3, 13],
    return_defective: [4, 16],
    exchange: [5, 17],
    warranty_repair: [12, 60],
    complaint: [0.2, 5],
  };
  const [minDays, maxDays] = handlingDays[type];
  const resolvedT = responseT + random.between(minDays, maxDays) * DAY * (c.inPeak ? 1.2 : 1);

  let inspection: InspectionOutcome | null = null;
  let resolution: Resolution;
  if (reason === 'damaged_in_transit') {
    inspection = 'transit_damage';
    resolution = random.chance(0.5) ? 'refund' : 'replacement';
  } else if (type === 'return_defective' || type === 'warranty_repair') {
    const defectLike = reasonCategoryOf(reason) === 'product_quality';
    inspection = defectLike
      ? random.weighted<InspectionOutcome>(
          ['confirmed_defect', 'no_fault_found', 'customer_fault', 'not_inspected'],
          [0.72, 0.12, 0.08, 0.08],
        )
      : random.weighted<InspectionOutcome>(
          ['no_fault_found', 'customer_fault', 'not_inspected'],
          [0.7, 0.1, 0.2],
        );
    if (inspection === 'confirmed_defect' || inspection === 'not_inspected') {
      resolution =
        type === 'warranty_repair'
          ? random.chance(0.7)
            ? 'repair'
            : 'replacement'
          : random.chance(0.6)
            ? 'refund'
            : 'replacement';
    } else {
      resolution = random.chance(0.7) ? 'rejected' : 'store_credit';
    }
  } else if (type === 'return') {
    inspection = 'not_inspected';
    resolution = random.weighted<Resolution>(
      ['refund', 'store_credit', 'rejected'],
      [0.9, 0.07, 0.03],
    );
  } else if (type === 'exchange') {
    inspection = 'not_inspected';
    resolution = random.chance(0.93) ? 'replacement' : 'refund';
  } else {
    resolution = random.weighted<Resolution>(
      ['store_credit', 'partial_refund', 'rejected', 'refund'],
      [0.4, 0.25, 0.25, 0.1],
    );
  }

  const goodsValue = c.product.unitPrice * c.sale.quantity;
  const refundAmount =
    resolution === 'refund'
      ? goodsValue
      : resolution === 'partial_refund'
        ? Math.round(goodsValue * random.between(0.1, 0.4) * 100) / 100
        : resolution === 'store_credit'
          ? random.pick([5, 10, 15, 20])
          : null;
  // Handling cost, derived without a random draw (the rest of the shop stays as it was): a
  // replacement costs the goods at cost price (60 % of retail) and shipping both ways, a repair
  // labour and parts per unit.
  const costAmount =
    resolution === 'replacement'
      ? Math.round((goodsValue * 0.6 + 12.4) * 100) / 100
      : resolution === 'repair'
        ? Math.round((c.product.unitPrice * 0.3 + 18) * c.sale.quantity * 100) / 100
        : null;
  const refundT =
    refundAmount !== null && resolution !== 'store_credit'
      ? resolvedT + random.exponential(2.5) * DAY
      : null;

  const cancelled = random.chance(0.02);
  const resolved = cancelled ? openedT + random.between(0.5, 3) * DAY <= endT : resolvedT <= endT;
  const responded = responseT <= endT;
  const status: ClaimStatus =
    cancelled && resolved
      ? 'cancelled'
      : resolved
        ? 'resolved'
        : responded
          ? 'in_progress'
          : 'open';
  const done = status === 'resolved';
  const stated = random.chance(channel === 'email' || channel === 'phone' ? 0.85 : 0.95);

  return {
    externalId: `CL-${String(n).padStart(6, '0')}`,
    type,
    channel,
    orderId: c.sale.orderId,
    sku: c.sale.sku,
    quantity: c.sale.quantity,
    // Marketplace return forms default to "changed my mind": some customers with a faulty item
    // leave it, and only their text says what happened (a stated-vs-text mismatch to find).
    statedReasonCode: stated
      ? reason === 'product_defect' && channel === 'marketplace' && n % 5 === 0
        ? 'changed_mind'
        : reason
      : null,
    reasonText: !stated || random.chance(0.7) ? CLAIM_TEXTS[c.language][reason] : null,
    openedAt: new Date(openedT),
    firstResponseAt: responded ? new Date(responseT) : null,
    resolvedAt:
      status === 'cancelled' ? new Date(openedT + DAY) : done ? new Date(resolvedT) : null,
    refundedAt: done && refundT !== null && refundT <= endT ? new Date(refundT) : null,
    status,
    resolution: done ? resolution : null,
    refundAmount: done ? refundAmount : null,
    costAmount: done ? costAmount : null,
    currency: done && (refundAmount !== null || costAmount !== null) ? CURRENCY : null,
    inspectionOutcome: done || status === 'in_progress' ? inspection : null,
    contactCount:
      1 + Math.floor(random.exponential(0.35)) + (breachedFirstResponse ? random.int(1, 2) : 0),
    assignee: responded
      ? opensOffHours && random.chance(0.3)
        ? 'Weekend rota'
        : random.pick(AGENTS)
      : null,
    customerId: c.sale.customerId,
  };
}

const CLAIM_ASPECT: Partial<Record<ReasonCode, ReviewAspect>> = {
  product_defect: 'quality_bad',
  missing_parts: 'quality_bad',
  not_as_described: 'description',
  wrong_size: 'size',
  damaged_in_transit: 'packaging',
  late_delivery: 'delivery_late',
  slow_response: 'service_bad',
};

function composeText(
  random: Random,
  language: DemoLanguage,
  rating: number,
  aspects: readonly ReviewAspect[],
): string {
  const phrases = REVIEW_PHRASES[language];
  const opener = random.pick(
    rating >= 4 ? phrases.positive : rating === 3 ? phrases.neutral : phrases.negative,
  );
  const sentences = aspects.map((aspect) => random.pick(phrases.aspects[aspect]));
  return random.chance(0.5) ? [opener, ...sentences].join(' ') : [...sentences, opener].join(' ');
}

function buildReview(
  random: Random,
  c: ClaimContext,
  claim: DemoClaim | null,
  n: number,
  endT: number,
): DemoFeedback | null {
  const createdT = c.sale.deliveredAt!.getTime() + random.between(1, 21) * DAY;
  if (createdT >= endT) return null;
  const claimAspect = claim?.statedReasonCode ? CLAIM_ASPECT[claim.statedReasonCode] : undefined;
  // Rating: mostly happy customers; a claim or a late parcel pulls it down.
  let rating = random.weighted([5, 4, 3, 2, 1], [0.56, 0.23, 0.09, 0.05, 0.07]);
  if (claimAspect && claimAspect !== 'delivery_late')
    rating = random.weighted([1, 2, 3], [0.6, 0.3, 0.1]);
  else if (c.late)
    rating = Math.max(1, rating - random.weighted([0, 1, 2, 3], [0.25, 0.3, 0.3, 0.15]));

  const aspects: ReviewAspect[] = [];
  if (claimAspect) aspects.push(claimAspect);
  if (c.late && random.chance(0.8) && !aspects.includes('delivery_late'))
    aspects.push('delivery_late');
  if (aspects.length === 0) {
    if (rating >= 4)
      aspects.push(
        random.pick<ReviewAspect>(['quality_good', 'delivery_fast', 'price_good', 'quality_good']),
      );
    else if (rating <= 2)
      aspects.push(random.pick<ReviewAspect>(['quality_bad', 'description', 'packaging']));
  }
  const withText = random.chance(0.85);
  return {
    externalId: `RV-${String(n).padStart(6, '0')}`,
    source: random.chance(0.7) ? 'review' : 'marketplace_review',
    sku: c.sale.sku,
    orderId: c.sale.orderId,
    claimId: null,
    rating,
    text: withText ? composeText(random, c.language, rating, aspects) : null,
    createdAt: new Date(createdT),
  };
}

function buildCsat(
  random: Random,
  claim: DemoClaim,
  language: DemoLanguage,
  n: number,
  endT: number,
): DemoFeedback {
  const createdT = Math.min(
    endT - HOUR,
    claim.resolvedAt!.getTime() + random.between(0.1, 3) * DAY,
  );
  const slow =
    claim.firstResponseAt !== null &&
    claim.firstResponseAt.getTime() - claim.openedAt.getTime() > 24 * HOUR;
  const rating = slow
    ? random.weighted([1, 2, 3, 4], [0.35, 0.3, 0.2, 0.15])
    : random.weighted([5, 4, 3, 2, 1], [0.5, 0.25, 0.12, 0.07, 0.06]);
  const text = random.chance(0.5)
    ? composeText(random, language, rating, [rating >= 4 ? 'service_good' : 'service_bad'])
    : null;
  return {
    externalId: `CS-${String(n).padStart(6, '0')}`,
    source: 'csat',
    sku: claim.sku,
    orderId: claim.orderId,
    claimId: claim.externalId,
    rating,
    text,
    createdAt: new Date(createdT),
  };
}
