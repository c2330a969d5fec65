import type { MessageCode } from '@returnlens/shared/contracts';
import type { RowNote } from '@returnlens/shared/ingest';

/** A batch report's warning: its English words and its code and values. */
export interface CodedWarning {
  readonly message: string;
  readonly code: MessageCode;
}

/** Texts cut listed one by one in a batch report; the others are counted. */
export const CUT_LISTED = 20;

/**
 * What the validator did to stored rows of one batch, gathered row by row (bounded: the
 * first CUT_LISTED cut texts are listed, the rest counted), for the batch report's warnings.
 */
export class BatchNotes {
  private readonly cut: { row: number; field: string; length: number }[] = [];
  private cutCount = 0;
  private negative = 0;
  private readonly derived = { line: 0, sku: 0 };
  private named = 0;
  private uncategorised = 0;
  private converted = 0;
  /** Lines keyed by order + SKU + occurrence (set after the staging load). */
  repeatedSkuLines = 0;

  add(rowNumber: number, notes: readonly RowNote[]): void {
    for (const note of notes) {
      switch (note.kind) {
        case 'cut':
          this.cutCount++;
          if (this.cut.length < CUT_LISTED)
            this.cut.push({ row: rowNumber, field: note.field, length: note.length });
          break;
        case 'negative_quantity':
          this.negative++;
          break;
        case 'derived_key':
          this.derived[note.by]++;
          break;
        case 'derived_name':
          this.named++;
          break;
        case 'uncategorised':
          this.uncategorised++;
          break;
        case 'rating_converted':
          this.converted++;
          break;
        case 'own_value':
          break;
      }
    }
  }

  /** Lines whose key was derived from their order and SKU (numbered when repeated). */
  get skuKeyed(): number {
    return this.derived.sku;
  }

  /** The warnings, in words for the shop owner (English). */
  warnings(textLimit: number): string[] {
    return this.notes(textLimit).map((note) => note.message);
  }

  /**
   * The warnings with their codes and values (INGEST_MESSAGES `note.…`), from which they are
   * written in the reader's language; `message` is the English.
   */
  notes(textLimit: number): CodedWarning[] {
    const n = (count: number) => count.toLocaleString('en-US');
    const out: CodedWarning[] = [];
    const say = (message: string, code: string, params: MessageCode['params'] = {}) =>
      out.push({ message, code: { code, params } });
    if (this.derived.line) {
      say(
        `No line id column: ${n(this.derived.line)} lines are keyed by their order and line number.`,
        'note.keyedByLine',
        { count: this.derived.line },
      );
    }
    if (this.derived.sku) {
      if (this.repeatedSkuLines)
        say(
          `No line id column: ${n(this.derived.sku)} lines are keyed by their order and SKU; ${n(this.repeatedSkuLines)} of them repeat a SKU within their order and are numbered by their place in the file (order:SKU:2, :3 …).`,
          'note.keyedBySkuRepeated',
          { count: this.derived.sku, repeated: this.repeatedSkuLines },
        );
      else
        say(
          `No line id column: ${n(this.derived.sku)} lines are keyed by their order and SKU.`,
          'note.keyedBySku',
          { count: this.derived.sku },
        );
    }
    if (this.negative) {
      say(
        `${n(this.negative)} rows had a negative quantity (credit-note lines): read as that many returned units.`,
        'note.negativeQuantity',
        { count: this.negative },
      );
    }
    if (this.named) {
      say(
        `No product name column: ${n(this.named)} products are named by their SKU.`,
        'note.namedBySku',
        { count: this.named },
      );
    }
    if (this.uncategorised) {
      say(
        `No category for ${n(this.uncategorised)} products: they are filed under "Uncategorised".`,
        'note.uncategorised',
        { count: this.uncategorised },
      );
    }
    if (this.converted) {
      say(
        `${n(this.converted)} ratings were converted from the mapping's rating scale to 1–5 stars; the original values are kept.`,
        'note.ratingsConverted',
        { count: this.converted },
      );
    }
    for (const cut of this.cut) {
      say(
        `Row ${cut.row}: ${cut.field} was ${n(cut.length)} characters long; it was kept, cut to at most ${n(textLimit)} at a word boundary.`,
        'note.cut',
        { row: cut.row, field: cut.field, length: cut.length, limit: textLimit },
      );
    }
    if (this.cutCount > this.cut.length) {
      say(
        `${n(this.cutCount - this.cut.length)} more texts over ${n(textLimit)} characters were kept cut.`,
        'note.moreCut',
        { count: this.cutCount - this.cut.length, limit: textLimit },
      );
    }
    return out;
  }
}
