import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import { BarChart, LineChart } from 'echarts/charts';
import type { AriaComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useEffectEvent, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

export type ChartOption = echarts.ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | AriaComponentOption>;

type Props = {
  option: ChartOption;
  /** read out by screen readers (ECharts' aria description) */
  title: string;
  height: number;
  isDark?: boolean;
  testId?: string;
  /** a bar or point clicked: its category's index */
  onPick?: (index: number) => void;
};

/** A chart drawn by Apache ECharts (bars and lines, SVG renderer only); follows its container's width. */
export function Chart({ option, title, height, isDark = false, testId, onPick }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const pick = useEffectEvent((index: number) => onPick?.(index));

  useEffect(() => {
    const element = ref.current!;
    const chart = echarts.init(element, isDark ? 'dark' : undefined, { renderer: 'svg' });
    chartRef.current = chart;
    chart.on('click', (p) => pick(p.dataIndex));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [isDark]);

  useEffect(() => {
    chartRef.current?.setOption({ aria: { enabled: true, label: { description: title } }, ...(isDark ? { backgroundColor: 'transparent' } : {}), ...option }, true);
  }, [option, title, isDark]);

  return <div ref={ref} role="img" aria-label={title} style={{ width: '100%', height }} data-testid={testId} />;
}

/** Percent of a 0–1 rate, one decimal (null stays null: nothing measured). */
export const percent = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
