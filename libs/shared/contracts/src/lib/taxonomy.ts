import type { ReasonCategoryCode } from './reasons';

/**
 * Where a shop's own value got its place: `suggested` from the words of the value itself,
 * `shop` set by a person, `undecided` (category `other`, channel group `other`) until then.
 */
export type TaxonomySource = 'suggested' | 'shop' | 'undecided';

export interface OwnReason {
  /** `own:<shop>:<value>`. */
  readonly code: string;
  /** The value as the shop writes it. */
  readonly label: string;
  readonly category: ReasonCategoryCode;
  readonly source: TaxonomySource;
  /**
   * The built-in category most of its claims' texts point to (at least 5 texts read and a
   * majority of them), when it differs from the current one; null otherwise.
   */
  readonly suggestedCategory: ReasonCategoryCode | null;
  /** Claims stored with it. */
  readonly claims: number;
}

export interface OwnChannel {
  /** The value as the shop writes it; claims store it as their channel. */
  readonly code: string;
  readonly label: string;
  /** The built-in channel it belongs with, or `other`. */
  readonly group: string;
  readonly source: TaxonomySource;
  readonly claims: number;
}

export interface ShopTaxonomy {
  readonly reasons: readonly OwnReason[];
  readonly channels: readonly OwnChannel[];
  readonly categories: readonly { readonly code: ReasonCategoryCode; readonly label: string }[];
  /** The built-in channels and `other`. */
  readonly channelGroups: readonly string[];
}
