/**
 * What is wrong with a rejected row, by the error's `code` (RowError.code: `row.…`), and what
 * the batch report notes of a file (BatchReport.warningCodes: `note.…`). English, the source,
 * is worded exactly as the validator, the readers and the notes write `message` (a spec
 * checks it); the other languages are in the JSON files beside this one. Field names, column
 * names and values are put in as they are (`{field}`, `{value}`).
 */
export const INGEST_MESSAGES = {
  row: {
    notUnixTime: '"{value}" is not a Unix time in seconds',
    hourMeridiem: '"{value}" has hour {hour} with {meridiem}',
    notADate:
      '"{value}" is not a date such as 2026-03-14, 14.03.2026, 3/14/2026 10:30 or a Unix time',
    notADateInFormat: '"{value}" is not a date in the form {format}',
    notARealDate: '"{value}" is not a real date or time',
    offsetUnused:
      '"{value}" has the time-zone offset {offset}, which no place uses: an offset lies between -12:00 and +14:00, and its minutes are 00, 15, 30 or 45',
    notANumber: '"{value}" is not a number',
    notAWholeNumber: '"{value}" is not a whole number',
    tooLarge: '"{value}" is too large',
    notACurrency: '"{value}" is not a currency code such as EUR, PLN or USD',
    notACountry: '"{value}" is not a two-letter country code such as DE, PL or PT',
    outsideRatingScale: 'is outside the rating scale {min}–{max} the mapping states',
    nul: 'contains a NUL character, which cannot be stored',
    tooLong: 'is {length} characters long; at most {max} are allowed',
    atLeast: 'must be at least {min}',
    atMost: 'must be at most {max}',
    ratingAtMost:
      'must be at most {max} stars; a rating on another scale needs the mapping\'s ratingScale (e.g. \'{"min": 0, "max": 10}\')',
    negative: 'must not be negative',
    largerThan: 'is larger than {max}',
    future: '"{value}" is in the future',
    before1990: '"{value}" is before 1990',
    notKnown:
      '"{value}" is not a known {field}; expected one of {expected} (or map it in the mapping\'s values.{field})',
    notSingleValue:
      'is {shape, select, list {a list} other {an object}}; a single value is expected',
    requiredUnmapped: 'is required but no column is mapped to it',
    requiredEmpty: 'is required but empty (column "{column}")',
    notUtf8:
      'contains bytes that are not valid UTF-8 (shown as \uFFFD): save the file as UTF-8, or declare its encoding',
    beforeOther: 'is before {other} ({date})',
    currencyForPrice: 'is required for a price: map a currency column or set defaults.currency',
    keyRequired:
      'is required: map a column to it, or map order_id and sku (or a line number) to derive it',
    currencyForAmount:
      'is required when {amount} is given: map a currency column or set defaults.currency',
    feedbackSubject:
      'one of sku, order_id or claim_id is needed to know what the feedback is about',
    feedbackEmpty: 'a feedback item needs a rating or a text',
    tooManyValues:
      'has {values} values but the header has {columns} columns: a value probably contains an unquoted {delimiter, select, tab {tab} other {{delimiter}}}. Put that value in quotes ("…").',
    repeatedHeader: 'repeats the header line: were two files joined into one? Remove this line.',
    notJson: 'is not valid JSON ({detail})',
    notJsonObject: 'is not a JSON object',
    mixedEncodings:
      'mixes two encodings: value {utf8} is UTF-8 but value {other} is not, and the file is read as {encoding}. Save the file in one encoding (UTF-8 is best) and send it again.',
    duplicate: 'appears again in row {row} of this file; that later row was stored',
    otherErrors: '{count} other errors (each with its own field and message)',
  },
  csv: {
    notKept:
      '{notKept} more rejected rows were counted but not kept in full (only the first {kept} are, INGEST_REJECTED_ROWS_KEPT); their errors by field and message follow',
    notKeptEntry:
      '(not kept in full: {rows} rows with this error, the first at rows {firstRows}{more, select, yes {, …} other {}})',
  },
  note: {
    keyedByLine:
      'No line id column: {count, number} lines are keyed by their order and line number.',
    keyedBySku: 'No line id column: {count, number} lines are keyed by their order and SKU.',
    keyedBySkuRepeated:
      'No line id column: {count, number} lines are keyed by their order and SKU; {repeated, number} of them repeat a SKU within their order and are numbered by their place in the file (order:SKU:2, :3 …).',
    negativeQuantity:
      '{count, number} rows had a negative quantity (credit-note lines): read as that many returned units.',
    namedBySku: 'No product name column: {count, number} products are named by their SKU.',
    uncategorised:
      'No category for {count, number} products: they are filed under "Uncategorised".',
    ratingsConverted:
      "{count, number} ratings were converted from the mapping's rating scale to 1–5 stars; the original values are kept.",
    cut: 'Row {row}: {field} was {length, number} characters long; it was kept, cut to at most {limit, number} at a word boundary.',
    moreCut: '{count, number} more texts over {limit, number} characters were kept cut.',
    ownReasons:
      '{count, plural, one {1 reason value is the shop\'s own, stored under its own name} other {{count, number} reason values are the shop\'s own, stored under their own names}}: {values}{more, plural, =0 {} other { and {more} more}}.{newCount, plural, =0 {} other { New: {placed} placed in a category by their words, {undecided} in "Other" until decided in Settings → Taxonomy.}}',
    ownChannels:
      "{count, plural, one {1 channel is the shop's own, stored under its own name} other {{count, number} channels are the shop's own, stored under their own names}}: {values}{more, plural, =0 {} other { and {more} more}}.{newCount, plural, =0 {} other { New: {newCount}; Settings → Taxonomy says which built-in channel each belongs with.}}",
    sellersAdded:
      '{count, plural, one {1 seller was not in the supplier list and was added, named by its id (a supplier file gives its name): {sellers}.} other {{count, number} sellers were not in the supplier list and were added, named by their id (a supplier file gives their names): {sellers}{more, plural, =0 {} other { and {more} more}}.}}',
  },
};
