import { REASON_CATEGORIES, REASONS, isReasonCode, reasonCategoryOf, reasonLabel } from './reasons';

describe('reason taxonomy', () => {
  it('has the 18 codes of docs/domain.md, each in a known category', () => {
    expect(REASONS).toHaveLength(18);
    const categories = new Set<string>(REASON_CATEGORIES.map((c) => c.code));
    for (const reason of REASONS) expect(categories.has(reason.category)).toBe(true);
    expect(new Set(REASONS.map((r) => r.code)).size).toBe(18);
  });

  it('maps codes to their category, unknown codes to other', () => {
    expect(reasonCategoryOf('wrong_size')).toBe('listing_accuracy');
    expect(reasonCategoryOf('intrusive_contact')).toBe('service');
    expect(reasonCategoryOf('no_such_code')).toBe('other');
    expect(isReasonCode('late_delivery')).toBe(true);
    expect(isReasonCode('late')).toBe(false);
    expect(reasonLabel('shown_in_stock_but_not')).toBe('Shown in stock but not');
  });
});
