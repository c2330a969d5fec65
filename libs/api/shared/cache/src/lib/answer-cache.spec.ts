import { minuteNow } from '@returnlens/api/shared/util';
import { cacheKey } from './answer-cache';

describe('response cache keys', () => {
  it('ignores parameter order and the encoding, not the values', () => {
    expect(cacheKey('/api/analytics/pareto', { to: '2026-W10', from: '2026-W01' })).toBe(
      cacheKey('/api/analytics/pareto', { from: '2026-W01', to: '2026-W10', format: 'csv' }),
    );
    expect(cacheKey('/api/analytics/pareto', { from: '2026-W01' })).not.toBe(
      cacheKey('/api/analytics/pareto', { from: '2026-W02' }),
    );
    expect(cacheKey('/api/analytics/pareto', {})).not.toBe(cacheKey('/api/analytics/matrix', {}));
    // A list and a comma-joined string are different requests.
    expect(cacheKey('/p', { supplier: ['a', 'b'] })).not.toBe(cacheKey('/p', { supplier: 'a,b' }));
  });

  it('judges now at the start of the minute', () => {
    expect(minuteNow(Date.parse('2026-03-02T09:15:59.999Z')).toISOString()).toBe(
      '2026-03-02T09:15:00.000Z',
    );
    expect(minuteNow(Date.parse('2026-03-02T09:16:00.000Z')).toISOString()).toBe(
      '2026-03-02T09:16:00.000Z',
    );
  });
});
