import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { IngestKind } from '@returnlens/shared/contracts';
import { CONFIDENT, suggestMapping } from './suggest';

/** The real-export corpus of the API's end-to-end tests (its README says what each mimics). */
const CORPUS = join(__dirname, '../../../../../apps/api-e2e/src/fixtures/real-exports');

function read(
  file: string,
  delimiter = ',',
): { headers: string[]; rows: Record<string, string>[] } {
  const text = readFileSync(join(CORPUS, file), 'utf8');
  const rows = parse(text, { columns: true, delimiter, bom: true }) as Record<string, string>[];
  const headers = (parse(text.split('\n')[0], { delimiter }) as string[][])[0];
  return { headers, rows };
}

function suggest(kind: IngestKind, file: string, defaults = {}, delimiter = ',') {
  const { headers, rows } = read(file, delimiter);
  return suggestMapping(kind, headers, { rows, defaults });
}

/** No column may be matched to a field it does not hold, even unconfidently (when used). */
function confidentFields(suggestion: ReturnType<typeof suggest>): string[] {
  return suggestion.matches.filter((m) => m.confidence >= CONFIDENT).map((m) => m.field);
}

describe('suggestMapping on real-looking exports (apps/api-e2e/src/fixtures/real-exports)', () => {
  it('marketplace products: the SKU and category; never a name from a column of name lengths', () => {
    const s = suggest('products', 'marketplace-products.csv');
    expect(s.mapping.columns).toEqual({
      sku: 'product_id',
      category: 'product_category_name',
    });
    expect(s.matches.find((m) => m.field === 'name')).toBeUndefined();
    expect(s.missingRequired).toEqual([]);
    expect(s.notes).toEqual(['No product name column: each product is named by its SKU.']);
    expect(s.confident).toBe(true);
  });

  it('marketplace order lines: the purchase date (not delivery, estimate or shipping limit), the line number in the key', () => {
    const s = suggest('sales', 'marketplace-order-lines.csv', { quantity: '1', currency: 'BRL' });
    expect(s.mapping.columns).toEqual({
      line_number: 'order_item_id',
      order_id: 'order_id',
      sku: 'product_id',
      unit_price: 'price',
      ordered_at: 'order_purchase_timestamp',
      promised_at: 'order_estimated_delivery_date',
      delivered_at: 'order_delivered_customer_date',
      customer_id: 'customer_id',
      // The seller is the line's: one product, many sellers.
      supplier_id: 'seller_id',
    });
    expect(s.confident).toBe(true);
    expect(s.notes).toEqual([
      'No line id column: each line is keyed by its order ("order_id") and line number ("order_item_id").',
    ]);
    for (const column of [
      'shipping_limit_date',
      'order_approved_at',
      'order_delivered_carrier_date',
    ])
      expect(s.unusedColumns).toContain(column);
    // Confidence reflects the values: a purchase timestamp column full of dates is sure.
    expect(s.matches.find((m) => m.field === 'ordered_at')).toMatchObject({
      confidence: 1,
      samples: ['2026-03-02 09:14:31', '2026-03-03 20:41:02', '2026-03-05 11:02:17'],
    });
  });

  it('marketplace reviews: the message is the text, its title goes before it; not the answer date', () => {
    const s = suggest('feedback', 'marketplace-reviews.csv');
    expect(s.mapping.columns).toEqual({
      external_id: 'review_id',
      order_id: 'order_id',
      rating: 'review_score',
      text: 'review_comment_message',
      title: 'review_comment_title',
      created_at: 'review_creation_date',
    });
    expect(s.unusedColumns).toEqual(['review_answer_timestamp']);
    expect(s.confident).toBe(true);
  });

  it('ERP invoice lines: CamelCase headers as sales, the key derived from invoice and stock code', () => {
    const s = suggest('sales', 'erp-invoice-lines.csv', { currency: 'GBP' });
    expect(s.mapping.columns).toEqual({
      order_id: 'InvoiceNo',
      sku: 'StockCode',
      quantity: 'Quantity',
      unit_price: 'UnitPrice',
      ordered_at: 'InvoiceDate',
      customer_id: 'CustomerID',
    });
    expect(s.unusedColumns).toEqual(['Description', 'Country']);
    expect(s.confident).toBe(true);
    expect(s.notes?.[0]).toContain('keyed by its order ("InvoiceNo") and SKU');
  });

  it('ERP credit notes as claims: negative quantities fit, the product description is no customer text', () => {
    const s = suggest('claims', 'erp-credit-notes.csv', { type: 'return', channel: 'email' });
    expect(s.mapping.columns).toEqual({
      order_id: 'InvoiceNo',
      sku: 'StockCode',
      quantity: 'Quantity',
      opened_at: 'InvoiceDate',
      customer_id: 'CustomerID',
    });
    expect(s.missingRequired).toEqual([]);
    expect(s.notes).toEqual([
      'Column "Description" is not used for reason_text: its values ("HAND WARMER UNION JACK", "HAND WARMER RED POLKA DOT", "FELTCRAFT PRINCESS CHARLOTTE DOLL" …) cannot be one.',
      expect.stringContaining('keyed by its order ("InvoiceNo") and SKU'),
    ]);
    expect(s.matches.find((m) => m.field === 'reason_text')).toBeUndefined();
  });

  it('complaint portal: channel, issue and first response found; a US state is no status, a product line no SKU', () => {
    const s = suggest('claims', 'complaint-portal.csv', { type: 'complaint' });
    expect(s.mapping.columns).toEqual({
      external_id: 'Complaint ID',
      channel: 'Submitted via',
      reason_code: 'Issue',
      reason_text: 'Consumer complaint narrative',
      opened_at: 'Date received',
      first_response_at: 'Date sent to company',
    });
    expect(s.matches.find((m) => m.field === 'status')).toBeUndefined();
    expect(s.matches.find((m) => m.field === 'sku')).toBeUndefined();
    // Said, so that no column is dropped silently.
    expect(s.notes).toEqual([
      'Column "Product" is not used for sku: its values ("Credit reporting", "Debt collection", "Mortgage" …) cannot be one.',
      'Column "State" is not used for status: its values ("CA", "TX", "NY" …) cannot be one.',
    ]);
    // Two of its channels are none of ours: they are the shop's own, said, and trusted.
    const channel = s.matches.find((m) => m.field === 'channel');
    expect(channel?.unknownValues).toEqual(['Referral', 'Postal mail']);
    expect(channel?.confidence).toBeGreaterThanOrEqual(CONFIDENT);
    expect(s.missingRequired).toEqual([]);
    expect(s.confident).toBe(true);
    // Its issues are the shop's own reasons.
    expect(s.matches.find((m) => m.field === 'reason_code')?.unknownValues).toContain(
      'Incorrect information on your report',
    );
    // A value map still decides a value, and the channel stays confident.
    const { headers, rows } = read('complaint-portal.csv');
    const mapped = suggestMapping('claims', headers, {
      rows,
      defaults: { type: 'complaint' },
      values: { channel: { Referral: 'web_form', 'Postal mail': 'email' } },
    });
    expect(mapped.confident).toBe(true);
    expect(mapped.matches.find((m) => m.field === 'channel')?.unknownValues).toBeUndefined();
  });

  it('Polish helpdesk: every field; its reasons (none of ours) are the shop’s own', () => {
    const s = suggest('claims', 'helpdesk-pl.csv', {}, ';');
    expect(s.mapping.columns).toEqual({
      external_id: 'Nr zgłoszenia',
      type: 'Rodzaj',
      channel: 'Kanał',
      order_id: 'Nr zamówienia',
      sku: 'Indeks',
      quantity: 'Ilość',
      reason_code: 'Powód',
      reason_text: 'Opis',
      opened_at: 'Data zgłoszenia',
      resolved_at: 'Data zamknięcia',
      status: 'Status',
      assignee: 'Konsultant',
    });
    expect(s.confident).toBe(true);
    expect(s.matches.find((m) => m.field === 'reason_code')?.unknownValues).toEqual(
      expect.arrayContaining(['za mały rozmiar', 'wada']),
    );
    expect(s.unusedColumns).toEqual([]);
    expect(confidentFields(s)).toContain('reason_code');
  });
});
