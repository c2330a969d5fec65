/** The reason taxonomy of docs/domain.md: every reason code belongs to exactly one category. */

export const REASON_CATEGORIES = [
  { code: 'product_quality', label: 'Product quality' },
  { code: 'listing_accuracy', label: 'Listing accuracy' },
  { code: 'fulfilment', label: 'Fulfilment' },
  { code: 'customer_preference', label: 'Customer preference' },
  { code: 'commercial_policy', label: 'Commercial / policy' },
  { code: 'service', label: 'Service' },
  { code: 'support', label: 'Support' },
  { code: 'other', label: 'Other' },
] as const;
export type ReasonCategoryCode = (typeof REASON_CATEGORIES)[number]['code'];

export interface ReasonDefinition {
  readonly code: string;
  readonly category: ReasonCategoryCode;
  readonly label: string;
  readonly description: string;
}

export const REASONS = [
  {
    code: 'product_defect',
    category: 'product_quality',
    label: 'Product defect',
    description: 'Does not work, breaks, faulty',
  },
  {
    code: 'missing_parts',
    category: 'product_quality',
    label: 'Missing parts',
    description: 'Parts or accessories missing from the package',
  },
  {
    code: 'not_as_described',
    category: 'listing_accuracy',
    label: 'Not as described',
    description: 'Colour, specs or photo differ from the listing',
  },
  {
    code: 'wrong_size',
    category: 'listing_accuracy',
    label: 'Wrong size',
    description: 'Size or fit differs from the listing',
  },
  {
    code: 'wrong_item',
    category: 'fulfilment',
    label: 'Wrong item',
    description: 'A different item was shipped',
  },
  {
    code: 'damaged_in_transit',
    category: 'fulfilment',
    label: 'Damaged in transit',
    description: 'Arrived broken or with damaged packaging',
  },
  {
    code: 'late_delivery',
    category: 'fulfilment',
    label: 'Late delivery',
    description: 'Delivered after the promised date',
  },
  {
    code: 'changed_mind',
    category: 'customer_preference',
    label: 'Changed mind',
    description: 'No longer wanted, goods of proper quality',
  },
  {
    code: 'found_cheaper',
    category: 'customer_preference',
    label: 'Found cheaper',
    description: 'Found a lower price elsewhere',
  },
  {
    code: 'price_error',
    category: 'commercial_policy',
    label: 'Price error',
    description: 'Charged a different price than shown',
  },
  {
    code: 'shown_in_stock_but_not',
    category: 'commercial_policy',
    label: 'Shown in stock but not',
    description: 'Listed as available but out of stock',
  },
  {
    code: 'promo_terms_unclear',
    category: 'commercial_policy',
    label: 'Promo terms unclear',
    description: 'Discount or promotion terms misunderstood',
  },
  {
    code: 'delivery_terms_unclear',
    category: 'commercial_policy',
    label: 'Delivery terms unclear',
    description: 'Delivery cost or time not clear before ordering',
  },
  {
    code: 'intrusive_contact',
    category: 'service',
    label: 'Intrusive contact',
    description: 'Calls at night, unwanted mail',
  },
  {
    code: 'slow_response',
    category: 'service',
    label: 'Slow response',
    description: 'Waited too long for an answer',
  },
  {
    code: 'usage_question',
    category: 'support',
    label: 'Usage question',
    description: 'How to use it (e.g. works once charged or set up)',
  },
  {
    code: 'installation_help',
    category: 'support',
    label: 'Installation help',
    description: 'Needs help installing or assembling',
  },
  {
    code: 'other',
    category: 'other',
    label: 'Other',
    description: 'Anything the taxonomy does not cover',
  },
] as const satisfies readonly ReasonDefinition[];

export type ReasonCode = (typeof REASONS)[number]['code'];

const REASON_BY_CODE: ReadonlyMap<string, ReasonDefinition> = new Map(
  REASONS.map((reason) => [reason.code, reason]),
);

export function isReasonCode(code: string): code is ReasonCode {
  return REASON_BY_CODE.has(code);
}

/** The category of a reason code; unknown codes belong to `other`. */
export function reasonCategoryOf(code: string): ReasonCategoryCode {
  return REASON_BY_CODE.get(code)?.category ?? 'other';
}

/**
 * A shop's own reason (a value of its export that is no built-in code) is stored under the
 * code `own:<shop>:<value>`: its label is the value as the shop writes it (commas, which
 * separate filter values, become semicolons), and a rule the shop edits puts it in one of
 * the built-in categories (docs/domain.md, "The shop's own taxonomy").
 */
export const OWN_REASON_PREFIX = 'own:';
const OWN_REASON = /^own:\d+:(.+)$/s;

/** The longest own reason or channel value kept (longer ones are cut at a word boundary). */
export const OWN_VALUE_MAX = 120;

export function isOwnReason(code: string): boolean {
  return OWN_REASON.test(code);
}

/** The code of a shop's own reason value (`ownValue` of the cleaned text). */
export function ownReasonCode(shopId: number, value: string): string {
  return `${OWN_REASON_PREFIX}${shopId}:${ownValue(value)}`;
}

/**
 * A shop's own value as stored: spaces collapsed, commas made semicolons (a comma separates
 * filter values), at most OWN_VALUE_MAX characters.
 */
export function ownValue(text: string): string {
  const value = text.replace(/\s+/g, ' ').trim().replaceAll(',', ';');
  if (value.length <= OWN_VALUE_MAX) return value;
  const cut = value.slice(0, OWN_VALUE_MAX);
  const space = cut.lastIndexOf(' ');
  return (space > OWN_VALUE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd();
}

export function reasonLabel(code: string): string {
  return REASON_BY_CODE.get(code)?.label ?? OWN_REASON.exec(code)?.[1] ?? code;
}

export function reasonCategoryLabel(code: string): string {
  return REASON_CATEGORIES.find((category) => category.code === code)?.label ?? code;
}
