import {
  formatAverage,
  formatCount,
  formatDateRange,
  formatPValue,
  formatShare,
  formatSignedAverage,
  formatSignedShare,
  formatWeek,
  withMinusSign,
} from './format';

describe('format', () => {
  it('formats counts, averages and shares for the locale', () => {
    expect(formatCount(12345, 'en-GB')).toBe('12,345');
    expect(formatCount(12345, 'de-DE')).toBe('12.345');
    expect(formatAverage(496.25, 'en-GB')).toBe('496.3');
    expect(formatShare(0.1875, 'en-GB')).toBe('18.8%');
    expect(formatShare(0.1875, 'pl-PL')).toBe('18,8%');
  });

  it('signs changes, and never signs zero', () => {
    expect(formatSignedAverage(48, 'en-GB')).toBe('+48');
    expect(formatSignedAverage(-3.25, 'en-GB')).toBe('\u22123.3');
    expect(formatSignedAverage(0, 'en-GB')).toBe('0');
    expect(formatSignedShare(0.0967, 'en-GB')).toBe('+9.7%');
  });

  it('writes p-values as people read them', () => {
    expect(formatPValue(0.0338)).toBe('p = 0.034');
    expect(formatPValue(0.00001)).toBe('p < 0.001');
  });

  it('writes week ranges within a month, across months and across years', () => {
    expect(formatDateRange('2026-11-16', '2026-11-22')).toBe('16–22 Nov 2026');
    expect(formatDateRange('2026-09-28', '2026-10-04')).toBe('28 Sept – 4 Oct 2026');
    expect(formatDateRange('2026-12-28', '2027-01-03')).toBe('28 Dec 2026 – 3 Jan 2027');
    expect(formatWeek('2026-W07')).toBe('Week 7, 2026');
  });
});

import { formatDuration, formatMoney, formatNetSentiment, formatPpm } from './format';

describe('format (durations, PPM, money, sentiment)', () => {
  it('writes durations as "2 d 4 h"', () => {
    expect(formatDuration(0.6)).toBe('36 min');
    expect(formatDuration(5.25)).toBe('5 h 15 min');
    expect(formatDuration(13.6)).toBe('14 h');
    expect(formatDuration(52)).toBe('2 d 4 h');
    expect(formatDuration(23.9 + 24)).toBe('2 d');
    expect(formatDuration(-3)).toBe('−3 h');
    expect(formatDuration(null)).toBe('–');
  });

  it('writes PPM as integers and money with its currency', () => {
    expect(formatPpm(1234.6, 'en-GB')).toBe('1,235');
    expect(formatMoney(1234.5, 'EUR', 'en-GB')).toBe('€1,235');
    expect(formatMoney(10, 'EURO', 'en-GB')).toBe('10 EURO');
  });

  it('writes net sentiment as signed points', () => {
    expect(formatNetSentiment(0.234, 'en-GB')).toBe('+23');
    expect(formatNetSentiment(-0.05, 'en-GB')).toBe('\u22125');
    expect(formatNetSentiment(null)).toBe('–');
  });
});

describe('one minus sign (U+2212) in every formatter', () => {
  it('writes negatives with U+2212, never the hyphen-minus Intl writes', () => {
    const negatives = [
      formatCount(-1234, 'en-GB'),
      formatAverage(-2.25, 'en-GB'),
      formatShare(-0.125, 'en-GB'),
      formatSignedShare(-0.125, 'en-GB'),
      formatSignedAverage(-7, 'en-GB'),
      formatNetSentiment(-0.4, 'en-GB'),
      formatMoney(-50, 'EUR', 'en-GB'),
      formatDuration(-30),
    ];
    expect(negatives).toEqual([
      '\u22121,234',
      '\u22122.3',
      '\u221212.5%',
      '\u221212.5%',
      '\u22127',
      '\u221240',
      '\u2212€50',
      '\u22121 d 6 h',
    ]);
    expect(negatives.join('')).not.toContain('-');
  });

  it('leaves hyphens that are not signs alone', () => {
    expect(withMinusSign('2026-W07')).toBe('2026-W07');
  });
});
