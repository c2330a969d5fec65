import type { ECOption } from './echarts-types';

/** A 12-week sparkline; the last point, the reported week, is marked. */
export function buildSparklineOption(values: readonly number[], color: string): ECOption {
  return {
    animation: false,
    grid: { left: 2, right: 4, top: 4, bottom: 4 },
    xAxis: { type: 'category', show: false, boundaryGap: false, data: values.map((_, i) => i) },
    yAxis: { type: 'value', show: false, min: (extent: { min: number }) => extent.min * 0.9 },
    tooltip: { show: false },
    series: [
      {
        type: 'line',
        data: values.map((value, i) =>
          i === values.length - 1 ? { value, symbol: 'circle', symbolSize: 6 } : value,
        ),
        symbol: 'none',
        lineStyle: { width: 1.5, color },
        itemStyle: { color },
        silent: true,
      },
    ],
  };
}
