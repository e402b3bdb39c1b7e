import type { BarSeriesOption } from 'echarts/charts';
import { BarChart as EBarChart } from 'echarts/charts';
import type { AriaComponentOption, GridComponentOption, TooltipComponentOption } from 'echarts/components';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([EBarChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

type Option = echarts.ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption | AriaComponentOption>;

type Props = {
  /** what each bar is (options, scores) */
  categories: string[];
  values: number[];
  /** the text at the end of each bar, e.g. "3（37.5%）"; the value when not given */
  labels?: string[];
  /** bars from the left (long option texts) instead of from the bottom */
  isHorizontal?: boolean;
  /** read out by screen readers, with the data (ECharts' aria description) */
  title: string;
  height?: number;
  testId?: string;
};

/**
 * A bar chart drawn by Apache ECharts (only the bar chart and the SVG renderer are bundled).
 * The chart follows its container's width.
 */
export function BarChart({ categories, values, labels, isHorizontal = false, title, height, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = ref.current!;
    const chart = echarts.init(element, undefined, { renderer: 'svg' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const category = { type: 'category' as const, data: categories, axisLabel: { width: 160, overflow: 'truncate' as const }, inverse: isHorizontal };
    const value = { type: 'value' as const, minInterval: 1 };
    const option: Option = {
      aria: { enabled: true, label: { description: `${title}：${categories.map((c, i) => `${c} ${labels?.[i] ?? values[i]}`).join('；')}` } },
      grid: { left: 8, right: isHorizontal ? 88 : 16, top: isHorizontal ? 8 : 28, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: isHorizontal ? value : category,
      yAxis: isHorizontal ? category : value,
      series: [
        {
          type: 'bar',
          data: values,
          barMaxWidth: 28,
          itemStyle: { color: '#1677ff' },
          label: { show: true, position: isHorizontal ? 'right' : 'top', formatter: (p) => labels?.[p.dataIndex] ?? String(p.value) },
        },
      ],
    };
    chartRef.current?.setOption(option, true);
  }, [categories, values, labels, isHorizontal, title]);

  return <div ref={ref} style={{ width: '100%', height: height ?? Math.max(160, categories.length * 40 + 24) }} data-testid={testId} />;
}
