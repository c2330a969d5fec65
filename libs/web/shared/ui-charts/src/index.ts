export * from './lib/tokens';
export * from './lib/i18n/en';
export * from './lib/i18n/chart-text';
export * from './lib/echarts-types';
export * from './lib/format';
export * from './lib/option-common';
export * from './lib/pareto-option';
export * from './lib/trend-option';
export * from './lib/cohort-option';
export * from './lib/sparkline-option';
export * from './lib/funnel-option';
export * from './lib/root-cause-options';
export * from './lib/sla-options';
export * from './lib/feedback-options';
export * from './lib/aspect-options';
export * from './lib/supplier-options';
export * from './lib/theme.store';
export * from './lib/chart/chart';
export * from './lib/kpi-tile/kpi-tile';
export * from './lib/sparkline/sparkline';

/** For provideEchartsCore: ECharts loads on first use, tree-shaken. */
export const loadEcharts = () => import('./lib/echarts-setup');
