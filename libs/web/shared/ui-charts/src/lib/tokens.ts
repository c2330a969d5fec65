import type { ReasonCategoryCode } from '@returnlens/shared/contracts';

export type ThemeName = 'light' | 'dark';

/** Design tokens: the one source of colours for CSS (custom properties) and for charts. */
export interface DesignTokens {
  readonly background: string;
  readonly surface: string;
  readonly surfaceMuted: string;
  readonly border: string;
  readonly text: string;
  readonly textMuted: string;
  readonly accent: string;
  readonly good: string;
  readonly bad: string;
  readonly gridLine: string;
  readonly cumulativeLine: string;
  /** Sequential scale (heatmaps, backlog age): low → high. */
  readonly sequentialLow: string;
  readonly sequentialHigh: string;
  /** Diverging scale (sentiment, ratings): negative, neutral, positive. */
  readonly divergingNegative: string;
  readonly divergingNeutral: string;
  readonly divergingPositive: string;
}

export const DESIGN_TOKENS: Readonly<Record<ThemeName, DesignTokens>> = {
  light: {
    background: '#f5f6f8',
    surface: '#ffffff',
    surfaceMuted: '#eef0f3',
    border: '#d9dde3',
    text: '#1d232b',
    textMuted: '#5b6573',
    accent: '#0b5cad',
    good: '#007a5a',
    bad: '#b3461a',
    gridLine: '#e6e9ee',
    cumulativeLine: '#1d232b',
    sequentialLow: '#eef3fa',
    sequentialHigh: '#08427f',
    divergingNegative: '#D55E00',
    divergingNeutral: '#b4bac2',
    divergingPositive: '#0072B2',
  },
  dark: {
    background: '#12161c',
    surface: '#1b2129',
    surfaceMuted: '#242b35',
    border: '#333c48',
    text: '#e8ecf1',
    textMuted: '#a3aebb',
    accent: '#6cb4ff',
    good: '#3ccf9c',
    bad: '#ff8a5c',
    gridLine: '#2c3440',
    cumulativeLine: '#e8ecf1',
    sequentialLow: '#1f2935',
    sequentialHigh: '#8cc8ff',
    divergingNegative: '#F07B3F',
    divergingNeutral: '#6b7582',
    divergingPositive: '#56B4E9',
  },
};

/**
 * Okabe–Ito, the colour-blind-safe categorical palette, with one fixed colour per reason
 * category on every page.
 */
export const CATEGORY_COLORS: Readonly<Record<ReasonCategoryCode, string>> = {
  product_quality: '#D55E00',
  listing_accuracy: '#CC79A7',
  fulfilment: '#0072B2',
  customer_preference: '#56B4E9',
  commercial_policy: '#E69F00',
  service: '#009E73',
  support: '#F0E442',
  other: '#999999',
};

/** Custom property names, e.g. `--rl-text-muted`, for each token. */
export function cssVariables(tokens: DesignTokens): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tokens).map(([name, value]) => [
      `--rl-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
      value,
    ]),
  );
}
