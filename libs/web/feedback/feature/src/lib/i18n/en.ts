/** The Feedback page in English, the source of its translations (apps/web/public/i18n/feedback/). */
export const FEEDBACK_MESSAGES = {
  title: 'Feedback',
  lede: 'What are customers saying, in any language?',
  items: '{count, plural, one {# feedback item} other {# feedback items}}',
  netSentiment: 'net sentiment',
  analysing:
    'Analysing: {remaining} texts of {batches, plural, one {# batch are} other {# batches are}} still being analysed. Until then they count as unscored, so the sentiment figures are provisional.',
  notDetected: 'Not detected',
  label: {
    negative: 'negative',
    neutral: 'neutral',
    positive: 'positive',
    unscored: 'unscored',
  },
  aspect: {
    quality: 'Product quality / defect',
    size_fit: 'Size and fit',
    description_accuracy: 'Description / photo accuracy',
    delivery_speed: 'Delivery speed',
    packaging: 'Packaging / transit damage',
    price: 'Price and promotions',
    customer_service: 'Customer service',
    installation_usage: 'Installation / usage',
  },
  ratings: {
    loading: 'Loading ratings…',
    subtitle:
      'Share of rated feedback per star rating, 1★ left to 5★ right. Click a segment to open those reviews.',
    empty: 'No rated feedback in this period.',
    why: 'Ratings',
    chart: 'Rating distribution: {rows}',
    row: '{stars} stars: {count}',
    none: 'No rated feedback in this period',
    headline: '{high} of rated feedback gives 4–5★, {low} gives 1–2★',
    rated: 'Rated feedback',
    ratedStars: 'Feedback rated {rating}★',
  },
  trend: {
    loading: 'Loading the sentiment trend…',
    subtitle:
      'Feedback per week by label (bars) and net sentiment = % positive − % negative (line, right axis).',
    empty: 'No feedback in this period.',
    records: 'Feedback in the period',
    why: 'Net sentiment',
    chart: 'Net sentiment per week: {rows}',
    current: 'Net sentiment {net}',
    held: 'Net sentiment held at {net} over the period',
    rose: 'Net sentiment rose from {from} to {to} over the period',
    fell: 'Net sentiment fell from {from} to {to} over the period',
    drill: '{label} feedback, {week}',
  },
  delivery: {
    loading: 'Loading feedback by delivery…',
    subtitle:
      "Ratings of feedback whose order was delivered against a promised date: on time, or late (delivered after the promise). A review of an order counts with its order's lines. Click a segment to open those reviews.",
    empty: 'No feedback on an order delivered against a promised date in this period.',
    why: 'Feedback by delivery',
    chart: 'Ratings by delivery: {title}',
    none: 'No feedback on a delivered order with a promised date',
    noLate:
      'No late delivery among the {count, plural, one {# reviewed order} other {# reviewed orders}}',
    headline:
      'Late deliveries: net sentiment {late} against {onTime} on time ({lateItems} and {onTimeItems} items)',
    ratedLate: 'Feedback rated {rating}★ after a late delivery',
    ratedOnTime: 'Feedback rated {rating}★ after an on-time delivery',
    late: 'Feedback after a late delivery',
    onTime: 'Feedback after an on-time delivery',
  },
  aspects: {
    loading: 'Loading aspects…',
    subtitle:
      "What reviews talk about: share of each aspect's mentions that are negative (left of the line), neutral (across it) and positive (right), least positive first; mentions in brackets.",
    empty: 'No review in this period mentions a product aspect.',
    records: 'Feedback mentioning aspects',
    why: 'Aspects',
    chart: 'Sentiment of aspect mentions: {rows}',
    row: '{label}: {negative} negative, {neutral} neutral, {positive} positive (net {net})',
    none: 'No aspects mentioned in reviews in this period',
    allPositive:
      'Every aspect is discussed more positively than negatively; least so {label} (net {net})',
    worst:
      '{label} draws the most criticism: {share} of its {total, plural, one {# mention is} other {# mentions are}} negative (net {net})',
  },
  products: {
    heading: 'Reviews and returns of the same products',
    loading: 'Loading products…',
    subtitle:
      'The products with most negative aspect mentions, beside their claims in the same period. Choose a product to filter every figure by it.',
    empty: 'No negative aspect mentions of a known product in this period.',
    records: 'Feedback on these products',
    product: 'Product',
    negative: 'Negative mentions',
    criticised: 'Most criticised',
    claims: 'Claims',
    reason: 'Top reason',
    filterBy: 'Filter by {name}',
  },
  language: {
    loading: 'Loading languages…',
    subtitle:
      'Net sentiment per detected language, most feedback first. Click a bar to filter by that language.',
    records: 'Feedback by language',
    title: 'Net sentiment per language',
    chart: 'Net sentiment per language: {rows}',
    finding: '{worst} feedback is the least positive ({worstNet}), {best} the most ({bestNet})',
    drill: 'Feedback in {language}',
  },
  supplier: {
    loading: 'Loading suppliers…',
    subtitle:
      'Net sentiment of the 12 least positive suppliers with 10 or more items. Click a bar to filter by that supplier.',
    empty: 'No feedback linked to a supplier in this period.',
    records: 'Feedback by supplier',
    title: 'Net sentiment per supplier',
    chart: 'Net sentiment per supplier: {rows}',
    worst: '{label} has the lowest net sentiment: {net}',
    drill: 'Feedback on {supplier}',
  },
  bars: '{label}: {net} ({count, plural, one {# item} other {# items}})',
  readers: {
    heading: 'Who reads the texts',
    loading: 'Loading who reads the texts…',
    subtitle:
      'Sentiment and reasons are read by the shipped analysis, or by a model learnt from the shop’s own rated reviews and stated reasons once it agrees with them better. Agreement: how often the reading matches the stars or the stated reason.',
    reasons: 'Reasons',
    shopReviews:
      'Shop model (learnt from {count, plural, one {# rated review} other {# rated reviews}})',
    shopReasons:
      'Shop model (learnt from {count, plural, one {# stated reason} other {# stated reasons}})',
    shippedCues: 'Shipped cues',
    shippedAnalysis: 'Shipped analysis',
    agreesStars:
      'text agrees with stars on {share} of {count, plural, one {# rated review} other {# rated reviews}}',
    agreesReason:
      'agrees with the stated reason on {share} of {count, plural, one {# stated reason} other {# stated reasons}}',
    readsReviews: 'reads {count, plural, one {# unrated review} other {# unrated reviews}}',
    readsClaims:
      'reads {count, plural, one {# claim without a stated reason} other {# claims without a stated reason}}',
    why: "Not the shop model: on the shop's texts it scores {adapted}, the shipped analysis {base}; it must win by at least 1 point.",
    waitingReasons:
      'Reasons: {count} of {needed, plural, one {# stated reason} other {# stated reasons}} needed',
    waitingLanguage:
      '{language}: {count} of {needed, plural, one {# rated review} other {# rated reviews}} needed',
    empty:
      'No language has enough rated reviews to learn from yet ({needed, plural, other {# needed}})',
    short: 'Still short of labelled texts:',
  },
  reviews: {
    heading: 'Reviews',
    count: '{count, plural, one {# feedback item} other {# feedback items}}',
    countRated: '{count, plural, one {# feedback item} other {# feedback items}} rated {ratings}',
    loading: 'Loading reviews…',
    subtitle: 'The feedback itself, in its own language and direction.',
    empty: 'No feedback matches these filters.',
    records: 'Feedback records',
    why: 'Feedback',
    rating: 'Rating',
    allRatings: 'All ratings',
    language: 'Language',
    allLanguages: 'All languages',
    order: 'Order',
    newest: 'Newest first',
    lowest: 'Lowest rating first',
    negative: 'Most negative text first',
    stars: '{rating} of 5 stars',
    noText: '(no text)',
    pages: 'Pages of reviews',
    previous: '‹ Previous',
    next: 'Next ›',
    page: 'Page {page} of {last}',
  },
} as const;
