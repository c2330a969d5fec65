import { escapeHtml, formatMoney, formatQValue, formatShare, formatDuration } from './format';

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
