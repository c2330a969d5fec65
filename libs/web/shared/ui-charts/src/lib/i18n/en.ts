/**
 * English, the source of the shared charts' and KPI tiles' own texts (scope `charts`). Every
 * other language: `apps/web/public/i18n/charts/<language>.json`, the same keys.
 */
export const CHARTS_MESSAGES = {
  week: 'Week {number}, {year}',
  kpi: {
    defaultBaselineOf: 'the previous 4 weeks',
    baselinePerWeek: 'vs {baseline} a week on average in {baselineOf}',
    baseline: 'vs {baseline} on average in {baselineOf}',
    percentagePoints: '{change} pp',
    points: '{change} pts',
    untested: {
      incompleteWeek: 'Not tested: the week is not over yet',
      immature: 'Not tested: not mature yet (returns or deadlines still to come)',
      tooFew: 'Not tested: too few observations',
    },
    withoutTest: 'Compared with the previous 4 weeks without a test',
    proportionTest: 'two-proportion z-test',
    poissonTest: 'two-sided Poisson rate test',
    significantChange: 'Significant change: {test} against {baselineOf}, {pValue}',
    normalVariation: 'Within normal variation ({test}, {pValue})',
    sparkline: '{label} over the last {count} weeks: {values}',
    significantMark: 'statistically significant',
    recordsOf: 'Records behind {label}',
    viewRecords: 'View records',
  },
  pareto: {
    tooltip:
      '{claims, plural, one {# claim} other {# claims}} · {share} of the week<br/>cumulative {cumulative}',
    claimsAxis: 'Claims',
    cumulativeAxis: 'Cumulative',
    claimsSeries: 'Claims',
    cumulativeSeries: 'Cumulative share',
    eightyPercent: '80% of claims',
    noClaims: 'No claims this week',
    tooFew:
      'Only {count, plural, one {# claim} other {# claims}}: too few for a finding (a headline needs {min})',
    tooFewFiltered:
      'Only {count, plural, one {# claim} other {# claims}} ({filters}): too few for a finding (a headline needs {min})',
    oneReason: 'All {count, plural, one {# claim} other {# claims}} came for one reason: {reason}',
    oneReasonFiltered:
      'All {count, plural, one {# claim} other {# claims}} of {filters} came for one reason: {reason}',
    headline:
      '{first} and {second} make up {share} of claims; {vital} of {reasons} reasons cover 80%',
    headlineFiltered:
      '{first} and {second} make up {share} of the claims of {filters}; {vital} of {reasons} reasons cover 80%',
  },
  trend: {
    tooltipTotal: '{total, plural, one {# claim} other {# claims}}',
    claimsAxis: 'Claims per week',
  },
  cohort: {
    ordersOf: 'Orders of {week}',
    returned: '{returned} of {sold} units returned: {rate}',
    final: 'final',
    soFarOpen: 'so far — the return window is still open',
    soFar: 'so far',
    axis: 'Units returned, % of units ordered',
    series: 'Return rate',
    target: 'Target {target}',
  },
  sentiment: {
    negative: 'Negative',
    neutral: 'Neutral',
    positive: 'Positive',
    net: 'Net sentiment',
    netValue: 'net sentiment {value}',
    counts: '{positive} positive · {neutral} neutral · {negative} negative',
    items: '{count, plural, one {# item} other {# items}}',
    itemsAxis: 'Items',
    ratedFeedback: 'Rated feedback',
    onTime: 'On time',
    late: 'Late',
    deliveryName: '{delivery} · {items} · net {net}',
  },
  funnel: {
    above: 'Above 99.8 % limit',
    warning: 'Above 95 % limit',
    within: 'Within limits',
    below: 'Below lower limit (better)',
    limits95: '95 % limits',
    limits998: '99.8 % limits',
    overall: 'Overall rate',
    withinLimits: 'Within the control limits',
    rate: '{rate} defect rate',
    rateWithInterval: '{rate} defect rate (95 % CI {lower}–{upper})',
    units: '{defects} defect units of {sold} sold',
    unitsAxis: 'Units sold (log scale)',
    rateAxis: 'Defect rate',
    noSales: 'No sales in this period',
    oneAbove: "{name}'s defect rate {rate} is beyond the 99.8 % limit",
    oneAboveTimes:
      "{name}'s defect rate {rate} is beyond the 99.8 % limit — {times}× the overall {overall}",
    manyAbove:
      '{count, plural, one {# supplier is} other {# suppliers are}} beyond the 99.8 % limit: {names}',
    warning95: 'No supplier is beyond the 99.8 % limit; {count} above the 95 % limit',
    warning95Overall:
      'No supplier is beyond the 99.8 % limit; {count} above the 95 % limit (overall {overall})',
    allWithin: 'Every supplier is within the control limits',
    allWithinOverall: 'Every supplier is within the control limits (overall {overall})',
  },
  supplier: {
    noSales: 'no sales',
    allSuppliers: 'all suppliers {rate}',
  },
  sla: {
    hours: '{hours} h',
    days: '{days} d',
    noDecided: 'no decided claims',
    attainmentTooltip: '{share} met · {met} met, {breached} breached',
    attainmentLabel: '{share} · {met} of {total}',
    attainment: 'Attainment',
    goal: '{goal} % goal',
    claims: '{count, plural, one {# claim} other {# claims}}',
    median: 'Median',
    p90: 'p90',
    target: 'target {target}',
    openClaims: 'Open claims',
  },
  aspects: {
    mentions: '{count, plural, one {# mention} other {# mentions}}',
    negative: '{count} negative ({share})',
    neutral: '{count} neutral',
    positive: '{count} positive ({share})',
  },
  rootCauses: {
    claimsShare: '{claims, plural, one {# claim} other {# claims}} · {share} of all',
    cellClaims: '{claims, plural, one {# claim} other {# claims}}',
    otherProducts: 'other products',
    allClaims: 'All claims',
    claimsAxis: 'Claims',
    stated: 'Stated by the shop',
    inferred: 'Inferred from the text',
    statedTooltip: '{stated} stated · {inferred} inferred from the text ({share})',
    noClaims: 'No claims in this period',
    largestCell:
      '{column} × {reason} is the largest cell: {claims, plural, one {# claim} other {# claims}}, {share} of all claims of {column}',
    allStated: 'Every one of the claims came with a stated reason',
    allStatedFiltered: 'Every one of the claims of {filters} came with a stated reason',
    inferredShare:
      '{share} of claims had no stated reason and were read from their text; most often {reason}',
    inferredShareFiltered:
      '{share} of the claims of {filters} had no stated reason and were read from their text; most often {reason}',
    noMismatchData: 'No claims with both a stated reason and a text in this period',
    textAgrees:
      'The text agrees with the stated reason in all {count, plural, one {# claim} other {# claims}} that have one',
    mismatch:
      '{mismatched} of {withText} claims with text ({share}) read as another reason; most often {stated} → {inferred}',
    mismatchPlain: '{mismatched} of {withText} claims with text ({share}) read as another reason',
  },
} as const;
