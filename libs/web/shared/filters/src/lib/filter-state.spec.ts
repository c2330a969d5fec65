import {
  apiParams,
  describeFilters,
  filterQueryParams,
  languageName,
  parseFilterState,
  resolvedRange,
  vocabularyLabel,
  valueParams,
  withOnly,
  withoutValue,
  withValue,
} from './filter-state';

describe('parseFilterState', () => {
  it('defaults to the last 12 weeks without filters', () => {
    expect(parseFilterState({})).toEqual({ period: '12w', from: null, to: null, values: {} });
  });

  it('reads quick picks, comma lists and drops blanks and repeats', () => {
    expect(
      parseFilterState({ period: '4w', supplier: 'S1, S2,,S1', reason: ['wrong_size'] }),
    ).toEqual({
      period: '4w',
      from: null,
      to: null,
      values: { supplier: ['S1', 'S2'], reason: ['wrong_size'] },
    });
  });

  it('takes from/to as a custom period, ordered, and ignores what is not an ISO week', () => {
    expect(parseFilterState({ from: '2026-w10', to: '2026-W02', period: '4w' })).toMatchObject({
      period: 'custom',
      from: '2026-W02',
      to: '2026-W10',
    });
    expect(parseFilterState({ from: 'yesterday' })).toMatchObject({ period: '12w', from: null });
    expect(parseFilterState({ period: '5w' }).period).toBe('12w');
  });
});

describe('filterQueryParams', () => {
  it('writes only what differs from the defaults and removes the rest', () => {
    const state = parseFilterState({ period: '52w', channel: 'email,chat' });
    expect(filterQueryParams(state)).toEqual({
      period: '52w',
      from: null,
      to: null,
      supplier: null,
      product: null,
      category: null,
      channel: 'email,chat',
      type: null,
      reasonCategory: null,
      reason: null,
      language: null,
    });
    expect(filterQueryParams(parseFilterState({})).period).toBeNull();
  });

  it('round-trips through the URL', () => {
    const state = parseFilterState({ from: '2026-W01', to: '2026-W12', reason: 'wrong_size' });
    const params = Object.fromEntries(
      Object.entries(filterQueryParams(state)).filter(([, v]) => v !== null),
    );
    expect(parseFilterState(params)).toEqual(state);
  });
});

describe('apiParams', () => {
  it('leaves the default 12 weeks to the API, so nothing waits', () => {
    expect(apiParams(parseFilterState({ supplier: 'S1' }), null)).toEqual({ supplier: 'S1' });
  });

  it('counts quick picks back from the anchor week, across a year boundary', () => {
    expect(apiParams(parseFilterState({ period: '4w' }), null)).toBeNull();
    expect(apiParams(parseFilterState({ period: '4w' }), '2026-W02')).toEqual({
      from: '2025-W51',
      to: '2026-W02',
    });
    expect(apiParams(parseFilterState({ period: '1w' }), '2026-W02')).toEqual({
      from: '2026-W02',
      to: '2026-W02',
    });
  });

  it('passes a custom period as given', () => {
    expect(apiParams(parseFilterState({ from: '2026-W03', type: 'return' }), null)).toEqual({
      from: '2026-W03',
      type: 'return',
    });
  });

  it('gives the values alone for pages that choose their own week', () => {
    expect(valueParams(parseFilterState({ period: '4w', language: 'he' }))).toEqual({
      language: 'he',
    });
  });
});

describe('changing filters', () => {
  const base = parseFilterState({ supplier: 'S1' });

  it('adds, removes and narrows values', () => {
    expect(withValue(base, 'supplier', 'S2').values).toEqual({ supplier: ['S1', 'S2'] });
    expect(withValue(base, 'supplier', 'S1')).toBe(base);
    expect(withoutValue(base, 'supplier', 'S1').values).toEqual({});
    expect(withOnly(withValue(base, 'supplier', 'S2'), 'supplier', ['S3']).values).toEqual({
      supplier: ['S3'],
    });
  });
});

describe('describeFilters', () => {
  it('states the period and every filter in words', () => {
    const state = parseFilterState({ period: '4w', reason: 'wrong_size', supplier: 'S1' });
    const range = resolvedRange(state, '2026-W10');
    expect(range).toEqual({ from: '2026-W07', to: '2026-W10' });
    expect(describeFilters(state, range, (key, v) => (key === 'supplier' ? 'Kestrel' : v))).toBe(
      'Last 4 weeks (2026-W07 – 2026-W10) · Supplier: Kestrel · Reason: wrong_size',
    );
    expect(describeFilters(state, range)).toContain('Reason: Wrong size');
  });
});

describe('languageName', () => {
  it('names an undetected language the same way everywhere', () => {
    expect(languageName('und')).toBe('Not detected');
    expect(languageName(null)).toBe('Not detected');
    expect(languageName('')).toBe('Not detected');
    expect(vocabularyLabel('language', 'und')).toBe('Not detected');
  });

  it('names analysed languages and others it knows', () => {
    expect(languageName('he')).toBe('Hebrew');
    expect(languageName('fr')).toBe('French');
    expect(languageName('zz-not-a-code!')).toBe('zz-not-a-code!');
  });
});
