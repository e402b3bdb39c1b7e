import { Card, Flex, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { tcc } from '../../../locales/command-center.zh-CN.ts';
import type { TargetDto } from '../api.ts';
import { Chart, percent, type ChartOption } from './chart.tsx';

/** Where each target drills down to: the list behind the figure, and who may open it. */
export const DRILL: Record<TargetDto['key'], { path: (period: { from: string; to: string }) => string; permission: string }> = {
  callback_rate: { path: (p) => `/callbacks?state=open&from=${p.from}&to=${p.to}`, permission: 'evaluation.callback' },
  rectification_rate: { path: () => '/evaluation-figures', permission: 'evaluation.figures' },
  feedback_response_rate: { path: () => '/feedback-figures', permission: 'feedback.figures' },
  slot_within_3_days: { path: () => '/appointments/guarantee', permission: 'appointment.view' },
  on_time_rate: { path: () => '/time-limits', permission: 'time_limit.view' },
  one_time_acceptance_rate: { path: () => '/application-figures', permission: 'application.figures' },
  deferred_overdue: { path: () => '/application-figures', permission: 'application.figures' },
  commitments_awaiting: { path: () => '/application-figures', permission: 'application.figures' },
  wait_today: { path: () => '/queue-figures', permission: 'queue.figures' },
  service_today: { path: () => '/queue-figures', permission: 'queue.figures' },
};

export function formatValue(x: TargetDto): string {
  if (x.value === null) return tcc.noData;
  if (x.unit === 'rate') return `${percent(x.value)}%`;
  if (x.unit === 'minutes') return tcc.minutes(x.value);
  return tcc.cases(x.value);
}

function targetText(x: TargetDto): string {
  if (x.unit === 'rate') return tcc.targetOf.rate(`${percent(x.target)}%`);
  if (x.unit === 'count') return x.numerator ? `${tcc.targetOf.count}，${tcc.overdueOf(x.numerator)}` : tcc.targetOf.count;
  return tcc.targetOf.minutes(x.target === null ? tcc.noData : tcc.minutes(x.target));
}

/** A small bar chart: the value against the target (today against the last 30 days for times). */
function miniOption(x: TargetDto, isDark: boolean): ChartOption {
  const scale = x.unit === 'rate' ? 100 : 1;
  const value = x.value === null ? 0 : Math.round(x.value * scale * 10) / 10;
  const goal = x.target === null ? 0 : Math.round(x.target * scale * 10) / 10;
  const names = x.unit === 'minutes' ? [tcc.today, tcc.usual] : [tcc.actual, tcc.goal];
  return {
    grid: { left: 4, right: 40, top: 4, bottom: 4, containLabel: true },
    xAxis: { type: 'value', show: false, max: x.unit === 'rate' ? 100 : undefined },
    yAxis: { type: 'category', data: names, inverse: true, axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        data: [
          { value, itemStyle: { color: x.isMet ? '#389e0d' : '#cf1322' } },
          { value: goal, itemStyle: { color: isDark ? '#595959' : '#bfbfbf' } },
        ],
        barMaxWidth: 14,
        label: { show: true, position: 'right' },
      },
    ],
  };
}

/** The mark on the dark big screen: white on deep green or red, readable from across the hall (contrast ≥ 4.5). */
const darkMark = (isMet: boolean) => {
  const background = isMet ? '#237804' : '#a8071a';
  return { color: '#ffffff', background, borderColor: background, fontSize: 16 };
};

export function TargetCard({ target: x, period, canOpen, isDark = false }: { target: TargetDto; period: { from: string; to: string }; canOpen: boolean; isDark?: boolean }) {
  const option = useMemo(() => miniOption(x, isDark), [x, isDark]);
  const label = tcc.targets[x.key];
  const drill = DRILL[x.key];
  return (
    <Card size="small" data-testid={`target-${x.key}`} title={label} extra={canOpen ? <Link to={drill.path(period)} data-testid={`target-${x.key}-link`} aria-label={`${label}：${tcc.drill}`}>{tcc.drill}</Link> : null}>
      <Flex align="baseline" justify="space-between" gap={8} wrap>
        <Typography.Text strong style={{ fontSize: 24 }} data-testid={`target-${x.key}-value`}>
          {formatValue(x)}
        </Typography.Text>
        <Tag color={isDark ? undefined : x.isMet ? 'success' : 'error'} style={isDark ? darkMark(x.isMet) : undefined} data-testid={`target-${x.key}-mark`}>
          {x.isMet ? tcc.met : tcc.notMet}
        </Tag>
      </Flex>
      <Typography.Text type="secondary">
        {targetText(x)}
        {x.unit === 'rate' && x.denominator !== null && x.numerator !== null ? `（${tcc.countOf(x.numerator, x.denominator)}）` : ''}
      </Typography.Text>
      <Chart option={option} title={`${label} ${formatValue(x)}`} height={64} isDark={isDark} testId={`target-${x.key}-chart`} />
    </Card>
  );
}
