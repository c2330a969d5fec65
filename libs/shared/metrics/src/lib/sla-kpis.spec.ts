import type { SlaWeekRow } from '@returnlens/shared/contracts';
import { slaPolicyKpis, type SlaPolicyWeeks } from './sla-kpis';

const week = (met: number, breached: number, pending = 0): SlaWeekRow => ({
  met,
  breached,
  attainment: met + breached ? met / (met + breached) : null,
  pending,
  immature: pending > 0,
});
const WEEKS = [1, 2, 3, 4, 5].map((n) => ({
  week: `2026-W0${n}`,
  start: `2026-01-0${n}`,
  end: `2026-01-0${n}`,
}));
const report = (weekly: SlaWeekRow[]): SlaPolicyWeeks => ({
  period: { weeks: WEEKS.slice(-weekly.length) },
  policies: [{ id: 7, name: 'First response', metric: 'first_response', targetHours: 24, weekly }],
});

describe('slaPolicyKpis', () => {
  it('tests a mature week against the mature weeks before it, immature ones left out', () => {
    // W04 still has 5 claims pending: out of the baseline, (8 + 9 + 7) / 30 = 0.8.
    // z = (0.5 − 0.8) / √(29/40 · 11/40 · (1/10 + 1/30)) = −1.8400 → p = 0.0658.
    const [tile] = slaPolicyKpis(
      report([week(8, 2), week(9, 1), week(7, 3), week(2, 8, 5), week(5, 5)]),
    );
    expect(tile).toMatchObject({ policyId: 7, pending: 0, immature: false });
    expect(tile.kpi).toMatchObject({ value: 0.5, baseline: 0.8, significant: false });
    expect(tile.kpi!.pValue).toBeCloseTo(0.0658, 4);
    expect(tile.kpi!.week).toBeUndefined();
    expect(tile.kpi!.untested).toBeUndefined();
    expect(tile.kpi!.sparkline).toEqual([0.8, 0.9, 0.7, 0.2, 0.5]);
  });

  it('shows the latest mature week when the reported one still has claims not yet due', () => {
    // W05 and W04 are immature; W03 (6/10) against W01–W02 (17/20 = 0.85):
    // z = (0.6 − 0.85) / √(23/30 · 7/30 · (1/10 + 1/20)) = −1.5262 → p = 0.1270.
    const [tile] = slaPolicyKpis(
      report([week(8, 2), week(9, 1), week(6, 4), week(4, 1, 2), week(1, 0, 3)]),
    );
    expect(tile).toMatchObject({ pending: 3, immature: true });
    expect(tile.kpi).toMatchObject({ value: 0.6, baseline: 0.85, week: WEEKS[2] });
    expect(tile.kpi!.pValue).toBeCloseTo(0.127, 3);
    expect(tile.kpi!.sparkline).toEqual([0.8, 0.9, 0.6]);
  });

  it('has no test without a mature week to compare with, and no value without a due claim', () => {
    const [tile] = slaPolicyKpis(report([week(1, 1, 4), week(3, 1)]));
    expect(tile.kpi).toMatchObject({
      value: 0.75,
      baseline: 0,
      pValue: 1,
      significant: false,
      untested: 'too_few',
    });
    // Every week has pending claims, or no due claim at all: nothing to show yet.
    expect(slaPolicyKpis(report([week(0, 0), week(2, 0, 1), week(0, 0, 9)]))[0]).toMatchObject({
      pending: 9,
      immature: true,
      kpi: null,
    });
  });
});
