import { Card, Col, DatePicker, Empty, Radio, Row, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { HistoryGroup } from '@server/modules/queue/figures/contract.ts';
import { useAuth } from '../../../app/auth-context.tsx';
import { GuaranteePanel } from '../../appointments/components/guarantee-page.tsx';
import { ty } from '../../../locales/appointments.zh-CN.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { optionsOf } from '../../../lib/options.ts';
import { formatDateTime, nowInShanghai, toIsoDate } from '../../../lib/time.ts';
import { tq } from '../../../locales/queue.zh-CN.ts';
import type { HistoryFigures, LiveFigures } from '../api.ts';
import { useHistoryFigures, useLiveFigures } from '../queries.ts';

const minutes = (n: number | null) => tq.common.minutes(n);

/** Figures for managers: the center now, and history per day, queue, counter and clerk. */
export function FiguresPage() {
  const { me, can } = useAuth();
  if (!me.centerId) return <Empty />;
  return (
    <Card title={tq.figures.title}>
      <Tabs
        items={[
          { key: 'live', label: tq.figures.live, children: <Live centerId={me.centerId} /> },
          { key: 'history', label: tq.figures.history, children: <History centerId={me.centerId} /> },
          // A.6: the appointments' 3-working-day guarantee (features/appointments)
          ...(can('appointment.view') ? [{ key: 'guarantee', label: ty.staff.tabs.guarantee, children: <GuaranteePanel centerId={me.centerId} /> }] : []),
        ]}
      />
    </Card>
  );
}

function Live({ centerId }: { centerId: string }) {
  const live = useLiveFigures(centerId);
  if (live.isError) return <QueryError error={live.error} onRetry={() => void live.refetch()} />;
  const data = live.data;
  const totals = data?.totals;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="figures-live">
      <Row gutter={[16, 16]}>
        {(
          [
            [tq.figures.waiting, totals?.waiting],
            [tq.figures.longest, totals ? minutes(totals.longestWaitMinutes) : undefined],
            [tq.figures.countersOpen, totals?.countersOpen],
            [tq.figures.issued, totals?.issuedToday],
            [tq.figures.done, totals?.doneToday],
            [tq.figures.noShow, totals?.noShowToday],
            [tq.figures.avgWait, totals ? minutes(totals.averageWaitMinutes) : undefined],
            [tq.figures.avgService, totals ? minutes(totals.averageServiceMinutes) : undefined],
          ] as const
        ).map(([title, value]) => (
          <Col key={title} xs={12} md={6} xl={3}>
            <Card size="small">
              <Statistic title={title} value={value ?? '—'} loading={live.isPending} />
            </Card>
          </Col>
        ))}
      </Row>
      <Table<LiveFigures['queues'][number]>
        rowKey="id"
        size="small"
        loading={live.isPending}
        dataSource={data?.queues}
        pagination={false}
        columns={[
          { title: tq.figures.queue, key: 'q', render: (_, q) => tq.common.queueLabel(q.prefix, q.name) },
          { title: tq.figures.waiting, dataIndex: 'waiting' },
          { title: tq.figures.longest, dataIndex: 'longestWaitMinutes', render: minutes },
          { title: tq.figures.countersOpen, dataIndex: 'countersOpen' },
          { title: tq.figures.issued, dataIndex: 'issuedToday' },
          { title: tq.figures.done, dataIndex: 'doneToday' },
          { title: tq.figures.avgWait, dataIndex: 'averageWaitMinutes', render: minutes },
          { title: tq.figures.avgService, dataIndex: 'averageServiceMinutes', render: minutes },
        ]}
      />
      <Table<LiveFigures['counters'][number]>
        rowKey="id"
        size="small"
        loading={live.isPending}
        dataSource={data?.counters.filter((c) => c.state !== 'closed' || c.doneToday > 0)}
        pagination={false}
        columns={[
          { title: tq.figures.counter, key: 'c', render: (_, c) => `${tq.common.counterLabel(c.number)} ${c.name}` },
          {
            title: tq.figures.state,
            dataIndex: 'state',
            render: (s: LiveFigures['counters'][number]['state']) => <Tag color={s === 'open' ? 'green' : s === 'paused' ? 'orange' : 'default'}>{tq.sessionStates[s]}</Tag>,
          },
          { title: tq.figures.clerk, dataIndex: 'staffName' },
          { title: tq.figures.current, dataIndex: 'currentDisplayNumber' },
          { title: tq.figures.done, dataIndex: 'doneToday' },
        ]}
      />
      {data && <Typography.Text type="secondary">{tq.figures.refreshed(formatDateTime(data.generatedAt).slice(11))}</Typography.Text>}
    </Space>
  );
}

function History({ centerId }: { centerId: string }) {
  const today = nowInShanghai();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([today.subtract(13, 'day'), today]);
  const [by, setBy] = useState<HistoryGroup>('day');
  const history = useHistoryFigures(centerId, toIsoDate(range[0]), toIsoDate(range[1]), by);
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  const rows = history.data ? [...history.data.rows, history.data.total] : [];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <span>{tq.figures.range}</span>
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          disabledDate={(d) => d.isAfter(dayjs().add(1, 'day'))}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
        />
        <span>{tq.figures.group}</span>
        <Radio.Group optionType="button" value={by} onChange={(e) => setBy(e.target.value)} options={optionsOf(tq.historyGroups)} />
      </Space>
      <Table<HistoryFigures['rows'][number]>
        rowKey="key"
        size="small"
        data-testid="figures-history"
        loading={history.isPending}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: tq.historyGroups[by], dataIndex: 'label', render: (v: string, r) => (r.key === 'total' ? <strong>{v}</strong> : v) },
          { title: tq.figures.tickets, dataIndex: 'tickets' },
          { title: tq.figures.doneShort, dataIndex: 'done' },
          { title: tq.figures.noShowShort, dataIndex: 'noShow' },
          { title: tq.figures.cancelled, dataIndex: 'cancelled' },
          { title: tq.figures.avgWait, dataIndex: 'averageWaitMinutes', render: minutes },
          { title: tq.figures.maxWait, dataIndex: 'maxWaitMinutes', render: minutes },
          { title: tq.figures.avgService, dataIndex: 'averageServiceMinutes', render: minutes },
        ]}
      />
    </Space>
  );
}
