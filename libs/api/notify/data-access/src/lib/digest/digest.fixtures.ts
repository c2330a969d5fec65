import type {
  KpiComparison,
  Mover,
  SlaOpenClaim,
  SlaPolicyKpi,
  SupplierScore,
  SupplierScorecard,
  WeeklyReport,
} from '@returnlens/shared/contracts';

/** Hand-made figures for the digest tests (no database): what the analytics queries answer. */
export const WEEK = { week: '2026-W48', start: '2026-11-23', end: '2026-11-29' };

export function kpi(
  value: number,
  baseline: number,
  extra: Partial<KpiComparison> = {},
): KpiComparison {
  return {
    value,
    baseline,
    change: value - baseline,
    relativeChange: baseline === 0 ? null : (value - baseline) / baseline,
    pValue: 0.4,
    significant: false,
    sparkline: [baseline, baseline, value],
    ...extra,
  };
}

export const KESTREL: Mover = {
  kind: 'supplier',
  key: 'SUP-004',
  label: 'Kestrel Electronics',
  metric: 'defect_rate',
  value: 0.0312,
  baseline: 0.0121,
  count: 45,
  baselineCount: 116,
  exposure: 1442,
  baselineExposure: 9587,
  rateRatio: 2.58,
  direction: 'up',
  topReason: 'product_defect',
  pValue: 0.0001,
  qValue: 0.0031,
};

export function report(extra: Partial<WeeklyReport> = {}): WeeklyReport {
  return {
    timeZone: 'UTC',
    week: WEEK,
    weekComplete: true,
    returnCohorts: {
      returnWindowDays: 30,
      asOf: '2026-11-29',
      weeks: [],
      unmatchedReturns: 0,
      returnsOpened: 0,
    },
    baselineWeeks: [],
    claimsReceived: kpi(512, 480.25, { pValue: 0.21 }),
    unitsReturned: kpi(600, 590, { pValue: 0.7 }),
    pareto: [
      {
        reasonCode: 'product_defect',
        reasonLabel: 'Product defect',
        category: 'product_quality',
        claims: 160,
        share: 0.3125,
        cumulativeShare: 0.3125,
      },
      {
        reasonCode: 'wrong_size',
        reasonLabel: 'Wrong size',
        category: 'listing_accuracy',
        claims: 100,
        share: 0.1953,
        cumulativeShare: 0.5078,
      },
    ] as WeeklyReport['pareto'],
    trendWeeks: [],
    trend: [],
    dataThrough: '2026-11-29T20:00:00.000Z',
    kpis: {
      returnRate: kpi(0.081, 0.079, {
        week: { week: '2026-W44', start: '2026-10-26', end: '2026-11-01' },
        pValue: 0.5,
      }),
      refundsPaid: [{ currency: 'EUR', kpi: kpi(1200, 1000) }],
      medianFirstResponseHours: kpi(5.25, 4.5),
      firstResponseStillOpen: 3,
      slaPolicies: [],
      netSentiment: kpi(0.234, 0.2),
    },
    movers: [KESTREL],
    moversTest: { candidates: 240, baselineWeeks: 8 },
    ...extra,
  };
}

export function supplier(extra: Partial<SupplierScore> = {}): SupplierScore {
  return {
    supplierId: 'SUP-004',
    name: 'Kestrel Electronics',
    unitsSold: 14500,
    claims: 520,
    defectUnits: 450,
    defectRate: 0.031,
    ppm: 31034,
    ci95: { lower: 0.028, upper: 0.034 },
    limits95: { lower: 0.01, upper: 0.015 },
    limits998: { lower: 0.008, upper: 0.02 },
    signal: 'above',
    trend: [],
    topReasons: [{ reasonCode: 'product_defect', claims: 300 }],
    netSentiment: null,
    feedbackItems: 0,
    ...extra,
  };
}

export function scorecard(suppliers: SupplierScore[]): SupplierScorecard {
  return {
    period: {
      timeZone: 'UTC',
      from: { week: '2026-W37', start: '2026-09-07', end: '2026-09-13' },
      to: WEEK,
      weeks: [],
      source: 'rollup',
    },
    overallDefectRate: 0.012,
    suppliers,
  };
}

export function policy(extra: Partial<SlaPolicyKpi> = {}): SlaPolicyKpi {
  return {
    policyId: 1,
    name: 'First response 24 h',
    metric: 'first_response',
    targetHours: 24,
    pending: 0,
    immature: false,
    kpi: kpi(0.912, 0.94, { pValue: 0.3 }),
    ...extra,
  };
}

export function openClaim(extra: Partial<SlaOpenClaim> = {}): SlaOpenClaim {
  return {
    externalId: 'C-1042',
    policyId: 1,
    policy: 'First response 24 h',
    type: 'return',
    channel: 'email',
    assignee: 'Anna',
    openedAt: '2026-12-03T09:00:00.000Z',
    deadline: '2026-12-04T09:00:00.000Z',
    hoursLeft: -5,
    ...extra,
  };
}
