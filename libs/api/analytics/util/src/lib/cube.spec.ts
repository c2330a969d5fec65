import { constrains, planCube, type CubeQuery } from './cube';

const range = {
  fromWeek: '2026-03-02',
  toWeek: '2026-03-09',
  fromInstant: new Date('2026-03-02T00:00:00Z'),
  toInstant: new Date('2026-03-16T00:00:00Z'),
};
const base: CubeQuery = {
  fact: 'claims',
  groupBy: ['reason_code'],
  measures: ['claims'],
  filters: {},
  range,
};

describe('planCube', () => {
  it('answers an unfiltered question from the smallest rollup', () => {
    const plan = planCube(base, 1, 'UTC');
    expect(plan.source).toBe('rollup_claims_reason_week');
    expect(plan.text).toContain('t.week BETWEEN $2::date AND $3::date');
    expect(plan.values).toEqual([1, '2026-03-02', '2026-03-09']);
  });

  it('moves to the supplier rollup for a supplier filter, and to the SKU rollup for a product', () => {
    expect(planCube({ ...base, filters: { supplier: ['S1'] } }, 1, 'UTC').source).toBe(
      'rollup_claims_supplier_week',
    );
    expect(planCube({ ...base, filters: { product: ['P1'] } }, 1, 'UTC').source).toBe(
      'rollup_claims_sku_reason_week',
    );
    expect(
      planCube({ ...base, groupBy: ['week'], filters: { product: ['P1'] } }, 1, 'UTC').source,
    ).toBe('rollup_claims_sku_week');
  });

  it('answers category with channel and type from the claims cube', () => {
    const plan = planCube(
      { ...base, filters: { category: ['audio'], channel: ['email'], type: ['return'] } },
      1,
      'UTC',
    );
    expect(plan.source).toBe('rollup_claims_cube_week');
    expect(plan.kind).toBe('rollup');
    // Category alone stays on the smaller category rollup.
    expect(planCube({ ...base, filters: { category: ['audio'] } }, 1, 'UTC').source).toBe(
      'rollup_claims_category_week',
    );
  });

  it('falls back to the raw table when no rollup has every dimension, with an instant range', () => {
    const plan = planCube(
      { ...base, groupBy: ['week'], filters: { supplier: ['S1'], channel: ['email'] } },
      1,
      'Europe/Warsaw',
    );
    expect(plan.kind).toBe('raw');
    expect(plan.text).toContain('t.opened_at AT TIME ZONE $1');
    expect(plan.text).toContain('t.opened_at >= $3 AND t.opened_at < $4');
    expect(plan.values.slice(0, 2)).toEqual(['Europe/Warsaw', 1]);
  });

  it('binds filter values as parameters, never as SQL text', () => {
    const evil = "x'); DROP TABLE claims; --";
    const plan = planCube({ ...base, filters: { reason: [evil] } }, 1, 'UTC');
    expect(plan.text).not.toContain('DROP');
    expect(plan.values).toContainEqual([evil]);
  });

  it('ignores filters a fact does not have (sales have no channel)', () => {
    const plan = planCube(
      {
        fact: 'sales',
        groupBy: ['week'],
        measures: ['units'],
        filters: { channel: ['email'] },
        range,
      },
      1,
      'UTC',
    );
    expect(plan.source).toBe('rollup_sales_category_week');
  });
});

describe('constrains', () => {
  it('says whether a filter narrows a fact; one the fact does not have does not', () => {
    expect(constrains('claims', {})).toBe(false);
    expect(constrains('claims', { language: ['pl'] })).toBe(false);
    expect(constrains('claims', { channel: [] })).toBe(false);
    expect(constrains('claims', { channel: ['email'] })).toBe(true);
    expect(constrains('feedback', { language: ['pl'] })).toBe(true);
    expect(constrains('sales', { channel: ['email'] })).toBe(false);
    expect(constrains('sales', { category: ['shoes'] })).toBe(true);
  });
});
