/**
 * What digests, alert mails and webhooks say, in English: the source of the other languages
 * (`ru.json`, `pl.json`, … beside this file, the same keys) and the fallback for a message a
 * language lacks. ICU MessageFormat: `{name}` is a value put in, `{count, plural, …}` takes the
 * language's plural forms. Names the shop wrote (suppliers, products, policies, rules) are put
 * in as values, never translated.
 */
export const NOTIFY_MESSAGES = {
  role: {
    owner: 'Owner digest',
    buyer: 'Buyer digest',
    manager: 'Service manager digest',
  },
  filter: {
    supplier: 'Supplier',
    product: 'Product',
    category: 'Category',
    channel: 'Channel',
    type: 'Claim type',
    reasonCategory: 'Reason category',
    reason: 'Reason',
    language: 'Language',
  },
  reason: {
    product_defect: 'Product defect',
    missing_parts: 'Missing parts',
    not_as_described: 'Not as described',
    wrong_size: 'Wrong size',
    wrong_item: 'Wrong item',
    damaged_in_transit: 'Damaged in transit',
    late_delivery: 'Late delivery',
    changed_mind: 'Changed mind',
    found_cheaper: 'Found cheaper',
    price_error: 'Price error',
    shown_in_stock_but_not: 'Shown in stock but not',
    promo_terms_unclear: 'Promo terms unclear',
    delivery_terms_unclear: 'Delivery terms unclear',
    intrusive_contact: 'Intrusive contact',
    slow_response: 'Slow response',
    usage_question: 'Usage question',
    installation_help: 'Installation help',
    other: 'Other',
  },
  channel: {
    phone: 'Phone',
    email: 'Email',
    web_form: 'Web form',
    chat: 'Chat',
    marketplace: 'Marketplace',
    store: 'Store',
  },
  type: {
    return: 'Return',
    return_defective: 'Return defective',
    exchange: 'Exchange',
    warranty_repair: 'Warranty repair',
    complaint: 'Complaint',
  },
  unit: {
    percentagePoints: '{value} pp',
    points: '{value} pts',
  },
  untested: {
    incomplete_week: 'not tested: the week is not over yet',
    immature: 'not tested: not mature yet (returns or deadlines still to come)',
    too_few: 'not tested: too few observations',
  },
  verdict: {
    noTest: 'compared without a test',
    rise: 'a significant rise ({test})',
    fall: 'a significant fall ({test})',
    normal: 'within normal variation ({test})',
  },
  kpi: {
    sentence: '{label}: {value} against {baseline} on average in {of} ({change}), {verdict}',
    sentenceWeekly:
      '{label}: {value} against {baseline} a week on average in {of} ({change}), {verdict}',
    of: {
      weeks: 'the 4 weeks before',
      orderWeeks: 'the 4 order weeks before',
      matureWeeks: 'the mature weeks of the 4 before',
    },
    claimsReceived: 'Claims received',
    unitsInClaims: 'Units in claims',
    returnRate: 'Return rate (orders of {week}, the latest mature order week)',
    returnRateUntested:
      'Return rate: no order week is mature yet (returns still to come), so it is not tested.',
    firstResponse: 'First response (median)',
    firstResponseOpen: 'First response (median, {count} still open)',
    netSentiment: 'Net sentiment',
    refunds: 'Refunds paid ({currency})',
  },
  mover: {
    rate: {
      defect_rate: 'defect rate',
      claim_rate: 'claim rate',
      reason_share: 'share of claims',
    },
    events: {
      defect_rate: '{count, plural, one {# defect unit} other {# defect units}}',
      claim_rate: '{count, plural, one {# claim} other {# claims}}',
      reason_share: '{count, plural, one {# claim} other {# claims}}',
    },
    up: '{label}: {rate} {value} against {baseline} ({test}), {events}',
    down: '{label}: {rate} down to {value} against {baseline} ({test}), {events}',
    normal: 'this week against {average} a week in the {weeks} weeks before',
    tested:
      '{count, plural, one {# rate} other {# rates}} compared with their own {weeks} weeks before (Benjamini–Hochberg, q < 0.05).',
    untested: 'Movers of {week} are {untested}; movers are tested on complete weeks only.',
  },
  mostly: 'mostly {reason}',
  quiet: {
    untested:
      'Nothing moved significantly in {period}: {untested}, so nothing is called significant.',
    owner:
      'Nothing moved significantly in {period}: no mover and no key figure beyond its normal variation.',
    buyer:
      'Nothing moved significantly in {period}: no supplier is beyond its 99.8% control limit or rose significantly.',
    manager:
      "Nothing moved significantly in {period}: no new SLA breach, no claim at risk and no policy's attainment fell significantly.",
    managerSince:
      "Nothing moved significantly in {period}: no new SLA breach since {since}, no claim at risk and no policy's attainment fell significantly.",
  },
  supplier: {
    limit:
      '{name}: defect rate {rate} over {range}, above its 99.8% control limit of {limit} (all suppliers {overall}); {defects, plural, one {# defect unit} other {# defect units}} of {sold, plural, one {# unit sold} other {# units sold}}',
    rise: '{name}: defect rate rose to {rate} in {week} against {baseline} in the {weeks} weeks before ({test}), {defects, plural, one {# defect unit} other {# defect units}} against {average} a week before',
  },
  sla: {
    metric: {
      first_response: 'first response',
      resolution: 'resolution',
      refund: 'refund',
    },
    named: '{name} ({metric} within {target})',
    immature:
      '{week} is not mature yet ({count, plural, one {# claim} other {# claims}} not yet due)',
    noneDue: 'no claim of {week} is due yet',
    nothingToMeasure: '{name}: {why}; no week has a due claim to measure.',
    headImmature: '{name}: {immature}; {week}, the latest mature week:',
    head: '{name}: {week}:',
    attainment:
      '{head} {value} met against {baseline} in the mature weeks of the 4 before ({change}), {verdict}',
    unassigned: 'unassigned',
    breach: 'Claim {id} ({who}): {policy} breached, {overdue} overdue (deadline {deadline})',
    breachBusinessHours:
      'Claim {id} ({who}): {policy} breached, {overdue} overdue (business hours)',
    atRisk: 'Claim {id} ({who}): {policy} due in {left} ({deadline})',
    atRiskBusinessHours: 'Claim {id} ({who}): {policy} due in {left} (business hours)',
  },
  digest: {
    subject: '{shop} · {role} · {period} — {summary}',
    week: 'Week {number}, {year}',
    nothingMoved: 'nothing moved significantly',
    supplierPage: 'Supplier page',
    open: 'Open',
    attached: 'Attached: {files}',
    unsubscribe: 'Unsubscribe',
    why: 'You receive this {role, select, owner {owner digest} buyer {buyer digest} other {service manager digest}} because of a subscription on the dashboard.',
  },
  owner: {
    movers: '{count, plural, one {# significant mover} other {# significant movers}}',
    kpis: '{count, plural, one {# key figure beyond normal} other {# key figures beyond normal}}',
    headline: '{summary} in {period}.',
    sectionMovers: 'Significant movers',
    noMover: 'No rate moved significantly in {period}.',
    sectionKpis: 'Key figures against normal',
    sectionReasons: 'Top reasons',
    reason:
      "{reason}: {count, plural, one {# claim} other {# claims}}, {share} of the week's claims (cumulative {cumulative})",
    noClaims: 'No claims in {period}.',
    sectionMoney: 'Money',
    noRefunds: 'No refunds paid in {period}.',
    weeklyForIt: 'Weekly report for it',
    link: 'Open the weekly report',
  },
  buyer: {
    summary: '{count, plural, one {# supplier to look at} other {# suppliers to look at}}',
    headline:
      '{count, plural, one {# supplier beyond its 99.8% control limit or rising significantly} other {# suppliers beyond their 99.8% control limit or rising significantly}} in {period}.',
    quietLimits: 'No supplier is beyond its 99.8% control limit either.',
    evidence:
      '{sentence}. Evidence: {file} ({count, plural, one {# defect claim} other {# defect claims}}).',
    section: 'Suppliers to look at',
    limitsNote:
      "Control limits: funnel limits around all suppliers' defect rate of {rate} over {range}, for each supplier's volume.",
    risesUntested: 'Rises of {period} are not tested: the week is not over yet.',
    rises:
      'Rises: supplier defect rates of {period} against their own {weeks} weeks before (q < 0.05).',
    scope: 'Suppliers over {range}',
    link: 'Open the suppliers scorecard',
  },
  manager: {
    breaches: '{count, plural, one {# new breach} other {# new breaches}}',
    atRisk: '{count} at risk',
    fell: '{count, plural, one {# policy below normal} other {# policies below normal}}',
    headline: 'Since {since}: {summary}.',
    more: '{count} more in {file}.',
    sectionPolicies: 'SLA attainment per policy',
    noPolicy: 'No SLA policy is set.',
    policiesNote:
      'A week counts once every claim of it is due: until then it is immature and not tested.',
    sectionBreaches: 'New breaches since {since}',
    noBreach: 'No open claim passed a deadline since then.',
    breachesNote: 'Open claims past a deadline now: {count} in all.',
    sectionAtRisk: 'At risk now',
    noAtRisk: 'No open claim is close to a deadline.',
    scope: 'Since {since} · report week {range}',
    link: 'Open the SLA page',
  },
  alert: {
    subject: 'Returnlens alert: {rule} ({week})',
    kicker: 'Alert · {week}',
    metric: {
      sla_attainment: 'SLA attainment (a policy)',
      return_rate: 'Return rate (mature order weeks)',
      claims: 'Claims received',
      refunds_paid: 'Refunds paid',
      net_sentiment: 'Net sentiment',
      defect_rate: 'Supplier defect rate',
    },
    kind: {
      threshold: 'threshold',
      change: 'significant change against normal',
      control_limit: 'supplier beyond its 99.8 % control limit',
    },
    about: '{metric}, {kind}',
    aboutFiltered: '{metric}, {kind}; filters: {filters}',
    quietHours:
      'After firing, the rule stays silent for {hours} h; it fires at most once per week.',
    once: 'It fires at most once per week.',
    see: 'See it on the dashboard',
    seeAt: 'See it on the dashboard: {link}',
    rule: 'Rule “{rule}”: {about}. {quiet}',
    stop: 'Stop these alerts',
    stopAt: 'Stop these alerts: {link}',
  },
  alertSentence: {
    in: 'in {week}',
    over: 'over {span}',
    below: '{label}: {value} {when}, below {threshold}{evidence}',
    above: '{label}: {value} {when}, above {threshold}{evidence}',
    moved: {
      up: 'significant rise',
      down: 'significant fall',
      none: 'significant change',
    },
    change: '{label}: {value} {when} ({moved}){evidence}',
    changeTested: '{label}: {value} {when} ({moved}, {test}){evidence}',
    changeNormal: '{label}: {value} {when} against a normal of {normal} ({moved}){evidence}',
    changeNormalTested:
      '{label}: {value} {when} against a normal of {normal} ({moved}, {test}){evidence}',
    controlLimit: '{label}: {value} {when}, above its 99.8 % control limit of {limit}{evidence}',
  },
  alertFigure: {
    sla: 'SLA {policy}',
    returnRate: 'Return rate of the units ordered',
    claims: 'Claims received',
    refunds: 'Refunds paid ({currency})',
    netSentiment: 'Net sentiment',
    defectRate: 'Defect rate',
    supplierDefectRate: 'Defect rate of {supplier}',
  },
  alertEvidence: {
    slaLate: ' — {late} of {due, plural, one {# claim} other {# claims}} late',
    returned:
      ' — {returned} of {sold, plural, one {# unit} other {# units}} came back (the {days}-day return window is over)',
    units: ' — {units, plural, one {# unit} other {# units}}',
    normalWeekly: ' — normal {normal} a week',
    normal: ' — normal {normal}',
    defects:
      ' — {defects, plural, one {# defect unit} other {# defect units}} of {sold, plural, one {# unit sold} other {# units sold}}',
    moverDefects:
      ' — {defects, plural, one {# defect unit} other {# defect units}} against {sold, plural, one {# unit sold} other {# units sold}} in the 4 weeks before',
    moverDefectsMostly:
      ' — {defects, plural, one {# defect unit} other {# defect units}} against {sold, plural, one {# unit sold} other {# units sold}} in the 4 weeks before, mostly {reason}',
    limitDefects:
      ' (all suppliers {overall}) — {defects, plural, one {# defect unit} other {# defect units}} of {sold, plural, one {# unit sold} other {# units sold}}',
  },
} as const;
