/**
 * The Root causes page's own messages in English (scope `rootCauses`), the source of
 * apps/web/public/i18n/rootCauses/<language>.json. ICU MessageFormat: `{name}` is a value put in.
 */
export const ROOT_CAUSES_MESSAGES = {
  title: 'Root causes',
  lede: 'What is the root cause? Click any part of a chart to open its claims, and from there narrow every figure to it.',
  /** After the number of claims (in bold). */
  total: '{count, plural, one {claim} other {claims}} in {period}',
  totalInferred: "{inferred} with a reason read from the customer's text",
  analysing:
    'Analysing: {texts, plural, one {# claim text} other {# claim texts}} of {batches, plural, one {# batch} other {# batches}} {texts, plural, one {is} other {are}} still being read. Until then their claims without a stated reason count as "Other", so the reasons are provisional.',
  records: 'Records',
  recordsLink: 'records',
  tree: {
    heading: 'Claims by category, reason and product',
    tooFew:
      'Only {count, plural, one {# claim} other {# claims}}: too few for a finding (a headline needs {min})',
    tooFewFiltered:
      'Only {count, plural, one {# claim} other {# claims}} ({filters}): too few for a finding (a headline needs {min})',
    allOne: 'All {count, plural, one {# claim} other {# claims}} are {category}: {reason}',
    allOneFiltered:
      'All {count, plural, one {# claim} other {# claims}} of {filters} are {category}: {reason}',
    allShare:
      'All {count, plural, one {# claim} other {# claims}} are {category}; {reason} alone {share}',
    allShareFiltered:
      'All {count, plural, one {# claim} other {# claims}} of {filters} are {category}; {reason} alone {share}',
    causes: '{category} causes {share} of claims; {reason} alone {reasonShare}',
    causesFiltered:
      '{category} causes {share} of the claims of {filters}; {reason} alone {reasonShare}',
    loading: 'Loading the causes…',
    subtitle:
      'Claims opened in the period: reason category → reason → the products with most claims for it. Area = claims. Colours are reason categories.',
    empty: 'No claims were opened in this period with these filters.',
    records: 'Claims by cause',
    why: 'Claims by cause',
    label: 'Claims by category and reason: {values}',
    item: '{name}: {count, plural, one {# claim} other {# claims}} ({reasons})',
  },
  heatmap: {
    loading: 'Loading reasons by supplier…',
    subtitle:
      'Claims per reason (rows) and supplier (columns), the 15 suppliers with most claims; darker = more claims. Click a cell to open its claims.',
    empty: 'No claims of a known supplier in this period.',
    records: 'Claims by reason and supplier',
    why: 'Reason × supplier',
    label: 'Largest reason and supplier cells: {values}',
  },
  mismatch: {
    loading: 'Loading stated vs text…',
    subtitle:
      'Stated vs text: claims with both a stated reason and a customer text, where the reason read from the text differs from the stated one. Pairs: stated → read in the text.',
    empty: 'No claims with both a stated reason and a text in this period.',
    why: 'Stated vs text',
    records: 'Claims whose text reads as another reason',
    of: 'of {count}',
    figure: 'claims with text read as another reason ({share})',
    view: 'View these claims',
    stated: 'Stated reason',
    becomes: 'becomes',
    read: 'Read in the text',
    claims: 'Claims',
    shareCol: 'Share of mismatches',
    share: '{share} of mismatches',
    agree: 'The text agrees with every stated reason it could be read against.',
  },
  stated: {
    loading: 'Loading stated and inferred reasons…',
    subtitle:
      "Per reason: claims whose reason the shop stated, and claims without one whose reason was inferred from the customer's text.",
    empty: 'No claims in this period.',
    records: 'Claims by reason source',
    why: 'Stated vs inferred reasons',
    label: 'Stated and inferred reasons: {values}',
    item: '{reason}: {stated} stated, {inferred} inferred',
  },
  reasons: {
    heading: 'Reasons, largest first',
    loading: 'Loading reasons…',
    subtitle:
      'Claims, share of all claims and share inferred from text. Choose a reason to filter by it, or open its claims.',
    empty: 'No claims in this period.',
    records: 'Claims by reason',
    why: 'Reasons',
    reason: 'Reason',
    claims: 'Claims',
    share: 'Share',
    inferred: 'Inferred',
    claimsFor: 'Claims for {reason}',
  },
  drill: {
    claims: 'Claims: {name}',
    cell: 'Claims: {reason} × {supplier}',
  },
} as const;
