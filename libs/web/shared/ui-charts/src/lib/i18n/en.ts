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
} as const;
