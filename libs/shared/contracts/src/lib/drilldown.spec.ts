import {
  drillFeedback,
  drillMatrixCell,
  drillReason,
  drillRootCause,
  drillScorecard,
  drillWeek,
  drillWeekCategory,
} from './drilldown';

const page = { from: '2026-W37', to: '2026-W48', supplier: 'SUP-001,SUP-002' };

describe('drill-down requests: a figure → the records behind it', () => {
  it('narrows the page to the figure; the figure’s own values win', () => {
    expect(drillReason(page, 'product_defect')).toEqual({
      kind: 'claims',
      params: { ...page, reason: 'product_defect' },
      counts: 'records',
    });
    expect(drillMatrixCell(page, 'supplier', 'SUP-002', 'wrong_size').params).toEqual({
      from: '2026-W37',
      to: '2026-W48',
      supplier: 'SUP-002',
      reason: 'wrong_size',
    });
    expect(drillRootCause({}, { reasonCategory: 'product_quality' }).params).toEqual({
      reasonCategory: 'product_quality',
    });
  });

  it('a week is from = to = the week; units figures count units', () => {
    expect(drillWeek({ channel: 'email' }, '2026-W48', 'units')).toEqual({
      kind: 'claims',
      params: { channel: 'email', from: '2026-W48', to: '2026-W48' },
      counts: 'units',
    });
    expect(drillWeekCategory({}, '2026-W40', 'fulfilment').params).toEqual({
      from: '2026-W40',
      to: '2026-W40',
      reasonCategory: 'fulfilment',
    });
  });

  it('supplier figures read what a buyer may read; defect figures are the defects, by units', () => {
    expect(drillScorecard(page, { supplier: 'SUP-001' }, 'defects')).toEqual({
      kind: 'supplier-claims',
      params: { ...page, supplier: 'SUP-001', defect: 'true' },
      counts: 'units',
    });
    expect(drillScorecard({}, { product: 'ELE-0001', week: '2026-W47' })).toEqual({
      kind: 'supplier-claims',
      params: { product: 'ELE-0001', from: '2026-W47', to: '2026-W47' },
      counts: 'records',
    });
  });

  it('feedback figures: a rating (0 = unrated), a week’s label, a language', () => {
    expect(drillFeedback({}, { rating: 0 }).params).toEqual({ rating: '0' });
    expect(drillFeedback(page, { week: '2026-W45', label: 'negative' })).toEqual({
      kind: 'feedback',
      params: { ...page, from: '2026-W45', to: '2026-W45', label: 'negative' },
      counts: 'records',
    });
  });
});
