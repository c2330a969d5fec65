import { z } from 'zod';
import {
  analyticsQuery,
  filtersOf,
  listParam,
  pageOf,
  pageParams,
  weekParam,
  weeklyFiltersOf,
} from './analytics.query';
import { CLAIM_SORTS } from './records';

/** The first problem of a refused input: where, and what is said. */
function refusal(schema: z.ZodType, input: unknown): { path: string; message: string } {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`accepted ${JSON.stringify(input)}`);
  const [issue] = result.error.issues;
  const path = [...issue.path, ...(issue.code === 'unrecognized_keys' ? issue.keys : [])];
  return { path: path.join('.'), message: issue.message };
}

describe('analytics query parameters', () => {
  const common = analyticsQuery();

  it('splits comma-separated lists, trims values and drops blanks', () => {
    expect(filtersOf(common.parse({ supplier: 'S1, S2,,', channel: ['email', 'chat'] }))).toEqual({
      supplier: ['S1', 'S2'],
      channel: ['email', 'chat'],
    });
    expect(filtersOf(common.parse({ reason: ' , ,', from: '  ', to: ' 2026-W10 ' }))).toEqual({
      to: '2026-W10',
    });
    expect(filtersOf(common.parse({}))).toEqual({});
  });

  it('bounds a list to 200 values of at most 200 characters', () => {
    const many = Array.from({ length: 201 }, (_, i) => `S${i}`).join(',');
    expect(refusal(common, { supplier: many })).toEqual({
      path: 'supplier',
      message: 'at most 200 values, got 201',
    });
    expect(listParam('').parse(Array.from({ length: 200 }, () => 'x').join(','))).toHaveLength(200);
    expect(refusal(common, { product: `P1,${'x'.repeat(201)}` })).toEqual({
      path: 'product',
      message: 'a value is longer than 200 characters',
    });
    expect(listParam('').parse('x'.repeat(200))).toEqual(['x'.repeat(200)]);
  });

  it('refuses a NUL or another control character in any list or text parameter, naming it', () => {
    const nul = 'contains the control character U+0000 (NUL); send printable text';
    expect(refusal(common, { supplier: 'S1,SUP\u0000-001' })).toEqual({
      path: 'supplier',
      message: nul,
    });
    expect(refusal(common, { reason: ['wrong_size', 'x\u0000'] })).toEqual({
      path: 'reason',
      message: nul,
    });
    expect(refusal(common, { category: 'Home\u001b[31m' })).toEqual({
      path: 'category',
      message: 'contains the control character U+001B; send printable text',
    });
    expect(refusal(common, { language: 'en\u007f' })).toEqual({
      path: 'language',
      message: 'contains the control character U+007F; send printable text',
    });
    expect(refusal(common, { from: '2026-W07\u0000' })).toEqual({ path: 'from', message: nul });
    expect(refusal(common, { to: '\u00002026-W10' })).toEqual({ path: 'to', message: nul });
    expect(refusal(common, { table: 'rows\u0000' })).toEqual({ path: 'table', message: nul });
    expect(refusal(analyticsQuery({ label: listParam('') }), { label: 'neg\u0000' })).toEqual({
      path: 'label',
      message: nul,
    });
    // Spaces, tabs at the ends (trimmed) and letters of any script are fine.
    expect(filtersOf(common.parse({ supplier: '\tS 1 ,Łódź', from: ' 2026-W07\t' }))).toEqual({
      supplier: ['S 1', 'Łódź'],
      from: '2026-W07',
    });
  });

  it('refuses an unknown parameter, naming it and the ones the endpoint takes', () => {
    expect(refusal(analyticsQuery({ by: z.string().optional() }), { suplier: 'S1' })).toEqual({
      path: 'suplier',
      message:
        'unknown parameter "suplier"; this endpoint takes from, to, format, table, lang, supplier, product, category, channel, type, reasonCategory, reason, language, by',
    });
  });

  it('takes json, csv, arrow or nothing as the format', () => {
    expect(common.parse({ format: 'csv' }).format).toBe('csv');
    expect(common.parse({ format: '' }).format).toBe('');
    expect(refusal(common, { format: 'xml' })).toEqual({
      path: 'format',
      message: 'format is one of json, csv, arrow',
    });
  });

  it('makes the weekly report’s week the end of its period, checking the week exists', () => {
    const weekly = analyticsQuery({ week: weekParam });
    expect(weeklyFiltersOf(weekly.parse({ week: '2026-W07', to: '2026-W01' }))).toEqual({
      to: '2026-W07',
    });
    expect(weeklyFiltersOf(weekly.parse({ week: '', supplier: 'S1' }))).toEqual({
      supplier: ['S1'],
    });
    expect(refusal(weekly, { week: 'March' })).toEqual({
      path: 'week',
      message: 'week must be an ISO week such as 2026-W07',
    });
    expect(refusal(weekly, { week: '2025-W53' }).path).toBe('week');
    expect(refusal(weekly, { week: '2025-W53' }).message).toContain('2025 has no ISO week 53');
    expect(weekly.parse({ week: '2026-W53' }).week).toBe('2026-W53');
  });

  describe('paging', () => {
    const records = analyticsQuery(pageParams(CLAIM_SORTS, 'openedAt'));

    it('defaults to the first 50 rows, newest first by the default column', () => {
      expect(pageOf(records.parse({}))).toEqual({
        page: 1,
        pageSize: 50,
        sort: 'openedAt',
        order: 'desc',
      });
      expect(pageOf(records.parse({ page: '', pageSize: '', sort: '' }))).toEqual({
        page: 1,
        pageSize: 50,
        sort: 'openedAt',
        order: 'desc',
      });
      expect(
        pageOf(records.parse({ page: '3', pageSize: '1000', sort: 'quantity', order: 'asc' })),
      ).toEqual({ page: 3, pageSize: 1000, sort: 'quantity', order: 'asc' });
    });

    it('refuses pages outside their bounds and unknown sort columns', () => {
      expect(refusal(records, { pageSize: '1001' })).toEqual({
        path: 'pageSize',
        message: 'pageSize must be a whole number from 1 to 1000',
      });
      for (const page of ['0', '1.5', 'two', '100001'])
        expect(refusal(records, { page })).toEqual({
          path: 'page',
          message: 'page must be a whole number from 1 to 100000',
        });
      expect(records.parse({ page: '100000' }).page).toBe(100_000);
      expect(refusal(records, { sort: 'password' })).toEqual({
        path: 'sort',
        message:
          'sort by one of openedAt, quantity, refundAmount, contactCount, externalId, resolvedAt, reasonCode',
      });
      expect(refusal(records, { order: 'up' })).toEqual({
        path: 'order',
        message: 'order is asc or desc',
      });
      expect(refusal(records, { order: '' }).path).toBe('order');
    });
  });
});
