import type { MetricDefinition } from './analytics';

/**
 * Every figure the dashboard shows, in plain words (docs/metrics.md) — the "why this number"
 * panel. The computation lives in `@returnlens/shared/metrics` and the API's rollups; this
 * is what a user reads.
 */
export const METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  {
    id: 'claims',
    name: 'Claims received',
    definition:
      'Number of after-sale cases (returns, exchanges, warranty repairs, complaints) opened in the period.',
    includes:
      'Every claim type and channel, whatever its status, counted in the ISO week (Monday start, shop time zone) of its opening.',
    excludes: 'Nothing; a claim updated by a later upload is counted once, in its opening week.',
    clock: 'Week of opened_at in the shop time zone.',
  },
  {
    id: 'units_returned',
    name: 'Units in claims',
    definition: 'Sum of the quantities of the claims opened in the period.',
    includes: 'All claim types; a claim without a quantity counts 1.',
    excludes: 'Nothing.',
    clock: 'Week of opened_at.',
  },
  {
    id: 'return_rate',
    name: 'Return rate (order cohort)',
    definition:
      'Units of the orders placed in a week that came back ÷ units ordered that week — whenever the return was opened. A week’s rate is immature until its return window (a setting, 30 days by default) has passed after the week’s end, counted to the day the data is known through (the newest claim, never later than today); an immature rate is shown as “so far” and never tested. The weekly report’s tile shows the latest mature order week against the four mature weeks before it (two-proportion test). Per supplier, product and category the rate pools the mature order weeks of the period; the immature weeks are shown apart.',
    includes:
      'Claims of type return, defective return and exchange (the goods come back for good), attributed to their order line by order and SKU; sales of the products the filters select.',
    excludes:
      'Warranty repairs and complaints (no goods come back for good). A return whose order line is not in the sales data is in no cohort: the report says how many there are. The channel, type and reason filters narrow the returns but not the sales.',
    clock:
      'Week of the order line’s ordered_at (shop time zone); maturity from the week’s end plus the return window.',
  },

  {
    id: 'defect_rate',
    name: 'Defect rate',
    definition:
      'Defect units ÷ units sold, in % and PPM, with a 95 % Wilson score interval. A claim is a defect when inspected as confirmed_defect, or — when not inspected — when its reason is in the product-quality category.',
    includes:
      'Claims of the supplier’s or product’s SKUs opened in the period; units sold in the period.',
    excludes:
      'Claims inspected as customer fault, no fault found or transit damage; claims without a known SKU.',
    clock:
      'Claims by opened_at week, sales by ordered_at week. Ranking uses the interval’s lower bound, never the bare rate.',
  },
  {
    id: 'funnel',
    name: 'Funnel plot limits',
    definition:
      'Control limits around the overall defect rate p₀ for a supplier’s volume n: p₀ ± z·√(p₀(1−p₀)/n), z = 1.96 (95 %) and 3.09 (99.8 %).',
    includes: 'Suppliers with sales in the period.',
    excludes: 'Suppliers without sales (no rate).',
    clock: 'The selected period.',
  },
  {
    id: 'first_response_time',
    name: 'First response time',
    definition:
      'Time from opening to the first response (first_response_at − opened_at): median and p90 per week of opening, estimated with Kaplan–Meier so that claims still waiting count.',
    includes:
      'Claims opened in the week that have a first response (events), and open claims still waiting for one: each counts as "at least its age so far" (censored), shown as "n still open".',
    excludes:
      'Claims closed without a first response ever being recorded; negative durations (a response before the opening).',
    clock:
      'Calendar hours, or business hours of the shop calendar (working days, opening periods, holidays). Kaplan–Meier estimate at the resolution of the duration histogram: 2 % log buckets, each standing for its geometric middle, so a figure is within about 1 % of the exact time — the same buckets whether the rollups or the raw rows answer. The median is the first time the share still waiting falls below one half (the middle of the step when it is exactly one half); empty while more than half of the claims are still open. Open claims are aged at the start of the current minute (or at `asOf`). A recent week is not final while it has open claims.',
  },
  {
    id: 'resolution_time',
    name: 'Resolution (processing) time',
    definition:
      'Time from opening to resolution (resolved_at − opened_at): Kaplan–Meier median and p90 per week of opening.',
    includes:
      'Resolved claims opened in the week (events) and the open ones, counted as censored at their age now ("n still open").',
    excludes: 'Claims closed without a resolution time; negative durations.',
    clock: 'As first response time.',
  },
  {
    id: 'refund_time',
    name: 'Refund time',
    definition:
      'Time from opening to the refund (refunded_at − opened_at): Kaplan–Meier median and p90 per week of opening.',
    includes:
      'Refunded claims (events), and open, not yet refunded claims of a type a refund policy covers, censored at their age — as if each might still be refunded.',
    excludes:
      'Closed claims without a refund (rejected, replaced, repaired, store credit); open claims of other types.',
    clock: 'As first response time.',
  },
  {
    id: 'sla_attainment',
    name: 'SLA attainment',
    definition:
      'Met ÷ (met + breached) of the claims whose deadline has passed, for each policy (metric, target, claim types) on its own: a claim counts once per policy that covers it. Met: the event happened within the target. Breached: it happened later, or the claim is still open after its deadline.',
    includes:
      'Claims of the policy’s types opened in the period whose deadline (opening + target on the policy’s clock) has passed; for a policy restricted to some resolutions (the refund policy), claims resolved that way.',
    excludes:
      'Claims not yet due, even if already answered: they are pending, so a quick answer does not count before the slow cases of the same week can. A week is immature while any of its claims is pending; it is shown as such and never tested. Open claims under a policy restricted to resolutions are pending until decided (they may end outside it). Closed claims whose event never happened (e.g. resolved without a refund) are left out.',
    clock:
      'The policy’s clock: calendar or business hours. Deadlines are judged at the start of the current minute (or at `asOf`). Without filters, met and breached come from the weekly rollups; the claims opened within one target of now are re-read at query time, and open claims are counted live.',
  },
  {
    id: 'sla_weekly_tile',
    name: 'SLA attainment (weekly report)',
    definition:
      'One tile per policy: its attainment in the reported week — or, while that week still has claims not yet due, in the latest mature week (the tile names it) — against its attainment over the mature weeks among the four before, two-proportion z-test. Each claim counts once, in its own policy’s test.',
    includes: 'Claims of the policy whose deadline has passed, as in SLA attainment.',
    excludes:
      'Immature weeks (some claim not yet due) are never tested and left out of the baseline; the tile says how many claims of the reported week are not yet due. No test without a mature earlier week; no tile while no week has a due claim.',
    clock: 'Deadlines judged at the start of the current minute.',
  },
  {
    id: 'repeat_contact_rate',
    name: 'Repeat contact rate',
    definition: 'Claims with contact count > 1 ÷ claims.',
    includes: 'Claims opened in the period.',
    excludes: 'Nothing.',
    clock: 'Week of opened_at.',
  },
  {
    id: 'return_share',
    name: 'Goods returned (case-study strip)',
    definition:
      'The share of goods returned, as the practice this product encodes tracks it (5 % → 3 %): the order-cohort return rate of the mature order weeks of the period — or, when none is mature yet, of the latest mature week before it (the tile names the weeks).',
    includes: 'As the return rate (order cohort).',
    excludes: 'Immature order weeks.',
    clock: 'Week of ordered_at; maturity as the return rate.',
  },
  {
    id: 'processing_time',
    name: 'Processing time (case-study strip)',
    definition:
      'Median hours from opening to resolution of the claims opened in the period, by the Kaplan–Meier estimate: a claim still open counts as lasting at least its age so far (censored), so the median is not biased towards the quick cases. “–” when more than half are still open and the median is not known yet; the tile says how many are still open.',
    includes: 'Claims opened in the period that are resolved or still open.',
    excludes: 'Cancelled claims without a resolution (nothing was processed).',
    clock: 'Calendar hours, resolved_at − opened_at; open claims judged now.',
  },
  {
    id: 'satisfaction',
    name: 'Customer satisfaction',
    definition:
      'Share of satisfied answers: CSAT and survey answers rated 4 or 5 of 5 (the top two boxes) ÷ all rated CSAT and survey answers.',
    includes: 'CSAT and survey answers with a rating, created in the period.',
    excludes:
      'Product reviews (they rate the product, not the service) and answers without a rating.',
    clock: 'Week of created_at.',
  },
  {
    id: 'case_study_targets',
    name: 'Case-study targets',
    definition:
      'Each strip figure is compared with a target the shop sets (PUT /api/settings/reporting; defaults from the practice: processing time ≤ 24 h, satisfaction ≥ 95 %, repeat contacts ≤ 10 %, goods returned ≤ 3 %) and with the same figure over the period of equal length just before.',
    includes: 'The four strip figures.',
    excludes: 'No significance test: the comparison is descriptive.',
    clock: 'The period and the one before it.',
  },

  {
    id: 'net_sentiment',
    name: 'Net sentiment',
    definition:
      '% positive − % negative of labelled feedback. The label is the rating’s (1–2 negative, 3 neutral, 4–5 positive) when there is a rating, else the label of the text’s sentiment.',
    includes: 'Reviews, surveys and CSAT answers created in the period.',
    excludes: 'Items with neither a rating nor a scored text.',
    clock: 'Week of created_at.',
  },
  {
    id: 'negative_review_share',
    name: 'Negative-review share',
    definition: 'Negative ÷ labelled feedback items.',
    includes: 'As net sentiment.',
    excludes: 'Unlabelled items.',
    clock: 'Week of created_at.',
  },
  {
    id: 'significance',
    name: 'Significant change',
    definition:
      'A week’s count against the mean of the previous four weeks (conditional Poisson test) or a week’s rate against the pooled previous four weeks (two-proportion z-test). Nothing is tested while the reported week is not over (the tile says “not tested”), nor an immature value (an order week inside its return window, an SLA week with deadlines still to come).',
    includes: 'The reported week and the four weeks before it, when the reported week is complete.',
    excludes:
      'Medians, money and net sentiment are compared without a test (no mark). Tiles are not corrected for multiplicity; movers are.',
    clock: 'ISO weeks in the shop time zone.',
  },
  {
    id: 'movers',
    name: 'Movers',
    definition:
      'Rates against their own baseline, with exposure: each supplier’s defect rate and each product’s claim rate (defect units or claims opened in the week ÷ units of it sold in the four weeks before the week — the goods customers hold), and each reason’s share of all claims of the week. Each is compared with its pooled rate over the eight weeks before the reported week by the exact conditional test of two Poisson rates; all are corrected together with Benjamini–Hochberg and shown when q < 0.05, rises and falls, largest change first, with the counts behind them.',
    includes:
      'Every supplier, product and reason with claims in those nine weeks and units sold, except those whose counts are too few to ever reach significance (left out before the correction; filtering on the total count keeps the false discovery rate).',
    excludes: 'An incomplete reported week: movers are not tested and the report says so.',
    clock: 'Claims by opened_at week; sales by ordered_at week; ISO weeks in the shop time zone.',
  },

  {
    id: 'refunds_paid',
    name: 'Refunds paid',
    definition:
      'Sum of the refunds paid in the week, counted in the week the money was paid (refunded_at), whenever the claim was opened; per currency — amounts in different currencies are never added.',
    includes:
      'Claims with a refund date and a refund amount (full and partial refunds). A past week’s total changes only when a refund’s date or amount is corrected.',
    excludes:
      'Refunds not paid yet (an amount without a date), store credit without a payment date, replacements and repairs (see cost of poor quality).',
    clock:
      'Week of refunded_at in the shop time zone. A week that is not over holds the refunds paid so far; the weekly report then compares it with the same part (Monday 00:00 up to the same hour) of the four weeks before, and money is never tested for significance.',
  },
  {
    id: 'resolution_mix',
    name: 'Resolution mix',
    definition:
      'How the claims opened in the period ended: refund, partial refund, replacement, repair, store credit, rejected — or cancelled, closed without a recorded resolution, or still open. Each claim counts once, in its opening week; shares are of all claims of the week, reason or supplier.',
    includes:
      'Every claim of the period. With the mix, the money paid so far on those claims per currency (refunds with a payment date, handling costs).',
    excludes: 'Nothing: the outcomes add up to all claims.',
    clock:
      'Week of opened_at. Open claims are not guessed: they are shown as “still open”, so recent weeks (many claims still open) are not final and their shares of each outcome will still grow.',
  },
  {
    id: 'cost_of_poor_quality',
    name: 'Cost of poor quality',
    definition:
      'Money that went out on claims in the period: refunds paid plus the handling cost the shop recorded (cost_amount: replacement goods, repair, shipping), per supplier, product or reason and per currency — never added across currencies.',
    includes:
      'Refunds with a payment date; handling costs of claims that are resolved or refunded. Each claim counts once, in the week its money went out: the refund’s date, else the date it was resolved.',
    excludes:
      'Costs not recorded in the data (staff time, lost margin), money of open claims not yet paid out, store credit without a payment date.',
    clock:
      'Week of refunded_at, else of resolved_at. A week that is not over holds the money so far.',
  },
];
