import { AUDIT_CHANGES_KEPT, changesOf } from './audit-changes';

describe('changesOf', () => {
  it('names each changed value with its old and new value', () => {
    expect(
      changesOf(
        { returnWindowDays: 30, targets: { processingHours: 24, satisfaction: 0.95 } },
        { returnWindowDays: 45, targets: { processingHours: 24, satisfaction: 0.9 } },
      ),
    ).toEqual({ returnWindowDays: '30 → 45', 'targets.satisfaction': '0.95 → 0.9' });
  });

  it('says which list entries were added and removed', () => {
    expect(
      changesOf(
        { holidays: ['2026-12-25', '2026-12-26'], workingDays: [1, 2, 3, 4, 5] },
        { holidays: ['2026-12-24', '2026-12-25'], workingDays: [1, 2, 3, 4, 5] },
      ),
    ).toEqual({ holidays: 'added 2026-12-24; removed 2026-12-26' });
  });

  it('tells SLA policies apart by name, other objects by position', () => {
    const policy = { name: 'First response', targetHours: 24 };
    expect(
      changesOf(
        [policy, { name: 'Resolution', targetHours: 72 }],
        [
          { ...policy, targetHours: 8 },
          { name: 'Refund', targetHours: 48 },
        ],
      ),
    ).toEqual({
      '[First response].targetHours': '24 → 8',
      '[Refund]': 'added',
      '[Resolution]': 'removed',
    });
    expect(
      changesOf(
        { hours: [{ start: '09:00', end: '17:00' }] },
        { hours: [{ start: '08:00', end: '17:00' }] },
      ),
    ).toEqual({ 'hours[1].start': '09:00 → 08:00' });
  });

  it('records a value that appears or disappears, and nothing when nothing changed', () => {
    expect(changesOf(undefined, { kind: 'claims' })).toEqual({ value: '— → {"kind":"claims"}' });
    expect(changesOf({ defaults: { type: 'return' } }, { defaults: {} })).toEqual({
      'defaults.type': 'return → —',
    });
    expect(changesOf({ a: [1, 2] }, { a: [1, 2] })).toEqual({});
  });

  it('keeps a bounded number of changes and counts the others, each value cut short', () => {
    const before = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i]));
    const after = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i + 1]));
    const changes = changesOf(before, after);
    expect(Object.keys(changes)).toHaveLength(AUDIT_CHANGES_KEPT + 1);
    expect(changes['more']).toBe('8 other changes');
    expect(changesOf({ a: 'x' }, { a: 'y'.repeat(200) })['a']).toMatch(/^x → y{79}…$/);
  });
});
