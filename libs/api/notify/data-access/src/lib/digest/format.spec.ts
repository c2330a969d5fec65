import {
  escapeHtml,
  formatDateRange,
  formatDuration,
  formatInstant,
  formatMoney,
  formatPValue,
  formatQValue,
  formatShare,
  formatTarget,
} from './format';

describe('escapeHtml', () => {
  it('turns markup into text: a script tag never reaches the mail as a tag', () => {
    expect(escapeHtml('<script>alert("x")</script>')).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;',
    );
  });

  it('escapes both quotes and the ampersand (attribute values stay closed)', () => {
    expect(escapeHtml(`Tom's "best" & co`)).toBe('Tom&#39;s &quot;best&quot; &amp; co');
    expect(escapeHtml('" onmouseover="x')).not.toContain('"');
  });

  it('writes null and numbers as text', () => {
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(3.5)).toBe('3.5');
  });
});

describe('digest formats', () => {
  it('writes money in its currency with its minor units', () => {
    expect(formatMoney(1200, 'EUR')).toBe('€1,200.00');
    expect(formatMoney(-35.5, 'PLN')).toMatch(/^\u2212PLN\s35\.50$/);
    expect(formatMoney(10, 'EURO')).toBe('10 EURO');
  });

  it('writes shares as percentages with one decimal, as the dashboard does', () => {
    expect(formatShare(0.0312)).toBe('3.1%');
    expect(formatShare(null)).toBe('–');
  });

  it('writes q-values as the weekly report does', () => {
    expect(formatQValue(0.0031)).toBe('q = 0.003');
    expect(formatQValue(0.0004)).toBe('q < 0.001');
  });

  it('writes durations as people read them', () => {
    expect(formatDuration(5.25)).toBe('5 h 15 min');
    expect(formatDuration(52)).toBe('2 d 4 h');
  });
});

describe('digest formats in the reader’s locale', () => {
  it('writes decimal commas and the currency where each locale puts it', () => {
    expect(formatShare(0.0312, 'pl-PL')).toBe('3,1%');
    expect(formatShare(0.0312, 'de-DE')).toBe('3,1\u00a0%');
    expect(formatMoney(1200, 'EUR', 'de-DE')).toBe('1.200,00\u00a0€');
    expect(formatMoney(-35.5, 'PLN', 'pl-PL')).toBe('\u221235,50\u00a0zł');
    expect(formatMoney(1200, 'ILS', 'he-IL')).toMatch(/1,200\.00\s\u200f?₪/);
  });

  it('writes p- and q-values, durations, targets and dates in the locale', () => {
    expect(formatQValue(0.0031, 'ru-RU')).toBe('q = 0,003');
    expect(formatPValue(0.21, 'es-ES')).toBe('p = 0,210');
    expect(formatPValue(0.0001, 'pl-PL')).toBe('p < 0,001');
    expect(formatDuration(5.25, 'pl-PL')).toBe('5 godz. 15 min');
    expect(formatTarget(48, 'pl-PL')).toBe('2 dni');
    expect(formatTarget(24, 'en-GB')).toBe('24 h');
    expect(formatDateRange('2026-11-23', '2026-11-29', 'pl-PL')).toBe('23–29 lis 2026');
    expect(formatInstant('2026-12-04T08:00:00Z', 'Europe/Warsaw', 'pl-PL')).toBe(
      'pt., 4 gru, 09:00',
    );
  });
});
