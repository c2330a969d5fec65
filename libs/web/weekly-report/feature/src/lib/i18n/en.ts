/**
 * English, the source of the Weekly report page's texts (scope `weekly`). Every other language:
 * `apps/web/public/i18n/weekly/<language>.json`, the same keys.
 */
export const WEEKLY_MESSAGES = {
  title: 'Weekly report',
  lede: 'What came back this week, why, and what changed against normal.',
  weekPicker: {
    label: 'Choose the week',
    previous: 'Previous week',
    next: 'Next week',
    latest: 'Latest complete week',
  },
  error: {
    title: 'The weekly report could not be loaded',
    retry: 'Try again',
  },
  incomplete:
    "The data ends on {date}: this week is incomplete, so its figures are lower than the real week's.",
  kpis: {
    label: 'Key figures',
    claims: 'Claims received',
    units: 'Units in claims',
    returnRate: 'Return rate · orders of {week}',
    returnRateBaseline: 'the 4 order weeks before',
    refunds: 'Refunds paid ({currency})',
    firstResponse: 'First response (median)',
    firstResponseOpen:
      'First response (median, {count, plural, one {# still open} other {# still open}})',
    slaMatureWeek: '{policy} · {week}, latest mature week',
    slaPending: '{label} (this week: {count, plural, one {# not yet due} other {# not yet due}})',
    slaBaseline: 'the mature weeks of the 4 before',
    netSentiment: 'Net sentiment',
    loading: 'Loading key figures',
  },
  drill: {
    withWeek: '{title}, {week}',
    firstResponse: 'Claims timed for first response, {week}',
    feedback: 'Feedback, {week}',
    refunds: 'Refunds paid ({currency}), {week}',
    slaBreached: '{policy}: breached, {week}',
    cohort: 'Returns of the orders of {week}',
    cohortSoFar: 'Returns of the orders of {week} (so far)',
    claimsOf: 'Claims of {week}',
    trend: 'Claims per week, last 12 weeks',
  },
  operations: {
    label: 'Case-study figures',
    processingTime: 'Processing time (median)',
    satisfaction: 'Customer satisfaction',
    repeatContacts: 'Repeat contacts',
    goodsReturned: 'Goods returned',
    targetAtMost: 'target ≤ {target}',
    targetAtLeast: 'target ≥ {target}',
    previous: 'previous period {value}',
    stillOpen: '{count, plural, one {# still open} other {# still open}}',
    rated: '{count, plural, one {# rated answer} other {# rated answers}}',
    ordersOfWeek: 'orders of the week of {week}',
    ordersOfWeeks: 'orders of {count, plural, one {# week} other {# weeks}}',
    noMatureWeek: 'no mature order week yet',
    why: 'Why this number: {label}',
    meets: 'meets its target',
    misses: 'misses its target',
    loading: 'Loading processing time, satisfaction, repeat contacts and returns…',
  },
  movers: {
    title: 'Movers: rates that changed against their own baseline',
    definition:
      'Each supplier’s defect rate and each product’s claim rate (per unit sold in the 4 weeks before), and each reason’s share of claims, against the same rate over the {weeks} weeks before; all {candidates} tested together (Benjamini–Hochberg, q < 0.05), largest change first. Choose one to filter the report by it.',
    kind: {
      reason: 'Reason',
      product: 'Product',
      supplier: 'Supplier',
    },
    rate: {
      defectRate: 'defect rate',
      claimRate: 'claim rate',
      reasonShare: 'share of claims',
    },
    figure: '{rate} {value} vs {baseline} ({times})',
    new: 'new',
    qTitle: 'Benjamini–Hochberg adjusted p-value',
    evidence: {
      defectRate:
        '{count, plural, one {# defect unit} other {# defect units}} this week against {average} a week in the {weeks} weeks before',
      claimRate:
        '{count, plural, one {# claim} other {# claims}} this week against {average} a week in the {weeks} weeks before',
      reasonShare:
        '{count, plural, one {# claim} other {# claims}} this week against {average} a week in the {weeks} weeks before',
    },
    mostly: '{evidence}, mostly {reason}',
    untestedIncomplete:
      'Not tested: this week is not over yet. Movers are tested on complete weeks only.',
    none: 'No significant change this week: none of the {count} rates compared moved beyond its own baseline (q < 0.05).',
  },
  pareto: {
    subject: 'Claims by reason',
    definition:
      'Claims opened in {week} by reason (stated by the shop, inferred from the text, or “Other”), largest first; the line is the cumulative share. Colours are reason categories. Click a bar to open its claims (and, from there, the report for that reason only).',
    chartLabel: 'Claims by reason: {data}',
    row: '{reason}: {count, plural, one {# claim} other {# claims}}',
    asTable: 'View as table',
    reason: 'Reason',
    claims: 'Claims',
    share: 'Share',
    cumulative: 'Cumulative',
    empty: 'No claims were opened in this week.',
    emptyHintBefore: 'Choose another week with the arrows above, or import claims on the',
    emptyHintLink: 'Data',
    emptyHintAfter: 'page.',
  },
  cohort: {
    title: 'Return rate by order week',
    definition:
      'Units of each week’s orders that came back (returns, defective returns, exchanges — whenever they were opened) ÷ units ordered that week. A week is final once {days} days have passed after it (data through {asOf}); faint bars are still in their return window and only “so far”. Click a bar to open its returns.',
    unmatched:
      '{unmatched} of {opened} returns opened in these weeks name no known order line and are in no week.',
    chartLabel: 'Return rate by order week: {data}',
    noSales: 'no sales',
    soFar: '{rate} so far',
  },
  trend: {
    title: 'Claims per week by reason category, last 12 weeks',
    subject: 'Claims per week',
    definition:
      'Claims by the ISO week they were opened in ({timeZone}), stacked by reason category. Click a point to open its claims.',
    chartLabel: 'Claims per week by category: {data}',
  },
  loadingReasons: 'Loading the reasons…',
  loadingTrend: 'Loading the 12-week trend…',
} as const;
