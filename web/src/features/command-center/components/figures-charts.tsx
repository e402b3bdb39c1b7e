import { Card, Col, Row } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { tcc } from '../../../locales/command-center.zh-CN.ts';
import type { CommandCenterDto } from '../api.ts';
import { Chart, percent, type ChartOption } from './chart.tsx';

const grid = { left: 8, right: 16, top: 36, bottom: 8, containLabel: true };

function barOption(categories: string[], values: (number | null)[], isHorizontal = false): ChartOption {
  const category = { type: 'category' as const, data: categories, axisLabel: { width: 120, overflow: 'truncate' as const }, inverse: isHorizontal };
  const value = { type: 'value' as const };
  return {
    grid: { ...grid, top: 8, right: 48 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: isHorizontal ? value : category,
    yAxis: isHorizontal ? category : value,
    series: [{ type: 'bar', data: values, barMaxWidth: 24, label: { show: true, position: isHorizontal ? 'right' : 'top' } }],
  };
}

/** The queue now: who waits in each queue (drills down to the queue figures). */
export function QueueNowChart({ data, isDark = false, height = 220 }: { data: CommandCenterDto; isDark?: boolean; height?: number }) {
  const navigate = useNavigate();
  const option = useMemo(() => barOption(data.now.queues.map((q) => q.name), data.now.queues.map((q) => q.waiting)), [data.now.queues]);
  return <Chart option={option} title={tcc.now.byQueue} height={height} isDark={isDark} testId="chart-queues" onPick={() => navigate('/queue-figures')} />;
}

/** 30 days by day and 12 months by month: 好评率, 差评回访率, and the average wait. */
export function TrendCharts({ data, isDark = false, height = 260 }: { data: CommandCenterDto; isDark?: boolean; height?: number }) {
  const days = useMemo<ChartOption>(
    () => ({
      grid,
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: data.trends.days.map((d) => d.date.slice(5)) },
      yAxis: [{ type: 'value', max: 100 }, { type: 'value' }],
      series: [
        { type: 'line', name: tcc.trends.goodRate, data: data.trends.days.map((d) => percent(d.goodRate)), connectNulls: true },
        { type: 'line', name: tcc.trends.callbackRate, data: data.trends.days.map((d) => percent(d.callbackRate)), connectNulls: true },
        { type: 'line', name: tcc.trends.wait, yAxisIndex: 1, data: data.trends.days.map((d) => d.averageWaitMinutes), connectNulls: true },
      ],
    }),
    [data.trends.days],
  );
  const months = useMemo<ChartOption>(
    () => ({
      grid,
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: data.trends.months.map((m) => m.month) },
      yAxis: { type: 'value', max: 100 },
      series: [
        { type: 'line', name: tcc.trends.goodRate, data: data.trends.months.map((m) => percent(m.goodRate)) },
        { type: 'line', name: tcc.trends.callbackRate, data: data.trends.months.map((m) => percent(m.callbackRate)) },
      ],
    }),
    [data.trends.months],
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" title={tcc.trends.days}>
          <Chart option={days} title={tcc.trends.days} height={height} isDark={isDark} testId="chart-days" />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={tcc.trends.months}>
          <Chart option={months} title={tcc.trends.months} height={height} isDark={isDark} testId="chart-months" />
        </Card>
      </Col>
    </Row>
  );
}

const GROUPS = ['department', 'counter', 'clerk', 'item', 'channel'] as const;

/** 好评率 by department, counter, clerk, item and channel; a bar drills down to the evaluation figures. */
export function BreakdownCharts({ data }: { data: CommandCenterDto }) {
  const navigate = useNavigate();
  return (
    <Row gutter={[16, 16]}>
      {GROUPS.map((g) => {
        const rows = data.breakdowns[g].slice(0, 12);
        return (
          <Col xs={24} lg={12} xl={8} key={g}>
            <Card size="small" title={`${tcc.breakdowns.title} ${tcc.breakdowns[g]}`}>
              <Chart
                option={barOption(
                  rows.map((r) => r.label),
                  rows.map((r) => percent(r.value)),
                  true,
                )}
                title={`${tcc.breakdowns.title} ${tcc.breakdowns[g]}`}
                height={Math.max(160, rows.length * 28 + 24)}
                testId={`chart-${g}`}
                onPick={() => navigate('/evaluation-figures')}
              />
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
