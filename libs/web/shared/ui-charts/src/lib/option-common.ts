import { formatAverage } from './format';
import type { DesignTokens } from './tokens';

/** The parts every chart shares: text, tooltip and axis colours from the theme. */
export function baseOption(tokens: DesignTokens) {
  return {
    aria: { enabled: true },
    animationDuration: 300,
    textStyle: { color: tokens.text, fontFamily: 'inherit' },
  };
}

export function tooltipStyle(tokens: DesignTokens) {
  return {
    backgroundColor: tokens.surface,
    borderColor: tokens.border,
    textStyle: { color: tokens.text },
    confine: true,
  };
}

export function axisStyle(tokens: DesignTokens) {
  return {
    // Numbers as everywhere else in the UI (grouping, and U+2212 for negatives).
    axisLabel: {
      color: tokens.textMuted,
      formatter: (value: unknown) =>
        typeof value === 'number' ? formatAverage(value) : String(value),
    },
    axisLine: { lineStyle: { color: tokens.border } },
    splitLine: { lineStyle: { color: tokens.gridLine } },
    nameTextStyle: { color: tokens.textMuted },
  };
}

/** `2026-W07` → "W7". */
export function shortWeek(week: string): string {
  return `W${Number(week.slice(-2))}`;
}

/** Rounds a share to a percentage with one decimal for chart data: 0.12345 → 12.3. */
export function pct(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000) / 10;
}

/** Shortens a label for an axis without cutting a word in half. */
export function shortLabel(text: string, max = 22): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
