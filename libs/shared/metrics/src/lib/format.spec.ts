import { MINUS, formatDateRange, formatDuration, formatPValue } from './format';

describe('formatDuration', () => {
  it('writes hours as people read durations', () => {
    expect(formatDuration(0.6)).toBe('36 min');
    expect(formatDuration(5.25)).toBe('5 h 15 min');
    expect(formatDuration(13.6)).toBe('14 h');
    expect(formatDuration(52)).toBe('2 d 4 h');
    expect(formatDuration(23.9 + 24)).toBe('2 d');
    expect(formatDuration(240)).toBe('10 d');
  });

  it('signs negatives with U+2212 and writes unknowns as a dash', () => {
    expect(formatDuration(-3)).toBe(`${MINUS}3 h`);
    expect(formatDuration(-0.5)).toBe(`${MINUS}30 min`);
    expect(formatDuration(null)).toBe('–');
    expect(formatDuration(Number.NaN)).toBe('–');
  });
});

describe('formatPValue', () => {
  it('writes p-values with three decimals, or as a bound below 0.001', () => {
    expect(formatPValue(0.0338)).toBe('p = 0.034');
    expect(formatPValue(0.001)).toBe('p = 0.001');
    expect(formatPValue(0.00001)).toBe('p < 0.001');
  });
});

describe('formatDateRange', () => {
  it('writes ranges within a month, across months and across years', () => {
    expect(formatDateRange('2026-11-16', '2026-11-22')).toBe('16–22 Nov 2026');
    expect(formatDateRange('2026-09-28', '2026-10-04')).toBe('28 Sept – 4 Oct 2026');
    expect(formatDateRange('2026-12-28', '2027-01-03')).toBe('28 Dec 2026 – 3 Jan 2027');
  });

  it('reads the dates in UTC in any locale it is given', () => {
    expect(formatDateRange('2026-11-16', '2026-11-22', 'en-GB')).toBe('16–22 Nov 2026');
  });
});
